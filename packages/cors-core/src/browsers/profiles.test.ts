// Truth tables of the engine profiles: for each behaviour where Chromium, Firefox and WebKit differ, what
// each profile predicts. Every row was observed in the real engine by `pnpm verify` (the corpus scenario
// named in the row, or an ad-hoc scenario of the same shape); the profile files name the engine source.
import { describe, expect, it } from 'vitest';
import { explain } from '../explain/explain';
import { scenario, type Lines } from '../fetch/test-helpers';
import type { Engine } from '../scenario/schema';
import { DEFAULT_ORIGINS, resolveScenario } from '../scenario/placeholders';
import { ownOriginsOf, predictedHeaderMap, simulateRun } from '../fetch/run';
import { PreflightCache } from '../fetch/preflight-cache';
import { browserProfile } from './index';

const PAGE = 'http://web.localhost:8787';
const API = 'http://api.localhost:8787';
const ENGINES: Engine[] = ['chromium', 'firefox', 'webkit'];

/** One row per engine: [engine, expected value]. */
const perEngine = <T>(chromium: T, firefox: T, webkit: T): [Engine, T][] => [['chromium', chromium], ['firefox', firefox], ['webkit', webkit]];

const acao: Lines = [['Access-Control-Allow-Origin', '*']];
const echoingPreflight = (extra: Lines = []): Lines => [
  ['Access-Control-Allow-Origin', '*'],
  ['Access-Control-Allow-Methods', '{request.access-control-request-method}'],
  ['Access-Control-Allow-Headers', '{request.access-control-request-headers}'],
  ...extra,
];

function simple(request: Record<string, unknown>, preflight: Lines | null = acao, actual: Lines = acao) {
  return scenario({
    request: { url: '{api}/r', ...request },
    server: { routes: { '/r': { ...(preflight ? { preflight: { status: 204, headers: preflight } } : {}), actual: { status: 200, headers: actual, body: 'ok' } } } },
  });
}

describe('request headers', () => {
  it.each(perEngine(true, false, true))('%s: Content-Type text/plain appended twice is preflighted: %j (safelist-content-type-duplicate-combined)', (browser, preflight) => {
    const s = simple({ method: 'POST', headers: [['Content-Type', 'text/plain'], ['Content-Type', 'text/plain']], body: 'x' }, [...acao, ['Access-Control-Allow-Headers', 'content-type']]);
    expect(explain(s, { browser }).prediction.preflight).toBe(preflight);
  });

  it.each(perEngine('content-type,x-alpha,x-zeta', 'content-type,x-alpha,x-zeta,x-zeta', 'content-type,x-alpha,x-zeta'))(
    '%s: Access-Control-Request-Headers is %j (safelist-acrh-sorted-lowercase-unique)',
    (browser, names) => {
      const s = simple({ headers: [['X-Zeta', '1'], ['X-Alpha', '2'], ['x-zeta', '3'], ['Content-Type', 'application/json']] }, echoingPreflight());
      expect(explain(s, { browser }).prediction.preflightHeaders?.['access-control-request-headers']).toBe(names);
    },
  );

  it.each(perEngine('Bearer a, Bearer b', 'Bearer b', 'Bearer a, Bearer b'))('%s: Authorization appended twice reaches the server as %j', (browser, value) => {
    const s = simple({ headers: [['Authorization', 'Bearer a'], ['Authorization', 'Bearer b']] }, [...acao, ['Access-Control-Allow-Headers', 'authorization']]);
    expect(explain(s, { browser }).prediction.receivedHeaders?.authorization).toBe(value);
  });

  it.each(perEngine('text/plain, application/x-www-form-urlencoded', 'text/plain', 'text/plain, application/x-www-form-urlencoded'))(
    '%s: with a body, two Content-Type values reach the server as %j',
    (browser, value) => {
      const s = simple({ method: 'POST', headers: [['Content-Type', 'text/plain'], ['Content-Type', 'application/x-www-form-urlencoded']], body: 'x' }, [...acao, ['Access-Control-Allow-Headers', 'content-type']]);
      expect(explain(s, { browser }).prediction.receivedHeaders?.['content-type']).toBe(value);
    },
  );

  it.each(perEngine(false, true, true))('%s: an XHR GET with an upload listener and no body is preflighted: %j (xhr-upload-listener-get-no-body)', (browser, preflight) => {
    const s = simple({ api: 'xhr', method: 'GET', uploadListener: true });
    expect(explain(s, { browser }).prediction.preflight).toBe(preflight);
  });

  it.each(ENGINES)('%s: an XHR POST with an upload listener and a body is preflighted', (browser) => {
    expect(explain(simple({ api: 'xhr', method: 'POST', body: 'x', uploadListener: true }), { browser }).prediction.preflight).toBe(true);
  });

  it.each(perEngine(false, true, true))('%s: the client hint DPR is preflighted: %j (chromium-dpr-safelisted)', (browser, preflight) => {
    expect(explain(simple({ headers: [['DPR', '2']] }), { browser }).prediction.preflight).toBe(preflight);
  });

  it.each(ENGINES)('%s: `Access-Control-Allow-Headers: *` covers Authorization without credentials (chromium-acah-star-covers-authorization)', (browser) => {
    const s = simple({ headers: [['Authorization', 'Bearer x']] }, [...acao, ['Access-Control-Allow-Headers', '*']]);
    expect(explain(s, { browser }).prediction.outcome).toBe('ok');
  });
});

