// Derived state. The prediction is computed here from the inputs by calling cors-core: it is never
// stored, so it can never be stale. Each selector is memoized on the objects it reads, so a component
// subscribed with it re-renders only when its inputs change.
import { ENGINES, formatDifference, validateScenario, type Difference, type Engine, type Origins, type Scenario, type ValidationResult } from '@cors-playground/cors-core';
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
export const selectProfile = (state: AppState): Engine => state.profile ?? state.browser.engine;

/** The prediction with each engine's rules: the one shown and the side-by-side table read the same. */
const predictAll = memo((scenario: Scenario, origins: Origins): Record<Engine, PredictionResult> => {
  const validation = validate(scenario);
  const entries = ENGINES.map((engine): [Engine, PredictionResult] => [
    engine,
    validation.ok ? explainScenario(validation.scenario, engine, origins) : { ok: false, reason: 'the scenario has errors: fix them to see the prediction' },
  ]);
  return Object.fromEntries(entries) as Record<Engine, PredictionResult>;
});

export const selectPrediction = (state: AppState): PredictionResult => predictAll(state.scenario, state.origins)[selectProfile(state)];

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
 * What cors-core predicted for a run, with the profile of the engine that actually ran it, compared
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
export const selectAgreement = (state: AppState): Agreement => agreementOf(selectShownRun(state), selectProfile(state));
