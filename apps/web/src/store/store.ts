// One store from three slices (zustand slices pattern). Components read it with atomic selectors;
// async actions (run/run-action.ts) are plain functions that use `appStore` directly.
import { useSyncExternalStore } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { loadFrom, saveTo, type Persisted } from './persist';
import { createBackendsSlice, type BackendsSlice } from './backends-slice';
import { createRunSlice, type RunSlice } from './run-slice';
import { createScenarioSlice, type ScenarioSlice } from './scenario-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AppState = ScenarioSlice & RunSlice & UiSlice & BackendsSlice;

export function createAppStore(): StoreApi<AppState> {
  return createStore<AppState>()((...args) => ({
    ...createScenarioSlice(...args),
    ...createRunSlice(...args),
    ...createUiSlice(...args),
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

/** Restores saved work (or explains why not) and saves every later change of what is persisted. */
export function connectStorage(store: StoreApi<AppState>, storage: Storage | undefined): () => void {
  const { restored, notice } = loadFrom(storage);
  if (restored) store.setState(restored);
  if (notice) store.getState().addNotice(notice);
  let last: Persisted | undefined;
  return store.subscribe((state) => {
    if (last && last.scenario === state.scenario && last.jsonText === state.jsonText && last.theme === state.theme && last.profile === state.profile) return;
    last = { scenario: state.scenario, jsonText: state.jsonText, theme: state.theme, profile: state.profile };
    saveTo(storage, last);
  });
}