describe('the preflight cache', () => {
  const secondRunPreflights = (browser: Engine, input: Record<string, unknown>) => {
    const runs = explain(scenario({ repeat: 2, ...input }), { browser }).prediction.runs ?? [];
    return runs[1]?.preflight;
  };
  const cached = (request: Record<string, unknown>, preflight: Lines, actual: Lines = acao) => ({
    request: { url: '{api}/r', headers: [['X-Custom', '1']], ...request },
    server: { routes: { '/r': { preflight: { status: 204, headers: preflight }, actual: { status: 200, headers: actual, body: 'ok' } } } },
  });

  it.each([
    ...perEngine(true, true, false).map(([engine, value]) => [engine, 'no-store', value] as const),
    ...perEngine(true, true, false).map(([engine, value]) => [engine, 'reload', value] as const),
    ...perEngine(true, false, false).map(([engine, value]) => [engine, 'no-cache', value] as const),
    ...perEngine(false, false, false).map(([engine, value]) => [engine, 'default', value] as const),
  ])('%s: cache %j, the second run preflights again: %j (cache-*-bypass)', (browser, cache, preflight) => {
    expect(secondRunPreflights(browser, cached({ cache }, echoingPreflight([['Access-Control-Max-Age', '60']])))).toBe(preflight);
  });

  it.each(perEngine(true, false, false))('%s: after a `no-store` run, a default run preflights again: %j', (browser, preflight) => {
    const input = { ...cached({ cache: 'no-store' }, echoingPreflight([['Access-Control-Max-Age', '60']])), runRequests: [{}, { cache: 'default' }] };
    expect(secondRunPreflights(browser, input)).toBe(preflight);
  });

  it.each([
    ...perEngine(false, true, false).map(([engine, value]) => [engine, 'abc', value] as const),
    ...perEngine(false, true, false).map(([engine, value]) => [engine, '10.5', value] as const),
    ...perEngine(false, false, false).map(([engine, value]) => [engine, '', value] as const),
  ])('%s: max-age %j, the second run preflights again: %j (cache-max-age-invalid, cache-max-age-fraction)', (browser, maxAge, preflight) => {
    expect(secondRunPreflights(browser, cached({}, echoingPreflight([['Access-Control-Max-Age', maxAge]])))).toBe(preflight);
  });

  it.each(perEngine(true, false, true))('%s: PUT, DELETE, PUT: the third run preflights again: %j (cache-chromium-replaces-entry)', (browser, preflight) => {
    const s = scenario({
      repeat: 3,
      request: { url: '{api}/r', method: 'PUT', body: 'x' },
      runRequests: [{}, { method: 'DELETE', body: null }, {}],
      server: { routes: { '/r': { preflight: { status: 204, headers: echoingPreflight([['Access-Control-Max-Age', '60']]) }, actual: { status: 200, headers: acao } } } },
    });
    expect(explain(s, { browser }).prediction.runs?.[2]?.preflight).toBe(preflight);
  });

  it.each(perEngine(false, true, false))('%s: the entry is dropped when the actual response fails the CORS check: %j (cache-kept-after-failed-actual)', (browser, preflight) => {
    expect(secondRunPreflights(browser, cached({}, [...acao, ['Access-Control-Allow-Headers', 'x-custom'], ['Access-Control-Max-Age', '60']], []))).toBe(preflight);
  });

  it.each(perEngine(false, true, false))('%s: a cached `*` (methods and headers) serves the next PUT: preflights again %j', (browser, preflight) => {
    const input = cached({ method: 'PUT', body: 'x' }, [...acao, ['Access-Control-Allow-Methods', '*'], ['Access-Control-Allow-Headers', '*'], ['Access-Control-Max-Age', '60']]);
    expect(secondRunPreflights(browser, input)).toBe(preflight);
  });

  it.each(perEngine(false, true, false))('%s: a credentialed result serves a later plain request: preflights again %j', (browser, preflight) => {
    const credentialed: Lines = [['Access-Control-Allow-Origin', '{page}'], ['Access-Control-Allow-Credentials', 'true']];
    const input = {
      ...cached({ credentials: 'include' }, [...credentialed, ['Access-Control-Allow-Headers', 'x-custom'], ['Access-Control-Max-Age', '60']], credentialed),
      runRequests: [{}, { credentials: 'omit' }],
    };
    expect(secondRunPreflights(browser, input)).toBe(preflight);
  });
});

