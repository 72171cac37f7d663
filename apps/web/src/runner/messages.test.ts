import { describe, expect, it } from 'vitest';
import { isPerformMessage, isPerformedMessage, isRunScenarioMessage, PERFORM } from './messages';

const request = { api: 'fetch', url: 'http://api.localhost:1/r/x/y/z', method: 'GET', headers: [['X-A', '1']], body: null, mode: 'cors', credentials: 'same-origin', uploadListener: false, timeoutMs: 1000 };

describe('runner messages: only well-formed messages are acted on', () => {
  it.each([
    [{ type: 'cors-playground:run-scenario', id: 1, scenario: {} }, true],
    [{ type: 'cors-playground:run-scenario', id: 'a', scenario: {}, origins: { page: 'p', api: 'a', other: 'o' } }, true],
    [{ type: 'cors-playground:run-scenario', id: 1 }, false],
    [{ type: 'cors-playground:run-scenario', id: 1, scenario: [] }, false],
    [{ type: 'cors-playground:run-scenario', id: {}, scenario: {} }, false],
    [{ type: 'cors-playground:run-scenario', id: 1, scenario: {}, origins: { page: 'p' } }, false],
    [{ type: 'something-else', id: 1, scenario: {} }, false],
    ['cors-playground:run-scenario', false],
    [null, false],
  ])('run-scenario %j → %s', (data, accepted) => {
    expect(isRunScenarioMessage(data)).toBe(accepted);
  });

  it('checks every field of a perform request', () => {
    expect(isPerformMessage({ type: PERFORM, id: 1, request })).toBe(true);
    expect(isPerformMessage({ type: PERFORM, id: '1', request })).toBe(false);
    expect(isPerformMessage({ type: PERFORM, id: 1, request: { ...request, api: 'beacon' } })).toBe(false);
    expect(isPerformMessage({ type: PERFORM, id: 1, request: { ...request, headers: [['X-A']] } })).toBe(false);
    expect(isPerformMessage({ type: PERFORM, id: 1, request: { ...request, body: 3 } })).toBe(false);
  });

  it('accepts a performed answer only with an outcome', () => {
    expect(isPerformedMessage({ type: 'cors-playground:performed', id: 2, outcome: { kind: 'resolved' } })).toBe(true);
    expect(isPerformedMessage({ type: 'cors-playground:performed', id: 2 })).toBe(false);
  });
});
