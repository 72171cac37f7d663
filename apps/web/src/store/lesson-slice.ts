// Workshop mode (issue 13): which screen is shown, the open lesson and where the learner is in it, and
// every lesson's progress. A lesson goes predict → ran → revealed → fixing → fixed:
//   predict   the learner answers the questions; Run is allowed once every question has an answer
//   ran       the lesson's scenario has run for real; the answers are locked; the real result is shown
//   revealed  right/wrong with the why, cors-core's prediction and explanation, the three engines
//   fixing    the learner edits the server's answers and runs; each real run is checked against the goal
//   fixed     a real run met the goal
// Nothing that gives the answer away is shown before `revealed` (selectAnswerShown).
import { fixGoalMet, type Lesson } from '@cors-playground/cors-core';
import type { StateCreator } from 'zustand';
import type { LessonProgress, ProgressMap } from '../lessons/progress-storage';
import type { RunEntry } from './run-slice';
import { formatScenario, type Replaced } from './scenario-slice';
import type { AppState } from './store';

export type LessonPhase = 'predict' | 'ran' | 'revealed' | 'fixing' | 'fixed';

/** `learn`: a learner's own pace; `locked`: an instructor link (no way to another lesson); `present`: the projector. */
export type LessonMode = 'learn' | 'locked' | 'present';

export type View =
  | { kind: 'playground' }
  | { kind: 'lessons' }
  | { kind: 'lesson'; id: string; mode: LessonMode }
  | { kind: 'cheat-sheet' };

export interface LessonSlice {
  view: View;
  /** The open lesson (null outside a lesson). */
  lesson: Lesson | null;
  /** Question id → choice id, or the free text typed. */
  answers: Record<string, string>;
  phase: LessonPhase;
  /** The real run of the lesson's scenario (the one the answers are judged by). */
  lessonRunId: number | null;
  /** The last real run of the learner's fix, and what it still misses (empty when met). */
  fixRunId: number | null;
  fixMisses: string[];
  /** Why the last lesson run gave nothing to judge (it failed), or null. */
  runProblem: string | null;
  progress: ProgressMap;
  /** The playground's scenario while a lesson borrows the editor; put back when the lesson is left. */
  playgroundScenario: Replaced | null;
  showView: (view: Exclude<View, { kind: 'lesson' }>) => void;
  /** Opens a lesson on its scenario in the predict phase (reopening the lesson already open keeps its state). */
  openLesson: (lesson: Lesson, mode: LessonMode) => void;
  answerQuestion: (questionId: string, answer: string) => void;
  /** A run pressed in the lesson has finished: it moves the lesson on (see the phases above). */
  recordLessonRun: (run: RunEntry) => void;
  reveal: () => void;
  startFix: () => void;
  /** The lesson's scenario again, as it was written (the fix starts over). */
  resetLessonScenario: () => void;
  setProgress: (progress: ProgressMap) => void;
}

/** True when every question has a non-blank answer. */
export function allAnswered(lesson: Lesson, answers: Record<string, string>): boolean {
  return lesson.questions.every((question) => (answers[question.id] ?? '').trim() !== '');
}

/** A choice question's answer is right or wrong; a free one is compared by the learner with the model answer (null). */
export function gradeAnswer(question: Lesson['questions'][number], given: string | undefined): boolean | null {
  return question.kind === 'choice' ? given === question.answer : null;
}

function progressAfterRun(lesson: Lesson, answers: Record<string, string>, before: LessonProgress | undefined): LessonProgress {
  const choices = lesson.questions.filter((question) => question.kind === 'choice');
  return {
    answered: true,
    right: choices.filter((question) => gradeAnswer(question, answers[question.id]) === true).length,
    choices: choices.length,
    fixed: before?.fixed ?? false,
  };
}

const LESSON_START = { answers: {}, phase: 'predict' as LessonPhase, lessonRunId: null, fixRunId: null, fixMisses: [], runProblem: null };