describe('Firefox console texts (observed in Firefox ESR 153)', () => {
  const firefoxConsole = (s: ReturnType<typeof scenario>) => explain(s, { browser: 'firefox' }).prediction.console;
  const blocked = (url: string, reason: string) => `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${url}. (Reason: ${reason}`;

  it('mode same-origin to another origin: the Security Error of caps.properties (applies-same-origin-mode-cross-origin)', () => {
    expect(firefoxConsole(simple({ mode: 'same-origin' }))).toBe(`Security Error: Content at ${PAGE}/runner.html may not load data from ${API}/r.`);
  });

  it('an ACAO with a space is a mismatch, two ACAO lines are "multiple" (check-space-separated-origins, check-two-acao-lines)', () => {
    expect(firefoxConsole(simple({}, null, [['Access-Control-Allow-Origin', '* *']]))).toBe(blocked(`${API}/r`, 'CORS header ‘Access-Control-Allow-Origin’ does not match ‘* *’).'));
    expect(firefoxConsole(simple({}, null, [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Origin', '*']]))).toBe(
      blocked(`${API}/r`, 'Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed).'),
    );
  });

  const redirectedPreflight = (headers: Lines) => simple({ method: 'PUT', body: 'x' }, [...headers, ['Location', '{api}/elsewhere']]);
  const withStatus = (s: ReturnType<typeof scenario>, status: number) => {
    const route = s.server.routes['/r'];
    if (route?.preflight) route.preflight.status = status;
    return s;
  };

  it('a redirected preflight with ACAO: "external redirect not allowed", then "preflight did not succeed" with the status (preflight-redirect-301)', () => {
    expect(firefoxConsole(withStatus(redirectedPreflight(acao), 301))).toBe(
      `${blocked(`${API}/r`, 'CORS request external redirect not allowed).')}\n${blocked(`${API}/r`, 'CORS preflight response did not succeed). Status code: 301.')}`,
    );
  });

  it('a redirected preflight without ACAO fails the CORS check first (preflight-redirect-no-acao)', () => {
    expect(firefoxConsole(withStatus(redirectedPreflight([]), 302))).toBe(blocked(`${API}/r`, 'CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 302.'));
  });

  it('a redirect loop and a Location with credentials: "did not succeed", status "(null)" (redirect-loop-too-many)', () => {
    const loop = scenario({ request: { url: '{api}/loop' }, server: { routes: { '/loop': { actual: { status: 302, headers: [...acao, ['Location', '{api}/loop']] } } } } });
    expect(firefoxConsole(loop)).toBe(blocked(`${API}/loop`, 'CORS request did not succeed). Status code: (null).'));
    const credentials = scenario({
      request: { url: '{api}/start' },
      server: { routes: { '/start': { actual: { status: 302, headers: [...acao, ['Location', '{api.scheme}://user:pass@{api.host}/final']] } } } },
    });
    expect(firefoxConsole(credentials)).toBe(blocked(`${API}/start`, 'CORS request did not succeed). Status code: (null).'));
  });

  it('Chromium keeps its own wording for the same failures', () => {
    expect(explain(withStatus(redirectedPreflight([]), 302)).prediction.console).toBe(
      `Access to fetch at '${API}/r' from origin '${PAGE}' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request.`,
    );
    expect(explain(simple({}, null, [['Access-Control-Allow-Origin', '* *']])).prediction.console).toContain("contains multiple values '* *'");
  });
});

describe('issue 10: engine behaviours the profiles missed (each observed in the three engines by pnpm verify)', () => {
  const redirected = (request: Record<string, unknown>, status: number, location: string, finalKey: string) => scenario({
    request: { url: '{api}/start', ...request },
    server: {
      routes: {
        '/start': { preflight: { status: 204, headers: echoingPreflight() }, actual: { status, headers: [...acao, ['Location', location]] } },
        [finalKey]: { preflight: { status: 204, headers: echoingPreflight() }, actual: { status: 200, headers: acao, body: 'ok' } },
      },
    },
  });

  it.each(perEngine(1, 2, 2))('%s: a preflighted PUT turned into a GET by a 303 is preflighted %j time(s) (engine-redirect-303-put-second-preflight)', (browser, count) => {
    expect(explain(redirected({ method: 'PUT', body: 'x' }, 303, '/final', '/final'), { browser }).prediction.preflightCount).toBe(count);
  });

  it.each(perEngine<string[]>([], [''], ['authorization']))(
    '%s: a GET whose Authorization a cross-origin 307 removed is preflighted again with Access-Control-Request-Headers %j (engine-redirect-authorization-stripped-second-preflight)',
    (browser, again) => {
      const explanation = explain(redirected({ headers: [['Authorization', 'Bearer abc']] }, 307, '{other}/final', '{other}/final'), { browser });
      const preflights = explanation.requests.filter((request) => request.kind === 'preflight');
      expect(preflights.slice(1).map((request) => request.headers.find(([name]) => name === 'Access-Control-Request-Headers')?.[1] ?? '')).toEqual(again);
      expect(explanation.prediction.outcome).toBe('ok');
    },
  );

  it('a request that needed no preflight at the first hop is never preflighted after a redirect, in any engine', () => {
    for (const browser of ENGINES) expect(explain(redirected({}, 307, '/final', '/final'), { browser }).prediction.preflightCount).toBe(0);
  });

  it.each(perEngine(true, true, false))('%s: `Range: BYTES=0-1` is preflighted: %j (engine-range-uppercase-unit)', (browser, preflight) => {
    expect(explain(simple({ headers: [['Range', 'BYTES=0-1']] }, echoingPreflight()), { browser }).prediction.preflight).toBe(preflight);
  });

  it.each(perEngine('bytes=0-1', 'BYTES=0-1', 'BYTES=0-1'))('%s: `Range: BYTES=0-1` reaches the server as %j', (browser, range) => {
    expect(explain(simple({ headers: [['Range', 'BYTES=0-1']] }, echoingPreflight()), { browser }).prediction.receivedHeaders.range).toBe(range);
  });

  it('WebKit keeps the spec for every other Range: `bytes=1-0`, `BYTES=a-1` and `items=0-1` are preflighted', () => {
    for (const value of ['bytes=1-0', 'BYTES=a-1', 'items=0-1', 'BYTES=0-1,2-3']) {
      expect(explain(simple({ headers: [['Range', value]] }, echoingPreflight()), { browser: 'webkit' }).prediction.preflight, value).toBe(true);
    }
  });

  it.each(perEngine(true, false, true))('%s: nine `Accept` appends of 118 bytes are preflighted: %j (engine-accept-repeated-over-1024)', (browser, preflight) => {
    const headers = Array.from({ length: 9 }, (_, index) => ['Accept', `text/x-${'a'.repeat(110)}${index}`]);
    expect(explain(simple({ headers }, echoingPreflight()), { browser }).prediction.preflight).toBe(preflight);
  });

  it.each([[307, 'POST', '13'], [308, 'POST', '13'], [303, 'GET', undefined], [302, 'GET', undefined]] as const)(
    'a POST of "héllo wörld" answered %s: the last hop is a %s with Content-Length %j (engine-redirect-307-post-content-length)',
    (status, method, length) => {
      const redirect = resolveScenario(scenario({
        request: { url: '{api}/start', method: 'POST', body: 'héllo wörld' },
        server: { routes: { '/start': { actual: { status, headers: [...acao, ['Location', '/final']] } }, '/final': { actual: { status: 200, headers: acao, body: 'ok' } } } },
      }), DEFAULT_ORIGINS);
      for (const browser of ENGINES) {
        const profile = browserProfile(browser);
        const run = simulateRun({ scenario: redirect, origins: DEFAULT_ORIGINS, ownOrigins: ownOriginsOf(DEFAULT_ORIGINS), profile, cache: new PreflightCache(profile), clock: { now: 0 } }, 0);
        const [first, last] = [run.requests[0], run.requests.at(-1)];
        expect(predictedHeaderMap(first)['content-length']).toBe('13');
        expect(last?.method).toBe(method);
        expect(predictedHeaderMap(last)['content-length']).toBe(length);
        expect(run.outcome).toBe('ok');
      }
    },
  );
});
