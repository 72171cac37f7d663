// What every engine driver offers the verifier: run one scenario through the real runner page and
// report the runner's result and the console text of each run.
import { resolveScenario, type Engine, type Origins, type Scenario } from '@cors-playground/cors-core';
import { newRunKey } from '@cors-playground/echo-server/protocol';
import { startingCookieVisits } from '../../src/runner/starting-cookies';
import type { RunnerResult } from '../../src/runner/types';

export interface EngineRun {
  result: RunnerResult;
  /** Console text per run; undefined when the engine exposes no console (WebKitWebDriver). */
  consoleTexts: (string | null)[] | undefined;
}

export interface EngineWorker {
  engine: Engine;
  /** e.g. "Chromium 156.0.7559.132". */
  version: string;
  /** Runs one scenario in a fresh profile (or an isolated context with its own caches). */
  run(scenario: Scenario, origins: Origins): Promise<EngineRun>;
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
export function runnerExpression(scenario: Scenario, origins: Origins, binding: string | null, key?: string): string {
  const onRunEnd = binding ? `(index) => (typeof window[${JSON.stringify(binding)}] === 'function' ? window[${JSON.stringify(binding)}](index) : undefined)` : 'undefined';
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
