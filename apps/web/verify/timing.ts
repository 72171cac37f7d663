// Scenarios whose later runs reuse a cached preflight depend on time: the entry lives max-age seconds
// (5 s without one), so a run that starts too late sends a new preflight, and on a loaded machine that
// is the machine's fault, not the prediction's. The runner performs a scenario's runs back to back (it
// waits only for the record of the run that ended), and this tells a late run from a wrong prediction
// with the echo server's own clock: a cached entry is created after the server finished answering the
// preflight and checked before the next request reaches the server, so the gap the server measured is
// an upper bound of the entry's age. Under max-age, the entry must have been reused: a preflight is a
// real difference. At or over max-age, nothing can be concluded: "too slow to judge".
import { browserProfile, parseMaxAge, type Engine } from '@cors-playground/cors-core';
import type { RecordedRequest } from '@cors-playground/wire';
import type { RunnerResult } from '../src/runner/types';
import type { FoundDifference } from './verdict';

/** A reused preflight result that lives no longer than this makes a scenario timing-dependent. */
export const SHORT_LIFETIME_SECONDS = 10;

export interface CacheReuse {
  /** The run that found (or should have found) the entry. */
  run: number;
  /** The run whose preflight stored it. */
  storedBy: number;
  /** The entry's lifetime in this engine, in seconds. */
  lifetimeSeconds: number;
  /** Milliseconds from the end of that preflight's answer to the first request of `run`, server clock. */
  gapMs: number;
}

function header(request: RecordedRequest, name: string): string | null {
  if (!('headers' in request.answer)) return null;
  return request.answer.headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? null;
}

/**
 * For each run after the first: the latest successful preflight of an earlier run, with the lifetime
 * its answer gave it in `engine` and how long after it the run started. `undefined` for a run with
 * no earlier preflight or no request.
 */
export function cacheReuses(result: RunnerResult, engine: Engine): (CacheReuse | undefined)[] {
  const profile = browserProfile(engine);
  let last: { run: number; request: RecordedRequest } | undefined;
  return result.runs.map((run, index) => {
    const first = run.requests[0];
    const reuse =
      last && first && index > 0
        ? {
            run: index,
            storedBy: last.run,
            lifetimeSeconds: parseMaxAge(header(last.request, 'access-control-max-age'), profile),
            gapMs: first.at - (last.request.at + last.request.durationMs),
          }
        : undefined;
    for (const request of run.requests) {
      if (request.kind === 'preflight' && 'status' in request.answer && request.answer.status >= 200 && request.answer.status < 300) last = { run: index, request };
    }
    return reuse;
  });
}

const RUN_PREFLIGHT_FIELD = /^runs\[(\d+)\]\.preflight/;

/**
 * Why the differences cannot be judged, or null: every difference not already known is about a later
 * run's preflight, that run did send a preflight, and it started at or after the lifetime of the
 * cached result it should have reused.
 */
export function tooSlowToJudge(result: RunnerResult, engine: Engine, differences: readonly FoundDifference[]): string | null {
  const fresh = differences.filter((difference) => !difference.known);
  if (fresh.length === 0) return null;
  const reuses = cacheReuses(result, engine);
  const late = new Map<number, CacheReuse>();
  for (const difference of fresh) {
    const run = Number(RUN_PREFLIGHT_FIELD.exec(difference.field)?.[1] ?? NaN);
    const reuse = reuses[run];
    const sentPreflight = result.runs[run]?.requests.some((request) => request.kind === 'preflight') ?? false;
    if (!reuse || !sentPreflight || reuse.lifetimeSeconds <= 0 || reuse.gapMs < reuse.lifetimeSeconds * 1000) return null;
    late.set(run, reuse);
  }
  return [...late.values()]
    .map((reuse) => `run ${reuse.run + 1} started ${(reuse.gapMs / 1000).toFixed(2)} s after the preflight of run ${reuse.storedBy + 1}, whose result lives ${reuse.lifetimeSeconds} s`)
    .join('; ');
}

/**
 * The reuse that makes this scenario timing-dependent in `engine`, or null: a later run the prediction
 * says sends no preflight, after an earlier run stored a result that lives `SHORT_LIFETIME_SECONDS` or less.
 */
export function shortCacheReuse(result: RunnerResult, engine: Engine, predictedPreflight: (run: number) => boolean | undefined): CacheReuse | null {
  const short = cacheReuses(result, engine).filter(
    (reuse): reuse is CacheReuse => reuse !== undefined && reuse.lifetimeSeconds > 0 && reuse.lifetimeSeconds <= SHORT_LIFETIME_SECONDS && predictedPreflight(reuse.run) === false,
  );
  return short.sort((a, b) => a.lifetimeSeconds - b.lifetimeSeconds)[0] ?? null;
}
