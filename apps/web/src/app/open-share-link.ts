// Opening a share link: the scenario is restored but never run; a broken or hostile link shows what is
// wrong and loads nothing. The fragment is then removed, so a reload keeps the user's later edits.
import { formatIssue, type Scenario } from '@cors-playground/cors-core';
import type { StoreApi } from 'zustand';
import { decodeShareFragment, foreignOrigins } from '../share/share-link';
import { replaceScenario } from '../store/scenario-actions';
import type { AppState } from '../store/store';

export function openShareLink(store: StoreApi<AppState>, hash: string): 'none' | 'opened' | 'refused' {
  const decoded = decodeShareFragment(hash);
  if (decoded.kind === 'none') return 'none';
  const state = store.getState();
  if (decoded.kind === 'error') {
    state.addNotice({ kind: 'error', title: 'This link could not be opened; nothing was loaded and your scenario is unchanged.', lines: decoded.errors.map(formatIssue) });
    return 'refused';
  }
  const scenario: Scenario = decoded.scenario;
  if (decoded.engine) state.setPredictionEngine(decoded.engine === state.browser.engine ? null : decoded.engine);
  const foreign = foreignOrigins(scenario, state.origins);
  replaceScenario(scenario, {
    kind: foreign.length ? 'warning' : 'info',
    title: `Opened a shared scenario${scenario.title ? `: "${scenario.title}"` : ''}. It has not run: press Run to perform it. It replaced the scenario you had.`,
    lines: [
      ...(foreign.length ? [`It sends requests to origins outside this playground: ${foreign.join(', ')}. Check them before pressing Run.`] : []),
      ...decoded.warnings.map((warning) => `${formatIssue(warning)} (the browser will refuse this request)`),
    ],
  }, store);
  return 'opened';
}
