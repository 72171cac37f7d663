import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../scenario/schema';
import { OUTCOME_WORDING, outcomeSentence } from './outcome-wording';

describe('outcome wording', () => {
  it('words every outcome, one sentence shape for each', () => {
    expect(Object.keys(OUTCOME_WORDING).sort()).toEqual([...OUTCOMES].sort());
    expect(outcomeSentence('ok', { status: 200 })).toBe('Allowed: script reads the response (status 200).');
    expect(outcomeSentence('opaque', {})).toBe('Opaque: the request is sent, but script sees status 0 and no headers or body.');
    expect(outcomeSentence('network-error', { why: 'TypeError: Failed to fetch' })).toBe('Blocked: TypeError: Failed to fetch.');
    expect(outcomeSentence('throws-before-send', {})).toBe('Throws before sending: nothing reaches the server.');
  });
});
