// The lesson slice: the phases, the hiding rule (nothing of the answer before the learner has answered
// and run), the fix checked against a run, and progress. Runs are built from cors-core's own prediction
// of the scenario (the store's logic is under test here; lessons.spec.ts runs real Chromium).
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORIGINS, type Lesson, type Scenario } from '@cors-playground/cors-core';
import { explainScenario } from '../core/adapter';
import { detectBrowser } from '../engine/detect';
import { lessonById, lessonCatalog } from '../lessons/catalog';
import { PROGRESS_KEY } from '../lessons/progress-storage';
import { STORAGE_KEY } from './persist';
import { selectAnswerShown, selectLessonRunBlocker } from './lesson-slice';
import type { RunEntry } from './run-slice';
import { setRequest } from './scenario-edits';
import { selectShownLesson } from './selectors';
import { connectStorage, createAppStore } from './store';
import { memoryStorage } from './memory-storage';

const lesson: Lesson = lessonById(lessonCatalog(), 'what-triggers-a-preflight')!;
let nextId = 100;

/** A finished run of `scenario` whose observation is what cors-core predicts for it in Chromium. */
function runOf(scenario: Scenario, status: RunEntry['status'] = 'done'): RunEntry {
  const prediction = explainScenario(scenario, 'chromium', DEFAULT_ORIGINS);
  if (!prediction.ok) throw new Error(prediction.reason);
  return {
    id: nextId++,
    startedAt: 0,
    scenario,
    origins: DEFAULT_ORIGINS,
    browser: detectBrowser('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36'),
    status,
    ...(status === 'done' ? { observation: { ok: true as const, observation: prediction.explanation.prediction } } : { error: 'the runner did not answer within 10 s' }),
  };
}

function openedStore() {
  const store = createAppStore();
  store.getState().openLesson(lesson, 'learn');
  return store;
}

function answerAll(store: ReturnType<typeof createAppStore>) {
  store.getState().answerQuestion('preflight', 'yes');
  store.getState().answerQuestion('reaches-server', 'yes');
}

describe('lesson slice: phases', () => {
  it('a lesson opens on its scenario in the predict phase, and leaving it puts the playground back', () => {
    const store = createAppStore();
    const playground = store.getState().scenario;
    store.getState().openLesson(lesson, 'learn');
    expect(store.getState().scenario).toBe(lesson.scenario);
    expect(store.getState().phase).toBe('predict');
    store.getState().showView({ kind: 'playground' });
    expect(store.getState().scenario).toBe(playground);
    expect(store.getState().lesson).toBeNull();
  });

  it('Run is refused until every question has an answer', () => {
    const store = openedStore();
    expect(selectLessonRunBlocker(store.getState())).toMatch(/Answer the question first/);
    store.getState().answerQuestion('preflight', 'yes');
    expect(selectLessonRunBlocker(store.getState())).not.toBeNull();
    store.getState().recordLessonRun(runOf(lesson.scenario));
    expect(store.getState().phase).toBe('predict');
    store.getState().answerQuestion('reaches-server', 'no');
    expect(selectLessonRunBlocker(store.getState())).toBeNull();
  });

  it('predict → ran → revealed → fixing → fixed, with the answers locked from the run on', () => {
    const store = openedStore();
    answerAll(store);
    store.getState().startFix();
    store.getState().reveal();
    expect(store.getState().phase).toBe('predict');
    store.getState().recordLessonRun(runOf(lesson.scenario));
    expect(store.getState().phase).toBe('ran');
    store.getState().answerQuestion('preflight', 'no');
    expect(store.getState().answers.preflight).toBe('yes');
    store.getState().startFix();
    expect(store.getState().phase).toBe('ran');
    store.getState().reveal();
    expect(store.getState().phase).toBe('revealed');
    store.getState().startFix();
    expect(store.getState().phase).toBe('fixing');
    // The unchanged scenario misses the goal, and says what.
    store.getState().recordLessonRun(runOf(lesson.scenario));
    expect(store.getState().phase).toBe('fixing');
    expect(store.getState().fixMisses.join(' ')).toMatch(/outcome/);
    // The lesson's own solution meets it.
    store.getState().recordLessonRun(runOf(lesson.fix.solution));
    expect(store.getState().phase).toBe('fixed');
    expect(store.getState().fixMisses).toEqual([]);
    expect(store.getState().progress[lesson.id]).toEqual({ answered: true, right: 1, choices: 2, fixed: true });
  });

  it('a run that failed moves nothing on and says why', () => {
    const store = openedStore();
    answerAll(store);
    store.getState().recordLessonRun(runOf(lesson.scenario, 'failed'));
    expect(store.getState().phase).toBe('predict');
    expect(store.getState().runProblem).toMatch(/did not answer/);
  });

  it('reset puts the lesson\'s scenario back during the fix', () => {
    const store = openedStore();
    answerAll(store);
    store.getState().recordLessonRun(runOf(lesson.scenario));
    store.getState().reveal();
    store.getState().startFix();
    store.getState().editScenario((s) => setRequest(s, 'method', 'PUT'));
    expect(store.getState().scenario.request.method).toBe('PUT');
    store.getState().resetLessonScenario();
    expect(store.getState().scenario).toBe(lesson.scenario);
    expect(store.getState().phase).toBe('fixing');
  });

  it('reopening the lesson already open (a hash change) keeps the learner\'s answers', () => {
    const store = openedStore();
    answerAll(store);
    store.getState().openLesson(lesson, 'present');
    expect(store.getState().answers).toEqual({ preflight: 'yes', 'reaches-server': 'yes' });
  });
});

