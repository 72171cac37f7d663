// Ready scenarios for the classic CORS problems. Each carries `expect` for Chromium, and the e2e test
// (e2e/presets.spec.ts) runs every one in real Chromium and checks that the prediction agrees.
import type { ScenarioInput } from '@cors-playground/cors-core';

type H = [string, string][];
const ACAO_PAGE: H = [['Access-Control-Allow-Origin', '{page}']];
const TEXT: H = [['Content-Type', 'text/plain']];

export const PRESETS: ScenarioInput[] = [
  {
    id: 'simple-get',
    title: 'Simple GET, allowed',
    notes: 'A GET with no custom header is a "simple" request: no preflight. The answer names the page\'s origin, so script may read it.',
    request: { url: '{api}/resource', method: 'GET' },
    server: { routes: { '/resource': { actual: { status: 200, headers: [...ACAO_PAGE, ...TEXT], body: 'hello' } } } },
    expect: { preflight: false, actualSent: true, outcome: 'ok', status: 200, receivedHeaders: { origin: '{page}' } },
  },
  {
    id: 'simple-get-no-acao',
    title: 'Simple GET, no Access-Control-Allow-Origin',
    notes: 'The request reaches the server and it answers 200, but without `Access-Control-Allow-Origin` the browser hides the answer from script.',
    request: { url: '{api}/resource' },
    server: { routes: { '/resource': { actual: { status: 200, headers: TEXT, body: 'secret' } } } },
    expect: { preflight: false, actualSent: true, outcome: 'network-error' },
  },
  {
    id: 'json-body-preflight',
    title: 'POST with a JSON body needs a preflight',
    notes: '`Content-Type: application/json` is not a safelisted value, so the browser first asks with OPTIONS.',
    request: { url: '{api}/items', method: 'POST', headers: [['Content-Type', 'application/json']], body: '{"a":1}' },
    server: {
      routes: {
        '/items': {
          preflight: { status: 204, headers: [...ACAO_PAGE, ['Access-Control-Allow-Methods', 'POST'], ['Access-Control-Allow-Headers', 'content-type']] },
          actual: { status: 201, headers: [...ACAO_PAGE, ['Content-Type', 'application/json']], body: '{"id":1}' },
        },
      },
    },
    expect: {
      preflight: true,
      preflightHeaders: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      actualSent: true,
      outcome: 'ok',
      status: 201,
    },
  },
  {
    id: 'json-body-missing-allow-headers',
    title: 'JSON body, preflight forgets Access-Control-Allow-Headers',
    notes: 'The preflight allows the origin but not the `content-type` header: the actual request is never sent.',
    request: { url: '{api}/items', method: 'POST', headers: [['Content-Type', 'application/json']], body: '{"a":1}' },
    server: {
      routes: {
        '/items': {
          preflight: { status: 204, headers: ACAO_PAGE },
          actual: { status: 201, headers: ACAO_PAGE, body: '{"id":1}' },
        },
      },
    },
    expect: { preflight: true, actualSent: false, outcome: 'network-error' },
  },
  {
    id: 'custom-header',
    title: 'Custom request header, allowed by the preflight',
    request: { url: '{api}/resource', headers: [['X-Api-Key', 'abc123']] },
    server: {
      routes: {
        '/resource': {
          preflight: { status: 204, headers: [...ACAO_PAGE, ['Access-Control-Allow-Headers', 'X-Api-Key']] },
          actual: { status: 200, headers: [...ACAO_PAGE, ...TEXT], body: 'ok' },
        },
      },
    },
    expect: { preflight: true, preflightHeaders: { 'access-control-request-headers': 'x-api-key' }, actualSent: true, outcome: 'ok', status: 200 },
  },
  {
    id: 'credentials-with-star',
    title: 'Credentials with Access-Control-Allow-Origin: *',
    notes: 'With `credentials: "include"` the wildcard is not enough: the server must name the origin and send `Access-Control-Allow-Credentials: true`.',
    request: { url: '{api}/me', credentials: 'include' },
    server: { routes: { '/me': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '*'], ...TEXT], body: 'me' } } } },
    expect: { preflight: false, actualSent: true, outcome: 'network-error' },
  },
  {
    id: 'credentials-allowed',
    title: 'Credentials, origin named and Allow-Credentials: true',
    request: { url: '{api}/me', credentials: 'include' },
    server: {
      routes: { '/me': { actual: { status: 200, headers: [...ACAO_PAGE, ['Access-Control-Allow-Credentials', 'true'], ['Vary', 'Origin'], ...TEXT], body: 'me' } } },
    },
    expect: { preflight: false, actualSent: true, outcome: 'ok', status: 200 },
  },
  {
    id: 'credentials-acac-not-true',
    title: 'Access-Control-Allow-Credentials: True (capital T)',
    notes: 'The value must be exactly `true`, lower case.',
    request: { url: '{api}/me', credentials: 'include' },
    server: { routes: { '/me': { actual: { status: 200, headers: [...ACAO_PAGE, ['Access-Control-Allow-Credentials', 'True']], body: 'me' } } } },
    expect: { actualSent: true, outcome: 'network-error' },
  },
  {
    id: 'missing-expose-header',
    title: 'Response header not exposed',
    notes: 'The request succeeds, but `X-Request-Id` is not a safelisted response header and is not listed in `Access-Control-Expose-Headers`: `headers.get()` returns null.',
    request: { url: '{api}/resource' },
    server: { routes: { '/resource': { actual: { status: 200, headers: [...ACAO_PAGE, ...TEXT, ['X-Request-Id', 'r-42']], body: 'ok' } } } },
    expect: { outcome: 'ok', status: 200, readable: { 'content-type': 'text/plain', 'x-request-id': null } },
  },
  {
    id: 'expose-header',
    title: 'Response header exposed',
    request: { url: '{api}/resource' },
    server: {
      routes: {
        '/resource': {
          actual: { status: 200, headers: [...ACAO_PAGE, ...TEXT, ['X-Request-Id', 'r-42'], ['Access-Control-Expose-Headers', 'X-Request-Id']], body: 'ok' },
        },
      },
    },
    expect: { outcome: 'ok', status: 200, readable: { 'x-request-id': 'r-42' } },
  },
  {
    id: 'trailing-slash-origin',
    title: 'Trailing slash in Access-Control-Allow-Origin',
    notes: 'An origin has no path: `http://web.localhost:8787/` is not `http://web.localhost:8787`.',
    request: { url: '{api}/resource' },
    server: { routes: { '/resource': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{page}/']], body: 'ok' } } } },
    expect: { actualSent: true, outcome: 'network-error' },
  },
  {
    id: 'several-origins-one-header',
    title: 'Several origins in one header',
    notes: 'Access-Control-Allow-Origin holds one origin. A list is invalid; the server must pick the request\'s origin.',
    request: { url: '{api}/resource' },
    server: { routes: { '/resource': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{page}, {other}']], body: 'ok' } } } },
    expect: { actualSent: true, outcome: 'network-error' },
  },
  {
    id: 'duplicate-acao-proxy-and-app',
    title: 'Duplicate Access-Control-Allow-Origin (proxy + app)',
    notes: 'A proxy and the application both add the header. The two lines combine into `origin, origin`, which is invalid.',
    request: { url: '{api}/resource' },
    server: { routes: { '/resource': { actual: { status: 200, headers: [...ACAO_PAGE, ...ACAO_PAGE], body: 'ok' } } } },
    expect: { actualSent: true, outcome: 'network-error' },
  },
  {
    id: 'server-error-without-cors',
    title: '500 without CORS headers',
    notes: 'The real problem is the server error, but the error page has no CORS headers, so script only sees a CORS failure.',
    request: { url: '{api}/resource' },
    server: { routes: { '/resource': { actual: { status: 500, headers: TEXT, body: 'Internal Server Error' } } } },
    expect: { actualSent: true, outcome: 'network-error' },
  },
  {
    id: 'server-error-with-cors',
    title: '500 with CORS headers is readable',
    request: { url: '{api}/resource' },
    server: { routes: { '/resource': { actual: { status: 500, headers: [...ACAO_PAGE, ...TEXT], body: 'Internal Server Error' } } } },
    expect: { actualSent: true, outcome: 'ok', status: 500 },
  },
  {
    id: 'preflight-401',
    title: 'Preflight answered 401',
    notes: 'A preflight never carries credentials, so an API that requires authentication on OPTIONS fails every preflight.',
    request: { url: '{api}/secure', headers: [['Authorization', 'Bearer t0ken']] },
    server: {
      routes: {
        '/secure': {
          preflight: { status: 401, headers: [...ACAO_PAGE, ['Access-Control-Allow-Headers', 'authorization']] },
          actual: { status: 200, headers: ACAO_PAGE, body: 'ok' },
        },
      },
    },
    expect: { preflight: true, actualSent: false, outcome: 'network-error' },
  },
  {
    id: 'preflight-404',
    title: 'Preflight answered 404 (no OPTIONS route)',
    notes: 'The server only routes PUT: the OPTIONS request gets a 404 without CORS headers.',
    request: { url: '{api}/resource', method: 'PUT', body: 'x' },
    server: { routes: { '/resource': { actual: { status: 200, headers: ACAO_PAGE, body: 'ok' } } } },
    expect: { preflight: true, actualSent: false, outcome: 'network-error' },
  },
  {
    id: 'preflight-redirect',
    title: 'Preflight answered with a redirect',
    notes: 'A preflight must be answered directly: a 3xx is a failure even when it carries CORS headers.',
    request: { url: '{api}/old', method: 'DELETE' },
    server: {
      routes: {
        '/old': {
          preflight: { status: 301, headers: [...ACAO_PAGE, ['Access-Control-Allow-Methods', 'DELETE'], ['Location', '{api}/new']] },
          actual: { status: 204, headers: ACAO_PAGE },
        },
      },
    },
    expect: { preflight: true, actualSent: false, outcome: 'network-error' },
  },
  {
    id: 'cross-origin-redirect-null-origin',
    title: 'Cross-origin redirect turns the Origin into null',
    notes: 'After a redirect from {api} to {other}, the request\'s origin is "tainted" and sent as `Origin: null`. The final answer names the page, which no longer matches.',
    request: { url: '{api}/start' },
    server: {
      routes: {
        '/start': { actual: { status: 302, headers: [...ACAO_PAGE, ['Location', '{other}/final']] } },
        '{other}/final': { actual: { status: 200, headers: [...ACAO_PAGE, ...TEXT], body: 'final' } },
      },
    },
    expect: { actualSent: true, outcome: 'network-error' },
  },
  {
    id: 'cross-origin-redirect-null-allowed',
    title: 'Cross-origin redirect, final answer allows null',
    request: { url: '{api}/start' },
    server: {
      routes: {
        '/start': { actual: { status: 302, headers: [...ACAO_PAGE, ['Location', '{other}/final']] } },
        '{other}/final': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', 'null'], ...TEXT], body: 'final' } },
      },
    },
    expect: { actualSent: true, outcome: 'ok', status: 200 },
  },
  {
    id: 'null-origin-allowed',
    title: 'Sandboxed page (Origin: null) allowed with ACAO: null',
    notes: 'A sandboxed iframe has an opaque origin and sends `Origin: null`. Allowing `null` works, and also allows every other sandboxed or file:// page.',
    page: 'null',
    request: { url: '{api}/resource' },
    server: { routes: { '/resource': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', 'null'], ...TEXT], body: 'ok' } } } },
    expect: { actualSent: true, receivedHeaders: { origin: 'null' }, outcome: 'ok', status: 200 },
  },
  {
    id: 'max-age-cache',
    title: 'Preflight cached with Access-Control-Max-Age (repeat 2)',
    notes: 'The second run reuses the cached preflight: only the actual request reaches the server.',
    request: { url: '{api}/doc', method: 'PUT', body: 'x' },
    repeat: 2,
    server: {
      routes: {
        '/doc': {
          preflight: { status: 204, headers: [...ACAO_PAGE, ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Max-Age', '60']] },
          actual: { status: 200, headers: ACAO_PAGE, body: 'saved' },
        },
      },
    },
    expect: { preflight: true, actualSent: true, outcome: 'ok', status: 200, runs: [{}, { preflight: false }] },
  },
  {
    id: 'max-age-zero',
    title: 'Access-Control-Max-Age: 0 disables the cache (repeat 2)',
    request: { url: '{api}/doc', method: 'PUT', body: 'x' },
    repeat: 2,
    server: {
      routes: {
        '/doc': {
          preflight: { status: 204, headers: [...ACAO_PAGE, ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Max-Age', '0']] },
          actual: { status: 200, headers: ACAO_PAGE, body: 'saved' },
        },
      },
    },
    expect: { preflight: true, actualSent: true, outcome: 'ok', runs: [{}, { preflight: true }] },
  },
  {
    id: 'lower-case-patch',
    title: 'Lower-case "patch" is not normalized',
    notes: 'fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT. `patch` stays lower case and does not match `PATCH` in Access-Control-Allow-Methods.',
    request: { url: '{api}/doc', method: 'patch', body: 'x' },
    server: {
      routes: {
        '/doc': {
          preflight: { status: 204, headers: [...ACAO_PAGE, ['Access-Control-Allow-Methods', 'PATCH']] },
          actual: { status: 200, headers: ACAO_PAGE, body: 'patched' },
        },
      },
    },
    expect: { preflight: true, preflightHeaders: { 'access-control-request-method': 'patch' }, actualSent: false, outcome: 'network-error' },
  },
  {
    id: 'no-cors-opaque',
    title: 'mode: "no-cors" gives an opaque response',
    notes: 'The request is sent and answered, but script gets status 0, no headers and no body. It does not "fix" CORS.',
    request: { url: '{api}/resource', mode: 'no-cors' },
    server: { routes: { '/resource': { actual: { status: 200, headers: TEXT, body: 'hidden' } } } },
    expect: { preflight: false, actualSent: true, outcome: 'opaque', status: 0 },
  },
  {
    id: 'authorization-with-star-allow-headers',
    title: 'Authorization with Access-Control-Allow-Headers: *',
    notes: 'The spec says `*` never covers `Authorization`. Chromium, Firefox and WebKit still let it through for compatibility; Chromium shows a deprecation issue in DevTools and Firefox a console warning.',
    request: { url: '{api}/secure', headers: [['Authorization', 'Bearer t0ken']] },
    server: {
      routes: {
        '/secure': {
          preflight: { status: 204, headers: [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Headers', '*']] },
          actual: { status: 200, headers: [['Access-Control-Allow-Origin', '*']], body: 'ok' },
        },
      },
    },
    expect: { preflight: true },
  },
  {
    id: 'engines-differ-cached-wildcard',
    title: 'Engines differ: a cached * in Firefox covers nothing (repeat 2)',
    notes: 'Chromium and WebKit reuse a cached `Access-Control-Allow-Methods: *` for the second PUT; Firefox compares the cached `*` literally and preflights again. Compare the three engines in the results.',
    request: { url: '{api}/resource', method: 'PUT', headers: [['X-Custom', '1']], body: 'x' },
    repeat: 2,
    server: {
      routes: {
        '/resource': {
          preflight: { status: 204, headers: [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Methods', '*'], ['Access-Control-Allow-Headers', '*'], ['Access-Control-Max-Age', '60']] },
          actual: { status: 200, headers: [['Access-Control-Allow-Origin', '*']], body: 'ok' },
        },
      },
    },
    expect: { outcome: 'ok', status: 200, runs: [{ preflight: true, preflightCount: 1 }, { preflight: false, preflightCount: 0 }] },
    expectBy: { firefox: { runs: [{}, { preflight: true, preflightCount: 1 }] } },
  },
  {
    id: 'xhr-with-credentials-star',
    title: 'XMLHttpRequest withCredentials and ACAO: *',
    request: { api: 'xhr', url: '{api}/me', credentials: 'include' },
    server: { routes: { '/me': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '*']], body: 'me' } } } },
    expect: { actualSent: true, outcome: 'network-error' },
  },
  {
    id: 'same-origin-mode-cross-origin',
    title: 'mode: "same-origin" to another origin',
    notes: 'The browser refuses before sending anything.',
    request: { url: '{api}/resource', mode: 'same-origin' },
    server: { routes: { '/resource': { actual: { status: 200, headers: ACAO_PAGE, body: 'ok' } } } },
    expect: { preflight: false, actualSent: false, outcome: 'throws-before-send' },
  },
  {
    id: 'invalid-header-name',
    title: 'Invalid header name: the browser throws a TypeError',
    notes: 'A header name is a token: no spaces. The form flags it; running anyway shows the browser\'s own TypeError.',
    request: { url: '{api}/resource', headers: [['X Api Key', '1']] },
    server: { routes: { '/resource': { actual: { status: 200, headers: ACAO_PAGE, body: 'ok' } } } },
    expect: { preflight: false, actualSent: false, outcome: 'throws-before-send' },
  },
];

export function presetById(id: string): ScenarioInput | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
