// Run inside a lesson: the same real run as the playground's, then the lesson moves on with its result
// (lesson-slice's recordLessonRun). Refused, with the reason, when the lesson does not allow a run yet.
import type { StoreApi } from 'zustand';
import { runScenario } from '../run/run-action';
import { runById, selectLessonRunBlocker } from '../store/lesson-slice';
import { appStore, type AppState } from '../store/store';

export async function runLesson(store: StoreApi<AppState> = appStore): Promise<void> {
  if (selectLessonRunBlocker(store.getState())) return;
  const id = await runScenario(store);
  const run = id === undefined ? undefined : runById(store.getState().runs, id);
  if (run) store.getState().recordLessonRun(run);
}

/** What Run (button or Ctrl+Enter) does on the screen shown: a lesson's run inside a lesson, nothing on the list or the cheat sheet. */
export async function runForView(store: StoreApi<AppState> = appStore): Promise<void> {
  const state = store.getState();
  if (state.lesson) await runLesson(store);
  else if (state.view.kind === 'playground') await runScenario(store);
}