export const createLessonSlice: StateCreator<AppState, [], [], LessonSlice> = (set, get) => {
  /** Leaves the open lesson, if any, putting the playground's scenario back. */
  const leaveLesson = (): Partial<AppState> => {
    const { playgroundScenario } = get();
    if (!playgroundScenario) return { lesson: null };
    return { lesson: null, playgroundScenario: null, scenario: playgroundScenario.scenario, jsonText: playgroundScenario.jsonText, jsonIssues: [], expectDropped: false };
  };
  return {
    view: { kind: 'playground' },
    lesson: null,
    ...LESSON_START,
    progress: {},
    playgroundScenario: null,
    showView: (view) => set({ ...leaveLesson(), ...LESSON_START, view }),
    openLesson: (lesson, mode) =>
      set((state) => {
        const view: View = { kind: 'lesson', id: lesson.id, mode };
        if (state.lesson?.id === lesson.id) return { view };
        const playgroundScenario = state.playgroundScenario ?? { scenario: state.scenario, jsonText: state.jsonText };
        return {
          ...LESSON_START,
          view,
          lesson,
          playgroundScenario,
          scenario: lesson.scenario,
          jsonText: formatScenario(lesson.scenario),
          jsonIssues: [],
          expectDropped: false,
          serverTab: 'form',
          metaEditing: false,
        };
      }),
    answerQuestion: (questionId, answer) =>
      set((state) => (state.phase === 'predict' && state.lesson?.questions.some((question) => question.id === questionId) ? { answers: { ...state.answers, [questionId]: answer } } : {})),
    recordLessonRun: (run) =>
      set((state) => {
        const { lesson } = state;
        if (!lesson) return {};
        const observed = run.status === 'done' && run.observation?.ok ? run.observation.observation : undefined;
        const problem = observed ? null : (run.error ?? (run.observation && !run.observation.ok ? run.observation.reason : 'the run did not complete'));
        if (state.phase === 'predict') {
          if (!allAnswered(lesson, state.answers)) return {};
          if (!observed) return { runProblem: problem };
          return { phase: 'ran', lessonRunId: run.id, runProblem: null, progress: { ...state.progress, [lesson.id]: progressAfterRun(lesson, state.answers, state.progress[lesson.id]) } };
        }
        if (state.phase !== 'fixing' && state.phase !== 'fixed') return {};
        if (!observed) return { fixRunId: run.id, runProblem: problem, fixMisses: [] };
        const check = fixGoalMet(lesson.fix.goal, observed, run.origins);
        if (!check.met) return { phase: 'fixing', fixRunId: run.id, runProblem: null, fixMisses: check.misses };
        const before = state.progress[lesson.id] ?? { answered: false, right: 0, choices: 0, fixed: false };
        return { phase: 'fixed', fixRunId: run.id, runProblem: null, fixMisses: [], progress: { ...state.progress, [lesson.id]: { ...before, fixed: true } } };
      }),
    reveal: () => set((state) => (state.phase === 'ran' ? { phase: 'revealed' } : {})),
    startFix: () => set((state) => (state.phase === 'revealed' ? { phase: 'fixing' } : {})),
    resetLessonScenario: () =>
      set((state) => (state.lesson ? { scenario: state.lesson.scenario, jsonText: formatScenario(state.lesson.scenario), jsonIssues: [], expectDropped: false, fixMisses: [] } : {})),
    setProgress: (progress) => set({ progress }),
  };
};

/** The hiding rule: the prediction, explanation, console text, diagrams, engines and notes wait for the reveal. */
export function selectAnswerShown(state: Pick<AppState, 'lesson' | 'phase'>): boolean {
  return state.lesson !== null && (state.phase === 'revealed' || state.phase === 'fixing' || state.phase === 'fixed');
}

/** Whether Run may be pressed in the lesson, or why not. */
export function selectLessonRunBlocker(state: Pick<AppState, 'lesson' | 'phase' | 'answers'>): string | null {
  if (!state.lesson) return 'no lesson is open';
  if (state.phase === 'predict') return allAnswered(state.lesson, state.answers) ? null : 'Answer the question first: Run is for checking your answer.';
  if (state.phase === 'ran' || state.phase === 'revealed') return 'The lesson\'s scenario has run. Reveal the answer, then fix it.';
  return null;
}

export function runById(runs: readonly RunEntry[], id: number | null): RunEntry | undefined {
  return id === null ? undefined : runs.find((run) => run.id === id);
}
