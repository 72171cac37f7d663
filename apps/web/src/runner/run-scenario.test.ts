import { ScenarioSchema } from '@cors-playground/cors-core';
import { describe, expect, it } from 'vitest';
import { requestForRun } from './run-scenario';

describe('requestForRun', () => {
  const scenario = ScenarioSchema.parse({
    request: { url: '{api}/a', method: 'PUT', headers: [['X-A', '1']], body: 'x' },
    repeat: 3,
    runRequests: [{}, { method: 'DELETE', body: null }],
  });

  it('merges runRequests[i] over request; fields it leaves out keep the scenario value', () => {
    expect(requestForRun(scenario, 0)).toEqual(scenario.request);
    expect(requestForRun(scenario, 1)).toEqual({ ...scenario.request, method: 'DELETE', body: null });
    expect(requestForRun(scenario, 2)).toEqual(scenario.request);
  });
});
