import type { RunOutcome } from '@cors-playground/cors-core';
import type { RecordedRequest } from '@cors-playground/wire';
import { describe, expect, it } from 'vitest';
import type { RunnerResult } from '../src/runner/types';
import { cacheReuses, shortCacheReuse, tooSlowToJudge } from './timing';
import type { FoundDifference } from './verdict';

function request(kind: 'preflight' | 'actual', at: number, headers: [string, string][] = []): RecordedRequest {
  return { seq: 0, at, origin: 'http://api.localhost:1', method: kind === 'preflight' ? 'OPTIONS' : 'PUT', path: '/r', rawHeaders: [], body: null, bodyBytes: 0, bodyTruncated: false, kind, route: '/r', answer: { status: kind === 'preflight' ? 204 : 200, headers }, durationMs: 2 };
}

const outcome: RunOutcome = { kind: 'resolved', status: 200, type: 'cors', url: null, redirected: false, headers: [], bodyExcerpt: '', error: null, durationMs: 1 };

/** Two runs of a PUT whose preflight answers max-age `maxAge`; run 2 starts `gapMs` after it and sends `second`. */
function twoRuns(maxAge: string | null, gapMs: number, second: RecordedRequest['kind'][]): RunnerResult {
  const preflight = request('preflight', 0, maxAge === null ? [] : [['Access-Control-Max-Age', maxAge]]);
  const start = 2 + gapMs;
  return {
    runId: 'r', key: 'k', userAgent: 'test',
    runs: [
      { outcome, requests: [preflight, request('actual', 3)] },
      { outcome, requests: second.map((kind, index) => request(kind, start + index * 3)) },
    ],
  };
}

const preflightDifference: FoundDifference = { field: 'runs[1].preflight', expected: false, actual: true, against: 'prediction', known: false };
const countDifference: FoundDifference = { field: 'runs[1].preflightCount', expected: 0, actual: 1, against: 'expect', known: false };

describe('cacheReuses', () => {
  it('measures, on the server clock, from the end of the preflight answer to the next run, with the lifetime the engine gives it', () => {
    expect(cacheReuses(twoRuns('1', 1500, ['preflight', 'actual']), 'chromium')[1]).toEqual({ run: 1, storedBy: 0, lifetimeSeconds: 1, gapMs: 1500 });
    expect(cacheReuses(twoRuns(null, 10, ['actual']), 'chromium')[1]?.lifetimeSeconds).toBe(5);
    // Firefox keeps nothing for a max-age that is not digits.
    expect(cacheReuses(twoRuns('abc', 10, ['actual']), 'firefox')[1]?.lifetimeSeconds).toBe(0);
  });
});

describe('tooSlowToJudge', () => {
  it('a later run that preflighted again after max-age had passed is too slow to judge, not a disagreement', () => {
    expect(tooSlowToJudge(twoRuns('1', 1500, ['preflight', 'actual']), 'chromium', [preflightDifference, countDifference])).toBe(
      'run 2 started 1.50 s after the preflight of run 1, whose result lives 1 s',
    );
  });

  it('within max-age a new preflight is a real difference', () => {
    expect(tooSlowToJudge(twoRuns('1', 400, ['preflight', 'actual']), 'chromium', [preflightDifference])).toBeNull();
  });

  it('any other difference, or a result that is never cached, is judged as usual', () => {
    const outcomeDifference: FoundDifference = { field: 'runs[1].outcome', expected: 'ok', actual: 'network-error', against: 'prediction', known: false };
    expect(tooSlowToJudge(twoRuns('1', 1500, ['preflight', 'actual']), 'chromium', [preflightDifference, outcomeDifference])).toBeNull();
    expect(tooSlowToJudge(twoRuns('0', 1500, ['preflight', 'actual']), 'chromium', [preflightDifference])).toBeNull();
    expect(tooSlowToJudge(twoRuns('1', 1500, ['preflight', 'actual']), 'chromium', [{ ...preflightDifference, known: true }])).toBeNull();
  });
});

describe('shortCacheReuse', () => {
  it('marks a scenario timing-dependent when a later run is predicted to reuse a result that lives 10 s or less', () => {
    const noPreflightInRun2 = (run: number) => run === 0;
    expect(shortCacheReuse(twoRuns(null, 10, ['actual']), 'chromium', noPreflightInRun2)?.lifetimeSeconds).toBe(5);
    expect(shortCacheReuse(twoRuns('60', 10, ['actual']), 'chromium', noPreflightInRun2)).toBeNull();
    expect(shortCacheReuse(twoRuns(null, 10, ['preflight', 'actual']), 'chromium', () => true)).toBeNull();
  });
});
