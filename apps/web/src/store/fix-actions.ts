// Applying a suggested fix replaces the scenario with the fixed one, like any load: the notice says what
// changed and offers Undo, and the next Run checks the fix in the real browser.
import type { FixSuggestion } from '@cors-playground/cors-core';
import type { StoreApi } from 'zustand';
import { replaceScenario } from './scenario-actions';
import { appStore, type AppState } from './store';

export function applyFix(fix: FixSuggestion, store: StoreApi<AppState> = appStore): void {
  replaceScenario(
    fix.scenario,
    { kind: 'info', title: `Applied the fix "${fix.title}". Press Run to check it in this browser; Undo puts the failing scenario back.`, lines: fix.changes.map((change) => `${change.route} (${change.answer}): ${change.text}`) },
    store,
  );
}
