import { beforeEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { appStore, resetAppStore } from '../../store/store';
import { Results } from './Results';

describe('Results', () => {
  beforeEach(resetAppStore);

  it('before any run: invites a run, and exposes the automation hooks', () => {
    appStore.setState({ runs: [], selectedRunId: null });
    const html = renderToStaticMarkup(<Results />);
    expect(html).toContain('data-testid="browser-verdict"');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('Press Run to perform the request for real in this browser.');
    expect(html).toContain('data-testid="prediction"');
    expect(html).toContain('data-agreement="none"');
  });

  it('shows a failed run in words and never by colour alone', () => {
    const { scenario, origins, browser } = appStore.getState();
    appStore.setState({ runs: [{ id: 7, startedAt: 0, scenario, origins, browser, status: 'failed', error: 'the runner did not answer within 20 s' }], selectedRunId: null });
    const html = renderToStaticMarkup(<Results />);
    expect(html).toContain('(Run #7)');
    expect(html).toContain('Failed: </span>The run could not complete: the runner did not answer within 20 s');
    expect(html).toContain('data-agreement="unknown"');
    appStore.setState({ runs: [] });
  });
});
