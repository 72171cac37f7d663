// Derived state. The prediction is computed here from the inputs by calling cors-core: it is never
// stored, so it can never be stale. Each selector is memoized on the objects it reads, so a component
// subscribed with it re-renders only when its inputs change.
import { ENGINES, formatDifference, resolveOriginPlaceholders, validateScenario, type Difference, type Engine, type Lesson, type Origins, type Scenario, type ValidationResult } from '@cors-playground/cors-core';
import { compareShapes, explainScenario, type ComparisonResult, type PredictionResult } from '../core/adapter';
import { outsideOrigin } from '../share/share-link';
import { compareEngines, type EngineRow } from './engine-comparison';
import { staleExpectFields } from './expect-check';
import type { RunEntry } from './run-slice';
import type { AppState } from './store';

/** One-slot memo keyed on argument identity. */
export function memo<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | undefined;
  let lastResult: R;
  return (...args: A) => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((arg, i) => Object.is(arg, args[i]))) return lastResult;
    lastArgs = args;
    lastResult = compute(...args);
    return lastResult;
  };
}

const validate = memo((scenario: Scenario): ValidationResult => validateScenario(scenario));

export const selectValidation = (state: AppState): ValidationResult => validate(state.scenario);

/** The engine whose rules the prediction uses: the one chosen, or the one running this page. */
export const selectPredictionEngine = (state: AppState): Engine => state.predictionEngine ?? state.browser.engine;

/** The prediction with each engine's rules: the one shown and the side-by-side table read the same. */
function predictEach(scenario: Scenario, origins: Origins): Record<Engine, PredictionResult> {
  const validation = validate(scenario);
  const entries = ENGINES.map((engine): [Engine, PredictionResult] => [
    engine,
    validation.ok ? explainScenario(validation.scenario, engine, origins) : { ok: false, reason: 'the scenario has errors: fix them to see the prediction' },
  ]);
  return Object.fromEntries(entries) as Record<Engine, PredictionResult>;
}

const predictAll = memo(predictEach);

export const selectPrediction = (state: AppState): PredictionResult => predictAll(state.scenario, state.origins)[selectPredictionEngine(state)];

const engineRows = memo((predictions: Record<Engine, PredictionResult>, thisEngine: Engine): EngineRow[] => compareEngines(predictions, thisEngine));

/** One row per engine (preflight, outcome, readable, console), differences marked. */
export const selectEngineRows = (state: AppState): EngineRow[] => engineRows(predictAll(state.scenario, state.origins), state.browser.engine);

/** The origin of the request URL when it is none of the playground's (nothing there answers as the scenario says). */
export const selectOutsideOrigin = (state: AppState): string | null => outsideOrigin(state.scenario.request.url, state.origins);

const staleExpect = memo((scenario: Scenario, origins: Origins): Difference[] => staleExpectFields(scenario, origins));

/** The fields of the scenario's `expect` that its Chromium prediction no longer meets (after a JSON edit). */
export const selectStaleExpect = (state: AppState): Difference[] => staleExpect(state.scenario, state.origins);

/** The run shown in the results: the selected one, else the latest. */
export const selectShownRun = (state: AppState): RunEntry | undefined =>
  (state.selectedRunId !== null ? state.runs.find((run) => run.id === state.selectedRunId) : undefined) ?? state.runs[state.runs.length - 1];

export interface RunComparison {
  prediction: PredictionResult;
  comparison: ComparisonResult | undefined;
}

const comparisons = new WeakMap<RunEntry, RunComparison>();

/**
 * What cors-core predicted for a run, with the rules of the engine that actually ran it, compared
 * with what was observed. Derived from the run's stored facts; memoized per run entry.
 */
export function comparisonFor(run: RunEntry): RunComparison {
  const cached = comparisons.get(run);
  if (cached) return cached;
  const prediction = explainScenario(run.scenario, run.browser.engine, run.origins);
  let comparison: ComparisonResult | undefined;
  if (run.observation) {
    if (!run.observation.ok) comparison = run.observation;
    else if (!prediction.ok) comparison = prediction;
    else comparison = compareShapes(prediction.explanation.prediction, run.observation.observation);
  }
  const value = { prediction, comparison };
  if (run.status !== 'running') comparisons.set(run, value);
  return value;
}

