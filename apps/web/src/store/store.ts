// One store from three slices (zustand slices pattern). Components read it with atomic selectors;
// async actions (run/run-action.ts) are plain functions that use `appStore` directly.
import { useSyncExternalStore } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { loadProgress, saveProgress, type ProgressMap } from '../lessons/progress-storage';
import { createLessonSlice, type LessonSlice } from './lesson-slice';
import { loadFrom, saveTo, type Persisted } from './persist';
import { createBackendsSlice, type BackendsSlice } from './backends-slice';
import { createRunSlice, type RunSlice } from './run-slice';
import { createScenarioSlice, type ScenarioSlice } from './scenario-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AppState = ScenarioSlice & RunSlice & UiSlice & LessonSlice & BackendsSlice;

export function createAppStore(): StoreApi<AppState> {
  return createStore<AppState>()((...args) => ({
    ...createScenarioSlice(...args),
    ...createRunSlice(...args),
    ...createUiSlice(...args),
    ...createLessonSlice(...args),
    ...createBackendsSlice(...args),
  }));
}

export const appStore = createAppStore();

/** Puts the app's store back to its first state (component tests start from it, whatever ran before). */
export function resetAppStore(): void {
  // Only the data: the actions of a fresh store would write to that store, not to this one.
  const fresh = Object.entries(createAppStore().getState()).filter(([, value]) => typeof value !== 'function');
  appStore.setState(Object.fromEntries(fresh) as Partial<AppState>);
}

/**
 * Reads the store with an atomic selector (it must return a stable value: a field, a primitive or a
 * memoized object). Unlike zustand's `useStore`, server rendering (used by the component tests) reads
 * the current state rather than the initial one.
 */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const read = () => selector(appStore.getState());
  return useSyncExternalStore(appStore.subscribe, read, read);
}

/**
 * Restores saved work and lesson progress (or explains why not) and saves every later change of what is
 * persisted. While a lesson borrows the editor, the playground's saved scenario is left as it was.
 */
export function connectStorage(store: StoreApi<AppState>, storage: Storage | undefined): () => void {
  const { restored, notice } = loadFrom(storage);
  if (restored) store.setState(restored);
  if (notice) store.getState().addNotice(notice);
  const progress = loadProgress(storage);
  store.getState().setProgress(progress.progress);
  if (progress.notice) store.getState().addNotice(progress.notice);
  let last: Persisted | undefined;
  let lastProgress: ProgressMap = store.getState().progress;
  return store.subscribe((state) => {
    if (state.progress !== lastProgress) {
      lastProgress = state.progress;
      saveProgress(storage, state.progress);
    }
    if (state.lesson) return;
    if (last && last.scenario === state.scenario && last.jsonText === state.jsonText && last.theme === state.theme && last.predictionEngine === state.predictionEngine) return;
    last = { scenario: state.scenario, jsonText: state.jsonText, theme: state.theme, predictionEngine: state.predictionEngine };
    saveTo(storage, last);
  });
}
