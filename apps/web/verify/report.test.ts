import type { Observation, ObservedRun } from '@cors-playground/cors-core';
import { describe, expect, it } from 'vitest';
import { rateText, renderReport, summarize } from './report';
import type { ScenarioVerdict } from './verdict';

const run: ObservedRun = { preflight: true, preflightHeaders: {}, preflightCount: 1, actualSent: true, receivedHeaders: {}, outcome: 'ok', status: 200, readable: {} };
const observation: Observation = { ...run, runs: [run, { ...run, preflight: false, preflightCount: 0 }] };

describe('report', () => {
  it('summarizes each run of an observation', () => {
    expect(summarize(observation)).toBe('ok 200, preflight / ok 200, no preflight');
    expect(summarize({ outcome: 'network-error', actualSent: false })).toBe('network-error, not sent');
    expect(summarize(null)).toBe('—');
  });

  it('reads the scenario rate against the baseline measured in the same run', () => {
    expect(rateText({ verdicts: new Array(10), seconds: 2, baseline: { roundTrips: 20, seconds: 2 } })).toBe('5.00 scenarios/s; baseline 10.0 empty round trips/s; ratio 0.500');
    expect(rateText({ verdicts: new Array(10), seconds: 2, baseline: null })).toBe('5.00 scenarios/s');
  });

  it('has a table per engine with the version, the agreement figures and each difference', () => {
    const verdict: ScenarioVerdict = {
      id: 'cache-reused', engine: 'firefox', version: 'Firefox 153.8.0', prediction: observation, observation, expected: null, error: null, agree: false, tooSlow: null, timingDependent: false, requests: [], durationMs: 5,
      differences: [{ field: 'runs[1].preflight', expected: false, actual: true, against: 'prediction', known: false }],
    };
    const text = renderReport([{ engine: 'firefox', version: 'Firefox 153.8.0', verdicts: [verdict], seconds: 2, stale: [], baseline: { roundTrips: 20, seconds: 4 } }], new Date(0));
    expect(text).toContain('| Firefox | Firefox 153.8.0 | 0 of 1 | 0 | 0 of 1 | 2.0 s | 0.50 | 5.0 | 0.100 |');
    expect(text).toContain('## Firefox (Firefox 153.8.0)');
    expect(text).toContain('| `cache-reused` | ok 200, preflight / ok 200, no preflight | ok 200, preflight / ok 200, no preflight | — | ✗ runs[1].preflight |');
    expect(text).toContain('- `cache-reused` `runs[1].preflight`: predicted false, observed true');
  });
});
