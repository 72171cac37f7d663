import { describe, expect, it } from 'vitest';
import { DEFAULT_ORIGINS, validateScenario, type ObservedRun } from '@cors-playground/cors-core';
import { PRESETS } from '../../presets/presets';
import type { RunEntry } from '../../store/run-slice';
import { runVerdict } from './verdict';

const scenario = (() => {
  const result = validateScenario(PRESETS[0]);
  if (!result.ok) throw new Error('bad preset');
  return result.scenario;
})();

const blocked: ObservedRun = {
  preflight: false, preflightHeaders: {}, preflightCount: 0, actualSent: true, receivedHeaders: {}, outcome: 'network-error', status: 0, readable: {},
};
const outcome = { kind: 'rejected' as const, status: 0, type: null, url: null, redirected: false, headers: [], bodyExcerpt: null, error: { name: 'TypeError', message: 'Failed to fetch' }, durationMs: 3 };

function entry(runs: ObservedRun[]): RunEntry {
  return {
    id: 1, startedAt: 0, scenario, origins: DEFAULT_ORIGINS, browser: { engine: 'chromium', name: 'Chromium', version: '156' }, status: 'done',
    result: { runId: 'x', key: 'k', userAgent: 'ua', runs: runs.map(() => ({ outcome, requests: [] })) },
    observation: { ok: true, observation: { ...runs[0]!, runs } },
  };
}

describe('runVerdict', () => {
  it('says a request was blocked, with the browser\'s own error, and that the server did answer', () => {
    expect(runVerdict(entry([blocked]))).toEqual({
      tone: 'fail',
      headline: 'Blocked: TypeError: Failed to fetch.',
      details: ['The server received the request and answered; the browser withheld the answer from script.'],
    });
  });

  it('says the actual request never left when the preflight failed', () => {
    expect(runVerdict(entry([{ ...blocked, actualSent: false, preflight: true, preflightCount: 1 }])).details).toEqual(['The preflight failed, so the actual request was never sent.']);
  });

  it('shows the browser TypeError of a request refused before sending', () => {
    expect(runVerdict(entry([{ ...blocked, actualSent: false, outcome: 'throws-before-send' }])).headline).toBe('Throws before sending: TypeError: Failed to fetch.');
  });

  it('describes each run of a repeat, so the preflight cache shows', () => {
    const ok: ObservedRun = { ...blocked, outcome: 'ok', status: 200, preflight: true, preflightCount: 1 };
    const verdict = runVerdict(entry([ok, { ...ok, preflight: false, preflightCount: 0 }]));
    expect(verdict.tone).toBe('pass');
    expect(verdict.details).toEqual([
      'Repeat 1: Allowed: script reads the response (status 200). 1 preflight sent.',
      'Repeat 2: Allowed: script reads the response (status 200). No preflight (cached or not needed).',
    ]);
  });

  it('reports a run that could not complete', () => {
    expect(runVerdict({ ...entry([blocked]), status: 'failed', error: 'the runner did not answer within 20 s' }).headline).toBe('The run could not complete: the runner did not answer within 20 s');
  });
});
