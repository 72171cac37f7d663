import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/store';
import { lessonCatalog } from './catalog';
import { runForView } from './lesson-run';

describe('Run (button or Ctrl+Enter) on the workshop screens', () => {
  it('in a lesson, nothing runs before every question has an answer', async () => {
    const store = createAppStore();
    store.getState().openLesson(lessonCatalog().lessons[0]!, 'learn');
    await runForView(store);
    expect(store.getState().runs).toEqual([]);
  });

  it('on the lesson list and the cheat sheet, nothing runs', async () => {
    const store = createAppStore();
    for (const kind of ['lessons', 'cheat-sheet'] as const) {
      store.getState().showView({ kind });
      await runForView(store);
    }
    expect(store.getState().runs).toEqual([]);
  });
});
