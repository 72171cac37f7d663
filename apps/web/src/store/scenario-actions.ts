// Loading a whole scenario (a preset, a new one, an import, a share link) replaces the one being
// edited: each load says so in a notice with Undo, so hand-built work is never lost to a click.
import { validateScenario, type Scenario } from '@cors-playground/cors-core';
import type { StoreApi } from 'zustand';
import { PRESETS } from '../presets/presets';
import { DEFAULT_ANSWER } from './scenario-edits';
import { appStore, type AppState } from './store';
import type { Notice } from './ui-slice';

/** Loads `next` with a notice offering Undo (any earlier Undo notice goes: only the last load can be undone). */
export function replaceScenario(next: Scenario, notice: Omit<Notice, 'id' | 'action'>, store: StoreApi<AppState> = appStore): void {
  const state = store.getState();
  for (const old of state.notices) if (old.action === 'undo-load') state.dismissNotice(old.id);
  state.loadScenario(next);
  state.addNotice({ ...notice, action: 'undo-load' });
}

/** Puts back the scenario the last load replaced, and removes the notice that offered it. */
export function undoLoad(store: StoreApi<AppState> = appStore): void {
  const state = store.getState();
  state.undoLoad();
  for (const old of state.notices) if (old.action === 'undo-load') state.dismissNotice(old.id);
}

export function loadPreset(id: string, store: StoreApi<AppState> = appStore): void {
  const preset = PRESETS.find((candidate) => candidate.id === id);
  const result = preset ? validateScenario(preset) : undefined;
  if (!result?.ok) return;
  replaceScenario(result.scenario, { kind: 'info', title: `Loaded the preset "${result.scenario.title ?? id}"; it replaced the scenario you had.`, lines: [] }, store);
}

/** A scenario with no preset's identity: no title, no notes, no expect; one simple route to start from. */
export function blankScenario(): Scenario {
  const result = validateScenario({
    id: 'untitled',
    request: { url: '{api}/resource', method: 'GET' },
    server: { routes: { '/resource': { actual: { ...DEFAULT_ANSWER, headers: [...DEFAULT_ANSWER.headers] } } } },
  });
  if (!result.ok) throw new Error('the blank scenario must be valid');
  return result.scenario;
}

/** Starts a blank scenario, with its title open for typing. */
export function newScenario(store: StoreApi<AppState> = appStore): void {
  replaceScenario(blankScenario(), { kind: 'info', title: 'Started a new scenario; it replaced the one you had.', lines: [] }, store);
  store.getState().setMetaEditing(true);
}
