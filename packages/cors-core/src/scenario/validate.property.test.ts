// Added by the cors-core rules engineer (issue 3): validation never throws, whatever the JSON.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateScenario, validateScenarioText } from './validate';

describe('validation never throws on arbitrary JSON', () => {
  it('validateScenario(fc.jsonValue())', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const result = validateScenario(value);
      if (!result.ok) for (const issue of result.errors) expect(typeof issue.message).toBe('string');
    }), { numRuns: 500 });
  });
  it('validateScenarioText(JSON text or any string)', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue().map((value) => JSON.stringify(value) ?? ''), fc.string()), (text) => {
      validateScenarioText(text);
    }), { numRuns: 500 });
  });
});
