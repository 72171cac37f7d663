import { beforeEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { PRESETS } from '../../presets/presets';
import { appStore, resetAppStore } from '../../store/store';
import { loadPreset } from '../../store/scenario-actions';
import { PresetPicker } from './PresetPicker';

describe('PresetPicker', () => {
  beforeEach(resetAppStore);

  it('lists every preset by title', () => {
    const html = renderToStaticMarkup(<PresetPicker />);
    for (const preset of PRESETS) expect(html).toContain(`value="${preset.id}"`);
  });

  it('loads a preset into the editor, JSON text included', () => {
    loadPreset('lower-case-patch');
    expect(appStore.getState().scenario.request.method).toBe('patch');
    expect(appStore.getState().jsonText).toContain('"method": "patch"');
  });
});
