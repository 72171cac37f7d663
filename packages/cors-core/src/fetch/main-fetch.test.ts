import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain } from '../explain/explain';
import { DEFAULT_ORIGINS } from '../scenario/placeholders';
import { scenario, type Lines } from './test-helpers';

const { page, api, other } = DEFAULT_ORIGINS;
const acao = (value: string): Lines => [['Access-Control-Allow-Origin', value]];

describe('redirects (https://fetch.spec.whatwg.org/#http-redirect-fetch), WPT fetch/api/cors/cors-redirect.any.js', () => {
  // Rule: the Origin at the last hop is the page origin unless a hop crossed origins after the request
  // had left the page's origin; then it is `null` and the last answer needs ACAO `*` or `null`.
  it.each([
    ['page → api → api', `${api}/start`, `${api}/final`, page],
    ['page → api → other', `${api}/start`, `${other}/final`, 'null'],
    ['page → api → page (sticky CORS)', `${api}/start`, `${page}/final`, 'null'],
    ['page → page → api', `${page}/start`, `${api}/final`, page],
  ])('%s: Origin at the last hop is %j', (_name, start, final, origin) => {
    const explanation = explain(scenario({
      request: { url: start },
      server: { routes: { [start]: { actual: { status: 302, headers: [...acao('*'), ['Location', final]] } }, [final]: { actual: { status: 200, headers: acao('*') } } } },
    }));
    expect(explanation.prediction.outcome).toBe('ok');
    const last = explanation.requests.at(-1);
    expect(last?.url).toBe(final);
    expect(last?.headers.find(([name]) => name === 'Origin')?.[1]).toBe(origin);
  });

  it('a tainted request fails when the last answer names the page origin, and Chromium says "redirected from"', () => {
    const explanation = explain(scenario({
      request: { url: '{api}/start' },
      server: { routes: { '/start': { actual: { status: 302, headers: [...acao('{page}'), ['Location', '{other}/final']] } }, '{other}/final': { actual: { status: 200, headers: acao('{page}') } } } },
    }));
    expect(explanation.prediction.outcome).toBe('network-error');
    expect(explanation.console.chromium).toBe(
      `Access to fetch at '${other}/final' (redirected from '${api}/start') from origin '${page}' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value '${page}' that is not equal to the supplied origin. Have the server send the header with a valid value.`,
    );
  });

  // Rule: 301/302 turn POST into GET, 303 turns everything but GET/HEAD into GET; 307/308 keep the method.
  it.each([
    [301, 'POST', 'GET'], [302, 'POST', 'GET'], [303, 'PUT', 'GET'], [303, 'HEAD', 'HEAD'], [307, 'POST', 'POST'], [308, 'POST', 'POST'], [302, 'DELETE', 'DELETE'],
  ])('a %s redirect of %s is followed with %s', (status, method, expected) => {
    const cors: Lines = [...acao('*'), ['Access-Control-Allow-Methods', 'PUT, DELETE']];
    const explanation = explain(scenario({
      request: { url: '{api}/start', method, body: method === 'HEAD' ? null : 'x' },
      server: { routes: { '/start': { preflight: { status: 204, headers: cors }, actual: { status, headers: [...acao('*'), ['Location', '/final']] } }, '/final': { preflight: { status: 204, headers: cors }, actual: { status: 200, headers: acao('*') } } } },
    }));
    expect(explanation.requests.filter((r) => r.kind === 'actual').at(-1)?.method).toBe(expected);
  });
});

describe('preflight cache across repeats (https://fetch.spec.whatwg.org/#concept-cache)', () => {
  const cached = (maxAge: string | null, runRequests?: unknown[], cache?: string) =>
    explain(scenario({
      repeat: 2,
      request: { url: '{api}/r', method: 'PUT', ...(cache ? { cache } : {}) },
      ...(runRequests ? { runRequests } : {}),
      server: { routes: { '/r': {
        preflight: { status: 204, headers: [...acao('*'), ['Access-Control-Allow-Methods', 'PUT, DELETE'], ...(maxAge === null ? [] : ([['Access-Control-Max-Age', maxAge]] as Lines))] },
        actual: { status: 200, headers: acao('*') },
      } } },
    })).prediction.runs.map((run) => run.preflightCount);
  // Rule: a result is reused while its max-age lasts (default 5 s); 0 or negative is never reused; Chromium
  // skips the cache for cache modes no-cache / reload / no-store.
  it.each([
    [null, undefined, undefined, [1, 0]],
    ['600', undefined, undefined, [1, 0]],
    ['0', undefined, undefined, [1, 1]],
    ['-5', undefined, undefined, [1, 1]],
    [null, undefined, 'no-store', [1, 1]],
    [null, undefined, 'reload', [1, 1]],
    [null, [{}, { method: 'DELETE' }], undefined, [1, 0]],
    [null, [{}, { method: 'PATCH' }], undefined, [1, 1]],
  ] as [string | null, unknown[] | undefined, string | undefined, number[]][])('max-age %j, runs %j, cache %j → preflights per run %j', (maxAge, runRequests, cache, expected) => {
    expect(cached(maxAge, runRequests, cache)).toEqual(expected);
  });
});

describe('property: an unrelated safelisted response header never turns a passing scenario into a failing one', () => {
  const safelistedName = fc.constantFrom('Cache-Control', 'Content-Language', 'Expires', 'Last-Modified', 'Pragma');
  const value = fc.stringMatching(/^[A-Za-z0-9 ,;=-]{0,20}$/);
  const passing = fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
    header: fc.constantFrom<Lines>([], [['X-Token', '1']], [['Content-Type', 'application/json']]),
    credentials: fc.constantFrom('omit', 'include'),
    where: fc.constantFrom('preflight', 'actual'),
  });
  it('holds for generated passing scenarios', () => {
    fc.assert(
      fc.property(passing, safelistedName, value, ({ method, header, credentials, where }, name, headerValue) => {
        const cors: Lines = [...acao('{page}'), ['Access-Control-Allow-Credentials', 'true']];
        const build = (extra: Lines) => scenario({
          request: { url: '{api}/r', method, headers: header, credentials, body: method === 'GET' ? null : 'x' },
          server: { routes: { '/r': {
            preflight: { status: 204, headers: [...cors, ['Access-Control-Allow-Methods', method], ['Access-Control-Allow-Headers', 'x-token, content-type'], ...(where === 'preflight' ? extra : [])] },
            actual: { status: 200, headers: [...cors, ...(where === 'actual' ? extra : [])] },
          } } },
        });
        const before = explain(build([])).prediction;
        expect(before.outcome).toBe('ok');
        const after = explain(build([[name, headerValue]])).prediction;
        expect(after.outcome).toBe('ok');
        expect(after.status).toBe(before.status);
      }),
      { numRuns: 200 },
    );
  });
});
