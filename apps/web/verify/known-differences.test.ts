import { describe, expect, it } from 'vitest';
import { recordKnownDifferences } from './known-differences';
import type { ScenarioVerdict } from './verdict';

function verdict(id: string, fields: string[]): ScenarioVerdict {
  return {
    id, engine: 'firefox', version: 'Firefox', prediction: null, observation: null, expected: null, error: null, agree: false, tooSlow: null, timingDependent: false, requests: [], durationMs: 1,
    differences: fields.map((field) => ({ field, expected: 1, actual: 2, against: 'prediction' as const, known: false })),
  };
}

describe('recordKnownDifferences', () => {
  it("replaces the entries of the scenarios that ran, keeps the others and the notes of those that stay", () => {
    const previous = [
      { id: 'a', field: 'console', note: 'Firefox wording' },
      { id: 'a', field: 'status' },
      { id: 'not-run', field: 'outcome' },
    ];
    expect(recordKnownDifferences(previous, [verdict('a', ['console']), verdict('b', [])])).toEqual([
      { id: 'not-run', field: 'outcome' },
      { id: 'a', field: 'console', against: 'prediction', note: 'Firefox wording' },
    ]);
  });
});
