import { explain, validateScenario, type Scenario } from '@cors-playground/cors-core';
import { describe, expect, it } from 'vitest';
import { selectPolicyFixes } from './policy-selectors';
import { parseList, setBackend, setFramework, setPolicy, setPolicyMode } from './policy-edits';
import { appStore, resetAppStore } from './store';

const raw = (): Scenario => {
  const result = validateScenario({ request: { url: '{api}/x', credentials: 'include' }, server: { routes: { '/x': { actual: { status: 200, headers: [] } } } } });
  if (!result.ok) throw new Error('bad');
  return result.scenario;
};

describe('policy edits', () => {
  it('policy mode on and off keeps the routes, and off removes every policy field', () => {
    const on = setPolicyMode(raw(), true);
    expect(on.server.routes).toEqual(raw().server.routes);
    expect(validateScenario(on).ok).toBe(true);
    expect(Object.keys(setPolicyMode(on, false).server)).toEqual(['routes']);
  });

  it("the echo server's own middleware has no real backend", () => {
    const real = setBackend(setPolicyMode(raw(), true), 'real');
    expect(setFramework(real, 'echo').server.backend).toBe('model');
    expect(setFramework(real, 'koa-cors').server.backend).toBe('real');
  });

  it('lists are typed comma- or line-separated', () => {
    expect(parseList('GET, PUT,\n DELETE,,')).toEqual(['GET', 'PUT', 'DELETE']);
  });

  it('the suggested fix, applied through the store, makes the prediction pass', () => {
    resetAppStore();
    appStore.getState().loadScenario(setPolicy(setFramework(setPolicyMode(raw(), true), 'express-cors'), { ...setPolicyMode(raw(), true).server.policy!, allowOrigins: '*', credentials: true }));
    expect(explain(appStore.getState().scenario).prediction.outcome).toBe('network-error');
    const [fix] = selectPolicyFixes(appStore.getState());
    expect(fix?.id).toBe('name-the-origin');
    appStore.getState().editScenario((s) => setPolicy(s, fix!.policy));
    expect(explain(appStore.getState().scenario).prediction.outcome).toBe('ok');
    expect(selectPolicyFixes(appStore.getState())).toEqual([]);
  });
});