/** Validation problems by path, for inline flags next to the form fields. */
const issuesByPath = memo((validation: ValidationResult): Map<string, string> => {
  const map = new Map<string, string>();
  for (const issue of [...(validation.ok ? [] : validation.errors), ...validation.warnings]) {
    if (!map.has(issue.path)) map.set(issue.path, issue.message);
  }
  return map;
});

export const selectIssuesByPath = (state: AppState): Map<string, string> => issuesByPath(selectValidation(state));

export type Agreement =
  | { kind: 'none' }
  | { kind: 'pending'; browser: string }
  | { kind: 'unknown'; reason: string }
  | { kind: 'agree' | 'differ'; browser: string; rulesOf: Engine; shownProfile: Engine; differences: string[] };

function runBrowser(run: RunEntry): string {
  return `${run.browser.name}${run.browser.version ? ` ${run.browser.version}` : ''}`;
}

const agreementOf = memo((run: RunEntry | undefined, shownProfile: Engine): Agreement => {
  if (!run) return { kind: 'none' };
  if (run.status === 'running') return { kind: 'pending', browser: runBrowser(run) };
  const { comparison } = comparisonFor(run);
  if (run.status === 'failed' || !comparison) return { kind: 'unknown', reason: 'the run did not complete' };
  if (!comparison.ok) return { kind: 'unknown', reason: comparison.reason };
  const differences = comparison.differences.map(formatDifference);
  return { kind: differences.length ? 'differ' : 'agree', browser: runBrowser(run), rulesOf: run.browser.engine, shownProfile, differences };
});

/**
 * Does the prediction with the rules of the engine that ran match what it did? (A page can only check the
 * engine it runs in; `shownProfile` says which rules the prediction on screen uses.)
 */
export const selectAgreement = (state: AppState): Agreement => agreementOf(selectShownRun(state), selectPredictionEngine(state));

/**
 * The open lesson as the learner reads it: `{page}`, `{api}`, `{other}` and `{samesite}` in its prose
 * (text, questions, fix task, notes) name this server's real origins. Its scenarios stay as written.
 */
const shownLesson = memo((lesson: Lesson, origins: Origins): Lesson => {
  const resolve = (text: string) => resolveOriginPlaceholders(text, origins);
  const optional = (text: string | undefined) => (text === undefined ? undefined : resolve(text));
  return {
    ...lesson,
    text: lesson.text.map(resolve),
    questions: lesson.questions.map((question) => ({
      ...question,
      prompt: resolve(question.prompt),
      why: resolve(question.why),
      ...(question.kind === 'choice' ? { choices: question.choices.map((choice) => ({ ...choice, text: resolve(choice.text) })) } : { answer: resolve(question.answer) }),
    })) as Lesson['questions'],
    fix: { ...lesson.fix, task: resolve(lesson.fix.task), ...(lesson.fix.hint === undefined ? {} : { hint: resolve(lesson.fix.hint) }) },
    ...(lesson.engines === undefined ? {} : { engines: optional(lesson.engines) }),
    ...(lesson.lan === undefined ? {} : { lan: optional(lesson.lan) }),
  };
});
export const selectShownLesson = (state: AppState): Lesson | null => (state.lesson ? shownLesson(state.lesson, state.origins) : null);

/** The three engines' predictions for the open lesson's own scenario (not the learner's fix). */
// Memos of their own: sharing the edited scenario's one-slot memos would recompute on every read.
const predictLesson = memo(predictEach);
const lessonRows = memo((predictions: Record<Engine, PredictionResult>, thisEngine: Engine): EngineRow[] => compareEngines(predictions, thisEngine));
export const selectLessonEngineRows = (state: AppState): EngineRow[] | null =>
  state.lesson ? lessonRows(predictLesson(state.lesson.scenario, state.origins), state.browser.engine) : null;

/**
 * The workshop's LAN address, when the server says it serves every origin on one host (the echo
 * server's `--lan ADDR`: one address, one port per origin, so all origins are same-site); else null.
 */
export const selectLanPage = (state: AppState): string | null => {
  if (state.originsFrom !== 'server') return null;
  const host = (origin: string) => {
    try {
      return new URL(origin).hostname;
    } catch {
      return '';
    }
  };
  const page = host(state.origins.page);
  if (!page || page === 'localhost' || page.endsWith('.localhost')) return null;
  return host(state.origins.api) === page && host(state.origins.other) === page ? state.origins.page : null;
};