describe('lesson slice: the hiding rule', () => {
  it('the answer is hidden after answering, hidden after the run, shown only from the reveal on', () => {
    const store = openedStore();
    expect(selectAnswerShown(store.getState())).toBe(false);
    answerAll(store);
    expect(selectAnswerShown(store.getState())).toBe(false);
    store.getState().recordLessonRun(runOf(lesson.scenario));
    expect(selectAnswerShown(store.getState())).toBe(false);
    store.getState().reveal();
    expect(selectAnswerShown(store.getState())).toBe(true);
    store.getState().startFix();
    expect(selectAnswerShown(store.getState())).toBe(true);
  });

  it('outside a lesson nothing is "revealed"', () => {
    expect(selectAnswerShown(createAppStore().getState())).toBe(false);
  });
});

describe('lesson slice: storage', () => {
  it('progress is saved and restored; a lesson never overwrites the playground\'s saved scenario', () => {
    const storage = memoryStorage();
    const store = createAppStore();
    connectStorage(store, storage);
    store.getState().editScenario((s) => setRequest(s, 'method', 'PATCH'));
    const saved = storage.getItem(STORAGE_KEY);
    store.getState().openLesson(lesson, 'learn');
    answerAll(store);
    store.getState().recordLessonRun(runOf(lesson.scenario));
    expect(storage.getItem(STORAGE_KEY)).toBe(saved);
    const again = createAppStore();
    connectStorage(again, storage);
    expect(again.getState().progress[lesson.id]).toMatchObject({ answered: true, fixed: false });
    expect(again.getState().scenario.request.method).toBe('PATCH');
  });

  it('corrupt saved progress starts from zero with a notice, the app still starts', () => {
    const store = createAppStore();
    connectStorage(store, memoryStorage({ [PROGRESS_KEY]: '{oops' }));
    expect(store.getState().progress).toEqual({});
    expect(store.getState().notices.map((notice) => notice.title).join()).toMatch(/lesson progress could not be read/);
  });
});

describe('lesson slice: what the learner reads', () => {
  it('names the real origins where the lesson text says {page} or {api}; the scenario stays as written', () => {
    const store = createAppStore();
    const withPlaceholders = lessonCatalog().lessons.find((each) => each.text.some((paragraph) => paragraph.includes('{api}')))!;
    store.getState().openLesson(withPlaceholders, 'learn');
    const shown = selectShownLesson(store.getState())!;
    const { api } = store.getState().origins;
    expect(shown.text.join(' ')).not.toContain('{api}');
    expect(shown.text.join(' ')).toContain(api);
    expect(shown.scenario).toBe(withPlaceholders.scenario);
  });
});
