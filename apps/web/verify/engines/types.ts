// What every engine driver offers the verifier: run one scenario through the real runner page and
// report the runner's result and the console text of each run.
import { resolveScenario, type Engine, type Origins, type Scenario } from '@cors-playground/cors-core';
import { newRunKey } from '@cors-playground/wire';
import { startingCookieVisits } from '../../src/runner/starting-cookies';
import type { RunnerResult } from '../../src/runner/types';
import type { Baseline } from '../baseline';

export interface EngineRun {
  result: RunnerResult;
  /** Console text per run; undefined when the engine exposes no console (WebKitWebDriver). */
  consoleTexts: (string | null)[] | undefined;
}

/** One lane of an engine (lane.ts): runs one scenario at a time, isolated from every other scenario. */
export interface EngineWorker {
  engine: Engine;
  /** e.g. "Chromium 156.0.7559.132". */
  version: string;
  /** Runs one scenario in a state no other scenario can have touched (lane.ts says why). */
  run(scenario: Scenario, origins: Origins): Promise<EngineRun>;
  /** `count` round trips of `EMPTY_SCENARIO` (baseline.ts) in one runner page kept open: the baseline. */
  baseline(origins: Origins, count: number): Promise<Baseline>;
  /** Throws the lane's state away (after a scenario that timed out): the next scenario gets a new one. */
  recycle(): Promise<void>;
  close(): Promise<void>;
}

/** An engine started for a verify run: one browser (or WebDriver), several lanes. */
export interface EngineDriver {
  version: string;
  workers: EngineWorker[];
  close(): Promise<void>;
}

/** The binding the runner calls after each run (`RunOptions.onRunEnd`), so console messages split by run. */
export const RUN_END_BINDING = '__corsPlaygroundRunEnd';

/** The error when runner.html is there but its script is not (e.g. the web build changed underneath). */
export const RUNNER_MISSING = 'runner.html did not load its script (window.corsPlayground is missing)';

/**
 * A JavaScript expression that calls the runner in the page and evaluates to its promise. A string, not
 * a function: tsx compiles functions with helpers (`__name`) that do not exist in the page.
 */
export function runnerExpression(scenario: Scenario, origins: Origins, binding: { name: string; wait: boolean } | null, key?: string): string {
  // The binding gets the run's index and how it ended ('resolved', 'rejected', 'threw'). The runner
  // waits for what it returns before the next run: without `wait`, nothing.
  const call = binding ? `window[${JSON.stringify(binding.name)}](index, outcome.kind)` : '';
  const onRunEnd = binding ? `(index, outcome) => { if (typeof window[${JSON.stringify(binding.name)}] === 'function') ${binding.wait ? `return ${call}` : `void ${call}`}; }` : 'undefined';
  // The module script has run by the load event; the short wait covers a driver that returns earlier.
  return `(async () => {
    for (let waited = 0; !window.corsPlayground && waited < 5000; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
    if (!window.corsPlayground) throw new Error(${JSON.stringify(RUNNER_MISSING)});
    return window.corsPlayground.runScenario(${JSON.stringify(scenario)}, ${JSON.stringify(origins)}, { onRunEnd: ${onRunEnd}${key ? `, key: ${JSON.stringify(key)}` : ''} });
  })()`;
}

/** A scenario's starting cookies: the run key and the URLs each engine visits top-level before the runner. */
export interface StartingCookies {
  key: string;
  visits: string[];
}

/** The visits that set a scenario's starting cookies (none: undefined), with the key the runner must then use. */
export async function startingCookiesFor(scenario: Scenario, origins: Origins): Promise<StartingCookies | undefined> {
  if (!scenario.cookies?.length) return undefined;
  const { key, runId } = await newRunKey();
  return { key, visits: startingCookieVisits(resolveScenario(scenario, origins), runId, origins) };
}
