import type { Observation, ObservedRun } from '@cors-playground/cors-core';
import { describe, expect, it } from 'vitest';
import { findDifferences, staleKnownDifferences, verdictLine, type ScenarioVerdict } from './verdict';

const run: ObservedRun = {
  preflight: false,
  preflightHeaders: {},
  preflightCount: 0,
  actualSent: true,
  receivedHeaders: { origin: 'http://web.localhost:1' },
  outcome: 'network-error',
  status: 0,
  readable: { 'content-type': null },
  console: 'Access to fetch ... blocked',
};
const observation: Observation = { ...run, runs: [run] };

function verdict(fields: Partial<ScenarioVerdict>): ScenarioVerdict {
  return { id: 'missing-acao', engine: 'chromium', version: 'Chromium 1', prediction: null, observation, expected: null, differences: [], error: null, agree: true, tooSlow: null, timingDependent: false, requests: [], durationMs: 1, ...fields };
}

describe('findDifferences', () => {
  it('compares with the prediction and with expect, marking known differences', () => {
    const differences = findDifferences('missing-acao', observation, { outcome: 'ok', status: 200 }, { outcome: 'network-error', status: 200 }, [{ id: 'missing-acao', field: 'status', against: 'expect' }]);
    expect(differences).toEqual([
      { field: 'outcome', expected: 'ok', actual: 'network-error', against: 'prediction', known: false },
      { field: 'status', expected: 200, actual: 0, against: 'prediction', known: false },
      { field: 'status', expected: 200, actual: 0, against: 'expect', known: true },
    ]);
  });

  it('finds nothing without a prediction or an expectation', () => {
    expect(findDifferences('x', observation, null, null, [])).toEqual([]);
  });
});

describe('verdictLine', () => {
  it('says agree, DIFFER with both values, ERROR or TOO SLOW TO JUDGE', () => {
    expect(verdictLine(verdict({}))).toBe('missing-acao  agree');
    expect(verdictLine(verdict({ differences: [{ field: 'outcome', expected: 'ok', actual: 'network-error', against: 'prediction', known: false }, { field: 'status', expected: 200, actual: 0, against: 'expect', known: false }] }))).toBe(
      'missing-acao  DIFFER outcome: predicted "ok", observed "network-error"; expect status: expected 200, observed 0',
    );
    expect(verdictLine(verdict({ differences: [{ field: 'console', expected: 'a', actual: 'b', against: 'prediction', known: true }] }))).toBe('missing-acao  agree (known: console)');
    expect(verdictLine(verdict({ error: 'the runner frame did not load' }), 14)).toBe('missing-acao    ERROR the runner frame did not load');
    expect(verdictLine(verdict({ agree: false, tooSlow: 'run 2 started 1.50 s after the preflight of run 1, whose result lives 1 s' }))).toBe(
      'missing-acao  TOO SLOW TO JUDGE run 2 started 1.50 s after the preflight of run 1, whose result lives 1 s',
    );
  });
});

describe('staleKnownDifferences', () => {
  it('lists known differences of scenarios that ran and now agree', () => {
    const known = [
      { id: 'missing-acao', field: 'console' },
      { id: 'missing-acao', field: 'status' },
      { id: 'not-run', field: 'outcome' },
    ];
    const verdicts = [verdict({ differences: [{ field: 'console', expected: 'a', actual: 'b', against: 'prediction', known: true }] })];
    expect(staleKnownDifferences(verdicts, known)).toEqual([{ id: 'missing-acao', field: 'status' }]);
  });
});
