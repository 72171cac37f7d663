// The one place the playground calls cors-core's prediction, observation and comparison. Each call
// is guarded: a cors-core bug on some input becomes a visible "not available: <why>" in the UI,
// never a blank page, and the editor keeps working.
import {
  compareExpect,
  explain,
  observe,
  safetyReview,
  suggestFixes,
  type Difference,
  type Engine,
  type ExplainedRequest,
  type Explanation,
  type ExplanationConsole,
  type ExplanationStep,
  type FixSuggestion,
  type Observation,
  type Origins,
  type SafetyRisk,
  type Scenario,
} from '@cors-playground/cors-core';
import type { RunnerResult } from '../runner/types';

export type { Difference, RunnerResult };

/** A prediction or an observation: the shape of `expect`, every field filled, one entry in `runs` per repeat. */
export type ExpectShape = Observation;

export type ExplainStep = ExplanationStep;
export type ConsoleMessages = ExplanationConsole;
export type PredictedRequest = Omit<ExplainedRequest, 'status'> & { status: number | null };
export type { Explanation };

export type Unavailable = { ok: false; reason: string };
export type PredictionResult = { ok: true; explanation: Explanation } | Unavailable;

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function explainScenario(scenario: Scenario, browser: Engine, origins: Origins): PredictionResult {
  try {
    return { ok: true, explanation: explain(scenario, { browser, origins }) };
  } catch (error) {
    return { ok: false, reason: `cors-core explain() failed: ${messageOf(error)}` };
  }
}

export type ObservationResult = { ok: true; observation: ExpectShape } | Unavailable;

/** `observe(resolvedScenario, runnerResult)`: what happened, in the shape of `expect`. */
export function observeRun(resolvedScenario: Scenario, result: RunnerResult): ObservationResult {
  try {
    return { ok: true, observation: observe(resolvedScenario, result) };
  } catch (error) {
    return { ok: false, reason: `cors-core observe() failed: ${messageOf(error)}` };
  }
}

export type ComparisonResult = { ok: true; differences: Difference[] } | Unavailable;

/**
 * `compareExpect(prediction, observation)`. The console is left out: a page cannot read the console,
 * so an observation made by the playground has none (cors-core skips it too; this makes it explicit).
 */
export function compareShapes(prediction: ExpectShape, observation: ExpectShape): ComparisonResult {
  try {
    const { console: _console, runs, ...top } = prediction;
    const expected = { ...top, runs: runs.map(({ console: _c, ...run }) => run) };
    return { ok: true, differences: compareExpect(expected, observation) };
  } catch (error) {
    return { ok: false, reason: `cors-core compareExpect() failed: ${messageOf(error)}` };
  }
}

export type FixesResult = { ok: true; fixes: FixSuggestion[]; risks: SafetyRisk[] } | Unavailable;

/** `suggestFixes` (when the scenario fails) and `safetyReview` (of the scenario as it is), guarded. */
export function fixesAndRisks(scenario: Scenario, browser: Engine, origins: Origins): FixesResult {
  try {
    return { ok: true, fixes: suggestFixes(scenario, { browser, origins }), risks: safetyReview(scenario, { browser, origins }) };
  } catch (error) {
    return { ok: false, reason: `cors-core suggestFixes() failed: ${messageOf(error)}` };
  }
}
