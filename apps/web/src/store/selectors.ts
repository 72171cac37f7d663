// Derived state. The prediction is computed here from the inputs by calling cors-core: it is never
// stored, so it can never be stale. Each selector is memoized on the objects it reads, so a component
// subscribed with it re-renders only when its inputs change.
import { validateScenario, type Engine, type Origins, type Scenario, type ValidationResult } from '@cors-playground/cors-core';
import { compareShapes, explainScenario, type ComparisonResult, type PredictionResult } from '../core/adapter';
import type { RunEntry } from './run-slice';
import type { AppState } from './store';

/** One-slot memo keyed on argument identity. */
function memo<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
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

const predict = memo((scenario: Scenario, engine: Engine, origins: Origins): PredictionResult => {
  const validation = validate(scenario);
  if (!validation.ok) return { ok: false, reason: 'the scenario has errors: fix them to see the prediction' };
  return explainScenario(validation.scenario, engine, origins);
});

export const selectPrediction = (state: AppState): PredictionResult => predict(state.scenario, selectProfile(state), state.origins);

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
