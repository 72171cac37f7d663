import { beforeEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { applyFix } from '../../store/fix-actions';
import { selectFixes } from '../../store/fix-selectors';
import { loadPreset, undoLoad } from '../../store/scenario-actions';
import { selectPrediction } from '../../store/selectors';
import { appStore, resetAppStore } from '../../store/store';
import { Fixes } from './Fixes';

const outcome = () => {
  const prediction = selectPrediction(appStore.getState());
  return prediction.ok ? prediction.explanation.prediction.outcome : 'none';
};

describe('Fixes', () => {
  beforeEach(resetAppStore);

  it('shows nothing for a passing, safe scenario', () => {
    loadPreset('credentials-allowed');
    expect(renderToStaticMarkup(<Fixes />)).toBe('');
  });

  it('lists the fixes of a failing scenario (one here: `*` would not cover Authorization), marked safest, with Apply', () => {
    loadPreset('preflight-401');
    const html = renderToStaticMarkup(<Fixes />);
    expect(html.match(/data-testid="fix-suggestion"/g)?.length).toBe(1);
    expect(html).toContain('(safest)');
    expect(html).toContain('answer the preflight with 204 instead of 401');
    expect(html.match(/Apply this fix/g)?.length).toBe(1);
  });

  it('Apply replaces the scenario with the fixed one (the prediction passes), with Undo back to the failing one', () => {
    loadPreset('preflight-401');
    const failing = appStore.getState().scenario;
    const result = selectFixes(appStore.getState());
    if (!result.ok) throw new Error(result.reason);
    applyFix(result.fixes[0]!);
    expect(outcome()).toBe('ok');
    expect(appStore.getState().scenario.expect).toBeUndefined();
    const notice = appStore.getState().notices.at(-1);
    expect(notice?.action).toBe('undo-load');
    expect(notice?.lines).toContain('/secure (preflight): answer the preflight with 204 instead of 401 (before authentication and routing run)');
    undoLoad();
    expect(appStore.getState().scenario).toBe(failing);
    expect(outcome()).toBe('network-error');
  });

  it('the safety lens flags a passing scenario that reflects any origin with credentials', () => {
    loadPreset('credentials-allowed');
    appStore.getState().editScenario((scenario) => ({
      ...scenario,
      server: { routes: { '/me': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{request.origin}'], ['Access-Control-Allow-Credentials', 'true']], body: 'me' } } } },
    }));
    expect(outcome()).toBe('ok');
    const html = renderToStaticMarkup(<Fixes />);
    expect(html).toContain('data-testid="safety-risk" data-severity="high" data-risk="reflects-any-origin-with-credentials"');
    expect(html).toContain('data-risk="reflected-without-vary"');
    expect(html).not.toContain('fix-suggestion');
  });
});
