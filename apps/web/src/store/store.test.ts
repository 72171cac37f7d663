import { describe, expect, it } from 'vitest';
import { validateScenario, type Scenario } from '@cors-playground/cors-core';
import { PRESETS } from '../presets/presets';
import { STORAGE_KEY, deserialize, serialize } from './persist';
import { moveHeader, renameRoute, setRequest, makeRedirect, addRoute } from './scenario-edits';
import { formatScenario } from './scenario-slice';
import { selectIssuesByPath, selectPrediction, selectValidation } from './selectors';
import { connectStorage, createAppStore } from './store';
import { memoryStorage } from './memory-storage';

function preset(index: number): Scenario {
  const result = validateScenario(PRESETS[index]);
  if (!result.ok) throw new Error('invalid preset');
  return result.scenario;
}

describe('scenario slice: form and JSON stay in sync', () => {
  it('a form edit rewrites the JSON text', () => {
    const store = createAppStore();
    store.getState().editScenario((s) => setRequest(s, 'method', 'patch'));
    expect(store.getState().scenario.request.method).toBe('patch');
    expect(JSON.parse(store.getState().jsonText).request.method).toBe('patch');
  });

  it('valid JSON text updates the form', () => {
    const store = createAppStore();
    const next = { ...preset(2), title: 'edited in JSON' };
    store.getState().setJsonText(JSON.stringify(next));
    expect(store.getState().scenario.title).toBe('edited in JSON');
    expect(store.getState().jsonIssues).toEqual([]);
  });

  it('invalid JSON never loses the text, even when the form is edited meanwhile', () => {
    const store = createAppStore();
    const before = store.getState().scenario;
    store.getState().setJsonText('{ "request": { "url": ');
    expect(store.getState().jsonText).toBe('{ "request": { "url": ');
    expect(store.getState().jsonIssues[0]?.message).toMatch(/invalid JSON/);
    expect(store.getState().scenario).toBe(before);
    store.getState().editScenario((s) => setRequest(s, 'method', 'PUT'));
    expect(store.getState().jsonText).toBe('{ "request": { "url": ');
    store.getState().resetJsonToForm();
    expect(JSON.parse(store.getState().jsonText).request.method).toBe('PUT');
  });

  it('JSON that parses but breaks the schema names the path', () => {
    const store = createAppStore();
    store.getState().setJsonText(JSON.stringify({ request: { url: '{api}/x', mode: 'sideways' } }));
    expect(store.getState().jsonIssues.map((issue) => issue.path)).toEqual(['request.mode']);
  });
});

describe('edits', () => {
  it('move header rows within bounds only', () => {
    const rows: [string, string][] = [['a', '1'], ['b', '2']];
    expect(moveHeader(rows, 1, -1)).toEqual([['b', '2'], ['a', '1']]);
    expect(moveHeader(rows, 0, -1)).toBe(rows);
  });

  it('rename routes in place and never onto an existing key', () => {
    const scenario = addRoute(preset(0), '/b');
    expect(Object.keys(renameRoute(scenario, '/resource', '/a').server.routes)).toEqual(['/a', '/b']);
    expect(renameRoute(scenario, '/resource', '/b')).toBe(scenario);
  });

  it('make a redirect with one Location header', () => {
    expect(makeRedirect({ status: 200, headers: [['location', '/x']] }, '{other}/final')).toEqual({ status: 302, headers: [['Location', '{other}/final']] });
  });
});

describe('persistence', () => {
  it('restores the scenario and the invalid JSON text after a reload', () => {
    const storage = memoryStorage();
    const first = createAppStore();
    connectStorage(first, storage);
    first.getState().loadScenario(preset(5));
    first.getState().setJsonText('{ broken');
    const second = createAppStore();
    connectStorage(second, storage);
    expect(second.getState().scenario).toEqual(preset(5));
    expect(second.getState().jsonText).toBe('{ broken');
    expect(second.getState().jsonIssues.length).toBe(1);
    expect(second.getState().notices).toEqual([]);
  });

  it.each([
    ['not JSON', '{{{', /not valid JSON/],
    ['an old version', JSON.stringify({ version: 0, scenario: {} }), /version 0/],
    ['an invalid scenario', JSON.stringify({ version: 1, scenario: { request: { url: '' } } }), /invalid/],
    ['a list', '[]', /not an object/],
  ])('resets %s with a notice that says why', (_what, saved, reason) => {
    const store = createAppStore();
    connectStorage(store, memoryStorage({ [STORAGE_KEY]: saved }));
    const [notice] = store.getState().notices;
    expect(notice?.title).toMatch(reason);
    expect(store.getState().scenario).toEqual(preset(0));
  });

  it('round-trips what it saves', () => {
    const state = { scenario: preset(3), jsonText: formatScenario(preset(3)), theme: 'dark' as const, predictionEngine: 'firefox' as const };
    expect(deserialize(serialize(state)).restored).toEqual({ ...state, jsonIssues: [] });
  });

  it('still reads the engine choice saved under its old key, profile', () => {
    const saved = JSON.parse(serialize({ scenario: preset(3), jsonText: formatScenario(preset(3)), theme: 'dark', predictionEngine: null })) as Record<string, unknown>;
    expect(deserialize(JSON.stringify({ ...saved, profile: 'webkit' })).restored?.predictionEngine).toBe('webkit');
  });
});

describe('selectors', () => {
  it('memoize the prediction on the scenario object', () => {
    const store = createAppStore();
    const first = selectPrediction(store.getState());
    expect(selectPrediction(store.getState())).toBe(first);
    store.getState().editScenario((s) => setRequest(s, 'method', 'PUT'));
    expect(selectPrediction(store.getState())).not.toBe(first);
  });

  it('give no prediction for an invalid scenario, and say why', () => {
    const store = createAppStore();
    store.getState().editScenario((s) => setRequest(s, 'url', ''));
    expect(selectValidation(store.getState()).ok).toBe(false);
    expect(selectPrediction(store.getState())).toEqual({ ok: false, reason: expect.stringContaining('errors') as string });
  });

  it('flag an invalid header name at its path', () => {
    const store = createAppStore();
    store.getState().editScenario((s) => setRequest(s, 'headers', [['X Bad', '1']]));
    expect(selectIssuesByPath(store.getState()).get('request.headers[0][0]')).toMatch(/not a valid header name/);
  });
});
