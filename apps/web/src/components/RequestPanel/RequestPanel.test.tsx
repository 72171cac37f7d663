import { beforeEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { setRequest } from '../../store/scenario-edits';
import { appStore, resetAppStore } from '../../store/store';
import { RequestPanel } from './RequestPanel';

describe('RequestPanel', () => {
  beforeEach(resetAppStore);

  it('shows the method exactly as typed, and flags a method that is not a token', () => {
    const before = appStore.getState().scenario;
    appStore.getState().editScenario((s) => setRequest(s, 'method', 'GET ME'));
    const html = renderToStaticMarkup(<RequestPanel />);
    expect(html).toContain('value="GET ME"');
    expect(html).toContain('is not a valid method (a token): the browser throws a TypeError before sending');
    appStore.getState().loadScenario(before);
  });

  it('offers the four requesting origins, with the real origin names', () => {
    appStore.getState().setOrigins({ page: 'http://web.localhost:1', api: 'http://api.localhost:1', other: 'http://other.localhost:1' });
    const html = renderToStaticMarkup(<RequestPanel />);
    expect(html).toContain('This page: http://web.localhost:1');
    expect(html).toContain('Another origin: http://other.localhost:1');
    expect(html).toContain('Opaque origin &quot;null&quot; (sandboxed iframe): null');
  });

  it('hides fetch-only options for XMLHttpRequest', () => {
    const before = appStore.getState().scenario;
    appStore.getState().editScenario((s) => setRequest(s, 'api', 'xhr'));
    const html = renderToStaticMarkup(<RequestPanel />);
    expect(html).not.toContain('>mode<');
    expect(html).toContain('credentials (include = withCredentials)');
    appStore.getState().loadScenario(before);
  });
});
