import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '@cors-playground/wire';
import { keyHeaders, observedHops, predictedHops } from './hops';

const preflight: RecordedRequest = {
  seq: 0, at: 0, origin: 'http://api.localhost:8787', method: 'OPTIONS', path: '/items',
  rawHeaders: [['Host', 'api.localhost:8787'], ['Origin', 'http://web.localhost:8787'], ['Access-Control-Request-Method', 'POST'], ['User-Agent', 'x']],
  body: null, bodyBytes: 0, bodyTruncated: false, kind: 'preflight', route: '/items',
  answer: { status: 204, headers: [['Access-Control-Allow-Origin', 'http://web.localhost:8787'], ['Date', 'now']] }, durationMs: 1,
};

describe('hops', () => {
  it('come from the record, one per request, per run', () => {
    const hops = observedHops({ runId: 'r', key: 'k', userAgent: 'ua', runs: [{ outcome: {} as never, requests: [preflight, { ...preflight, seq: 1, method: 'POST', kind: 'actual', answer: { error: 'socket hang up' } }] }] });
    expect(hops).toHaveLength(1);
    expect(hops[0]!.map((hop) => [hop.kind, hop.method, hop.url, hop.status, hop.error])).toEqual([
      ['preflight', 'OPTIONS', 'http://api.localhost:8787/items', 204, undefined],
      ['actual', 'POST', 'http://api.localhost:8787/items', null, 'socket hang up'],
    ]);
  });

  it('show the CORS headers on the arrow and leave the rest for the raw view', () => {
    expect(keyHeaders(preflight.rawHeaders, 'request').map(([name]) => name)).toEqual(['Origin', 'Access-Control-Request-Method']);
    expect(keyHeaders([['Date', 'x'], ['access-control-allow-origin', '*'], ['Location', '/b']], 'response').map(([name]) => name)).toEqual(['access-control-allow-origin', 'Location']);
  });

  it('group predicted requests by run, keeping runs without requests', () => {
    const runs = predictedHops([{ run: 1, hop: 0, kind: 'actual', method: 'GET', url: 'http://api/x', headers: [], status: 200 }], 2);
    expect(runs.map((run) => run.length)).toEqual([0, 1]);
  });
});
