import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../scenario/schema';
import { headerMap, observe, stripWirePrefixesFromText } from './observe';
import type { ObservedRequest, RunnerResult, RunOutcome } from './types';

const scenario = ScenarioSchema.parse({ request: { url: 'http://api.localhost:8787/resource' } });
const PAGE = 'http://web.localhost:8787';
const RUN_ID = 'AAAAAAAAAAAAAAAAAAAAAA';

function outcome(fields: Partial<RunOutcome>): RunOutcome {
  return { kind: 'resolved', status: 200, type: 'cors', url: null, redirected: false, headers: [], bodyExcerpt: null, error: null, durationMs: 1, ...fields };
}

function request(kind: 'preflight' | 'actual', headers: [string, string][], answerHeaders: [string, string][] = [], seq = 0): ObservedRequest {
  return { seq, origin: 'http://api.localhost:8787', method: kind === 'preflight' ? 'OPTIONS' : 'GET', path: '/resource', rawHeaders: headers, kind, answer: { status: 200, headers: answerHeaders } };
}

function result(...runs: { outcome: RunOutcome; requests: ObservedRequest[] }[]): RunnerResult {
  return { runId: RUN_ID, key: 'k', userAgent: 'test', runs };
}

const rejected = outcome({ kind: 'rejected', status: 0, type: null, error: { name: 'TypeError', message: 'Failed to fetch' } });
const threw = outcome({ kind: 'threw', status: 0, type: null, error: { name: 'TypeError', message: 'Invalid name' } });
const preflight = request('preflight', [['Origin', PAGE], ['Access-Control-Request-Method', 'PUT']]);
const actual = request('actual', [['Origin', PAGE]], [['Access-Control-Allow-Origin', PAGE], ['X-Secret', '1']], 1);

describe('observe: outcome, from what script saw and what reached the server', () => {
  // kind × response type × requests recorded → outcome, status
  const table: [string, RunOutcome, ObservedRequest[], string, number][] = [
    ['resolved cors', outcome({ status: 201 }), [actual], 'ok', 201],
    ['resolved basic (same origin)', outcome({ type: 'basic', status: 404 }), [actual], 'ok', 404],
    ['resolved xhr (no type)', outcome({ type: null, status: 500 }), [actual], 'ok', 500],
    ['resolved opaque (no-cors)', outcome({ type: 'opaque', status: 0 }), [actual], 'opaque', 0],
    ['resolved opaqueredirect (manual)', outcome({ type: 'opaqueredirect', status: 0 }), [actual], 'opaque', 0],
    ['rejected, nothing arrived', rejected, [], 'throws-before-send', 0],
    ['threw, nothing arrived', threw, [], 'throws-before-send', 0],
    ['rejected after a preflight', rejected, [preflight], 'network-error', 0],
    ['rejected after the actual request', rejected, [actual], 'network-error', 0],
    ['threw after a request (XHR sync error)', threw, [actual], 'network-error', 0],
  ];
  it.each(table)('%s', (_name, runOutcome, requests, expected, status) => {
    const observation = observe(scenario, result({ outcome: runOutcome, requests }));
    expect(observation.outcome).toBe(expected);
    expect(observation.status).toBe(status);
  });
});

describe('observe: requests', () => {
  it('reports the preflight, its count and the first preflight headers with lower-case names', () => {
    const second = request('preflight', [['Access-Control-Request-Method', 'DELETE']], [], 2);
    const observation = observe(scenario, result({ outcome: outcome({}), requests: [preflight, actual, second] }));
    expect(observation.preflight).toBe(true);
    expect(observation.preflightCount).toBe(2);
    expect(observation.preflightHeaders).toEqual({ origin: PAGE, 'access-control-request-method': 'PUT' });
    expect(observation.actualSent).toBe(true);
    expect(observation.receivedHeaders).toEqual({ origin: PAGE });
  });

  it('reports nothing sent as empty maps and false', () => {
    const observation = observe(scenario, result({ outcome: threw, requests: [] }));
    expect(observation).toMatchObject({ preflight: false, preflightCount: 0, preflightHeaders: {}, actualSent: false, receivedHeaders: {} });
  });

  it('joins repeated header lines as headers.get does', () => {
    expect(headerMap([['X-A', '1'], ['x-a', '2'], ['B', '']])).toEqual({ 'x-a': '1, 2', b: '' });
  });
});

describe('observe: readable headers', () => {
  it('lists every name of the final answer and the safelisted names; null where script cannot read', () => {
    const observation = observe(scenario, result({ outcome: outcome({ headers: [['content-type', 'text/plain'], ['access-control-allow-origin', PAGE]] }), requests: [actual] }));
    expect(observation.readable).toEqual({
      'cache-control': null,
      'content-language': null,
      'content-length': null,
      'content-type': 'text/plain',
      expires: null,
      'last-modified': null,
      pragma: null,
      'access-control-allow-origin': PAGE,
      'x-secret': null,
    });
  });

  it('hides everything after a network error or an opaque response, even headers the outcome lists', () => {
    for (const runOutcome of [rejected, outcome({ type: 'opaque', status: 0, headers: [['x-secret', '1']] })]) {
      const readable = observe(scenario, result({ outcome: runOutcome, requests: [actual] })).readable;
      expect(Object.values(readable).every((value) => value === null)).toBe(true);
      expect(readable).toHaveProperty('x-secret', null);
    }
  });
});

describe('observe: runs and console', () => {
  it('reports one entry per run and the first run at the top', () => {
    const observation = observe(scenario, result({ outcome: outcome({}), requests: [preflight, actual] }, { outcome: outcome({}), requests: [{ ...actual, seq: 2 }] }));
    expect(observation.runs.map((run) => [run.preflight, run.actualSent])).toEqual([[true, true], [false, true]]);
    expect(observation.preflight).toBe(true);
  });

  it('strips wire prefixes from console texts; undefined when the engine exposes none', () => {
    const text = `Access to fetch at 'http://api.localhost:8787/r/${RUN_ID}/eJwrSS0u0S1KTSkFAA/resource' from origin '${PAGE}' has been blocked`;
    const two = result({ outcome: rejected, requests: [actual] }, { outcome: rejected, requests: [actual] });
    const observation = observe(scenario, two, [text, null]);
    expect(observation.runs[0]?.console).toBe(`Access to fetch at 'http://api.localhost:8787/resource' from origin '${PAGE}' has been blocked`);
    expect(observation.runs[1]?.console).toBeNull();
    expect('console' in observe(scenario, two)).toBe(false);
  });

  it('strips prefixes before a query, a quote or the end of the text', () => {
    expect(stripWirePrefixesFromText(`http://a/r/${RUN_ID}/xyz?q=1 'http://a/r/${RUN_ID}/xyz' http://a/r/${RUN_ID}/xyz`)).toBe(`http://a?q=1 'http://a' http://a`);
  });

  it('refuses a result without runs with a message naming the run', () => {
    expect(() => observe(scenario, result())).toThrow(`run ${RUN_ID} has no runs`);
  });
});
