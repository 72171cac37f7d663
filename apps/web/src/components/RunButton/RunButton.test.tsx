import { beforeEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { setRequest } from '../../store/scenario-edits';
import { appStore, resetAppStore } from '../../store/store';
import { RunButton } from './RunButton';

describe('RunButton', () => {
  beforeEach(resetAppStore);

  it('is enabled for a valid scenario and carries the automation hook', () => {
    const html = renderToStaticMarkup(<RunButton />);
    expect(html).toContain('data-testid="run"');
    expect(html).not.toContain('disabled');
  });

  it('is disabled with the reason said when the scenario has errors', () => {
    const before = appStore.getState().scenario;
    appStore.getState().editScenario((s) => setRequest(s, 'url', ''));
    const html = renderToStaticMarkup(<RunButton />);
    expect(html).toContain('disabled=""');
    expect(html).toContain('The scenario has 1 error: fix it to run.');
    appStore.getState().loadScenario(before);
  });
});
