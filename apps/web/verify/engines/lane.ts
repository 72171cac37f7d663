// What makes it safe to run scenario after scenario in one runner page (a "lane") instead of a fresh
// browser profile each: a scenario cannot run script, so the only state it can leave in a browser is
// what its server answers put there. Of that:
// - the HTTP cache and the CORS-preflight cache are keyed by URL, and every URL of a scenario carries
//   that scenario's own run id (`/r/<runId>/...`, a new random id per scenario): an entry can never
//   match a later scenario's request;
// - cookies are matched by path, and the echo server moves every cookie's `Path` under the run's prefix
//   (scenario-answer.ts `rewriteCookiePath`), starting cookies included: a later run's URLs never match
//   it. The one exception is a `__Host-` cookie, which must keep `Path=/` (wire `cookieOutlivesRun`):
//   a lane whose scenario received one is thrown away (its context, user context or WebDriver session
//   closed) and the next scenario gets a new one.
// `apps/web/e2e/verify-isolation.spec.ts` checks all three in every engine, on one lane.
import type { Engine, Origins, Scenario } from '@cors-playground/cors-core';
import { cookieOutlivesRun } from '@cors-playground/wire';
import type { RunnerResult } from '../../src/runner/types';
import { EMPTY_SCENARIO } from '../baseline';
import type { EngineRun, EngineWorker } from './types';

/** True when a response of the scenario may have stored a cookie that later runs would match: its lane must not be reused. */
export function leavesCookies(result: RunnerResult): boolean {
  return result.runs.some((run) =>
    run.requests.some(
      (request) => 'headers' in request.answer && request.answer.headers.some(([name, value]) => name.toLowerCase() === 'set-cookie' && cookieOutlivesRun(value)),
    ),
  );
}

/** A runner page opened on one origin: a browser context or user context, or a WebDriver session. */
export interface LaneState {
  pageOrigin: string;
  /** The page went away (crashed, closed): open a new one. */
  isGone(): boolean;
  dispose(): Promise<void>;
}

export interface LaneEngine<S extends LaneState> {
  open(pageOrigin: string): Promise<S>;
  /** Runs a scenario in the open runner page. */
  runIn(state: S, scenario: Scenario, origins: Origins): Promise<EngineRun>;
  /** The runner called with no console capture and no run-end call: the baseline's round trip. */
  roundTrip(state: S, scenario: Scenario, origins: Origins): Promise<unknown>;
}

/**
 * A lane: one runner page reused by scenario after scenario; replaced (the next one opened at once, while
 * the verifier compares) after a scenario that received a `__Host-` cookie or failed, and when the
 * scenario's page is on another origin.
 */
export function lane<S extends LaneState>(engine: Engine, version: string, driver: LaneEngine<S>): EngineWorker {
  let current: Promise<S> | undefined;
  const discard = async () => {
    const state = await current?.catch(() => undefined);
    current = undefined;
    await state?.dispose().catch(() => undefined);
  };
  const take = async (pageOrigin: string): Promise<S> => {
    const state = await current?.catch(() => undefined);
    if (state && state.pageOrigin === pageOrigin && !state.isGone()) return state;
    await discard();
    current = driver.open(pageOrigin);
    return current;
  };
  return {
    engine,
    version,
    async run(scenario, origins) {
      const state = await take(origins.page);
      let keep = false;
      try {
        const run = await driver.runIn(state, scenario, origins);
        // Starting cookies were set by visits in this lane, through the same path rewriting.
        keep = !leavesCookies(run.result) && !scenario.cookies?.some(({ setCookie }) => cookieOutlivesRun(setCookie));
        return run;
      } finally {
        if (!keep) {
          await discard();
          current = driver.open(origins.page);
          current.catch(() => undefined); // awaited (and reported) by the next scenario
        }
      }
    },
    async baseline(origins, count) {
      const state = await take(origins.page);
      await driver.roundTrip(state, EMPTY_SCENARIO, origins);
      const startedAt = performance.now();
      for (let index = 0; index < count; index++) await driver.roundTrip(state, EMPTY_SCENARIO, origins);
      return { roundTrips: count, seconds: (performance.now() - startedAt) / 1000 };
    },
    recycle: discard,
    close: discard,
  };
}
