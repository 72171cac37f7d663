import { beforeEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { validateScenario } from '@cors-playground/cors-core';
import { PRESETS } from '../../presets/presets';
import { appStore, resetAppStore } from '../../store/store';
import { ServerPanel } from './ServerPanel';

function load(id: string) {
  const result = validateScenario(PRESETS.find((preset) => preset.id === id));
  if (!result.ok) throw new Error('bad preset');
  appStore.getState().loadScenario(result.scenario);
}

describe('ServerPanel', () => {
  beforeEach(resetAppStore);

  it('edits the preflight and the actual answer of each route apart', () => {
    load('json-body-preflight');
    appStore.setState({ serverTab: 'form' });
    const html = renderToStaticMarkup(<ServerPanel />);
    expect(html).toContain('Preflight answer (OPTIONS)');
    expect(html).toContain('Actual answer');
    expect(html).toContain('value="204"');
    expect(html).toContain('value="201"');
  });

  it('says what the server does for a route without a preflight answer', () => {
    load('preflight-404');
    const html = renderToStaticMarkup(<ServerPanel />);
    expect(html).toContain('No answer: the server sends 404 with no CORS headers.');
  });

  it('shows redirect targets and flags a response header that cannot be sent', () => {
    load('cross-origin-redirect-null-origin');
    appStore.getState().editScenario((s) => ({ ...s, server: { routes: { ...s.server.routes, '/start': { actual: { status: 302, headers: [['Bad Name', 'x'], ['Location', '{other}/final']] } } } } }));
    const html = renderToStaticMarkup(<ServerPanel />);
    expect(html).toContain('value="{other}/final"');
    expect(html).toContain('is not a valid header name');
  });

  it('marks the JSON tab when its text has errors', () => {
    appStore.getState().setJsonText('{');
    expect(renderToStaticMarkup(<ServerPanel />)).toContain('Scenario JSON (has errors)');
    appStore.getState().resetJsonToForm();
  });
});
