// What each rule behind a console message means, in plain words, what to check on the server, and the
// likely causes, ranked, each with the server answers that reproduce it. The causes come from the issue
// trackers of CORS middleware (shared/confusions.md; `confusion` is its row number).
import { FETCH_SPEC } from '../fetch/decision';
import type { RuleId } from './patterns';
import { actualAnswer, capturedMethod, preflightAnswer, type CauseContext, type RequestInput, type ScenarioShape } from './scenarios';

export interface CauseDefinition {
  id: string;
  title: string;
  /** Why it happens, in plain words. */
  why: string;
  /** What to look at on the server. */
  check: string;
  /** The row of shared/confusions.md this cause comes from. */
  confusion?: number;
  /** True when the pasted line points at this cause (its status, its value): such causes rank first. */
  when?: (ctx: CauseContext) => boolean;
  build: (ctx: CauseContext) => ScenarioShape;
}

export interface RuleDefinition {
  title: string;
  explanation: string;
  spec: string;
  checks: string[];
  causes: CauseDefinition[];
  /** Causes no scenario can reproduce (the network, an extension, a proxy in between). */
  otherCauses?: string[];
}

const CORS_CHECK = `${FETCH_SPEC}#concept-cors-check`;
const PREFLIGHT = `${FETCH_SPEC}#cors-preflight-fetch-0`;
const REDIRECT = `${FETCH_SPEC}#http-redirect-fetch`;
const MAIN_FETCH = `${FETCH_SPEC}#concept-main-fetch`;

const ACAO = 'Access-Control-Allow-Origin';
const isStatus = (ctx: CauseContext, test: (status: number) => boolean) => ctx.status !== undefined && test(ctx.status);
const isError = (ctx: CauseContext) => isStatus(ctx, (s) => s >= 400);
const isAuth = (ctx: CauseContext) => isStatus(ctx, (s) => s === 401 || s === 403);
const isRedirectStatus = (ctx: CauseContext) => isStatus(ctx, (s) => s >= 300 && s < 400);
/** The JSON request that a typical API client sends: it needs a preflight. */
const JSON_POST = { method: 'POST', headers: [['Content-Type', 'application/json']] as [string, string][], body: '{"a":1}' };
const BEARER = { headers: [['Authorization', 'Bearer token']] as [string, string][] };

/** Values that make a CORS-safelisted header name unsafe, so that it needs to be allowed. */
const UNSAFE_VALUES: Record<string, string> = {
  'content-type': 'application/json',
  accept: 'text/html"',
  'accept-language': 'en_GB',
  'content-language': 'en@x',
  range: 'bytes=-5',
};

const missingAllowOrigin: CauseDefinition[] = [
  {
    id: 'error-answer-without-cors-headers',
    title: 'An error answer without CORS headers',
    why: 'The request failed on the server (an exception, a 404, a failed validation) and the error answer was produced outside the CORS middleware, so it carries no Access-Control-Allow-Origin: the browser then hides the real error behind a CORS message.',
    check: 'Make error handlers and the framework\'s default error pages go through the CORS middleware; with nginx, `add_header ... always` (without `always` nginx adds nothing to 4xx/5xx answers).',
    confusion: 6,
    when: isError,
    build: (ctx) => actualAnswer(ctx, { status: ctx.status ?? 500, headers: [['Content-Type', 'text/plain']], body: 'Internal Server Error' }),
  },
  {
    id: 'redirect-target-without-cors-headers',
    title: 'A redirect to a URL that answers without CORS headers',
    why: 'The request was redirected (to a login page, to add a trailing slash, from http to https, to a CDN) and the URL it ended on does not send CORS headers. Every answer on the way must allow the origin.',
    check: 'Follow the redirect with `curl -i -L -H "Origin: <page origin>" <url>` and look at the headers of each answer; better, call the final URL directly.',
    confusion: 6,
    when: (ctx) => ctx.redirected,
    build: (ctx) => ({
      routes: {
        [ctx.path]: { actual: { status: 302, headers: [[ACAO, ctx.allow], ['Location', '{other}/login']] } },
        '{other}/login': { actual: { status: ctx.status ?? 200, headers: [['Content-Type', 'text/html']], body: '<form>login</form>' } },
      },
    }),
  },
  {
    id: 'cors-not-enabled',
    title: 'CORS is not enabled for this route',
    why: 'The server answers without any CORS header: the CORS middleware is not installed, not registered for this path or method, or registered after the route that answered. Tools like curl or Postman never check CORS, which is why the same URL "works" there.',
    check: 'Run `curl -i -H "Origin: <page origin>" <url>`: the answer must carry Access-Control-Allow-Origin. Check that the CORS middleware runs before the routes, for every path the page calls.',
    confusion: 1,
    build: (ctx) => actualAnswer(ctx, { status: ctx.status ?? 200, headers: [['Content-Type', 'application/json']], body: '{"ok":true}' }),
  },
  {
    id: 'origin-not-in-allowed-list',
    title: 'The page\'s origin is not in the server\'s allowed list',
    why: 'Most CORS middleware answer a request from an origin they do not allow with no CORS header at all (and perhaps `Vary: Origin`), rather than with an error. A different port, `localhost` versus `127.0.0.1`, or http versus https is a different origin.',
    check: 'Compare the Origin header the browser sent (DevTools > Network > request headers) with the server\'s allowed origins, character for character: scheme, host and port, no trailing slash.',
    confusion: 5,
    build: (ctx) => actualAnswer(ctx, { status: ctx.status ?? 200, headers: [['Vary', 'Origin'], ['Content-Type', 'application/json']], body: '{"ok":true}' }),
  },
];

const preflightMissingAllowOrigin: CauseDefinition[] = [
  {
    id: 'auth-middleware-rejects-preflight',
    title: 'Authentication runs before CORS and rejects the preflight',
    why: 'A preflight never carries cookies or an Authorization header. If the authentication middleware runs before the CORS middleware, it answers the OPTIONS request with 401/403 and no CORS headers.',
    check: 'Answer OPTIONS requests that carry Access-Control-Request-Method before authentication runs (Spring Security: `http.cors()`; Express: `app.use(cors())` before the auth middleware).',
    confusion: 2,
    when: (ctx) => isAuth(ctx) || ctx.status === undefined,
    build: (ctx) => preflightAnswer(ctx, { status: ctx.status ?? 401, headers: [['WWW-Authenticate', 'Bearer']] }, BEARER),
  },
  {
    id: 'middleware-refuses-preflight-silently',
    title: 'The CORS middleware refused the preflight without saying why',
    why: 'When a requested method or header is not in its lists, or the origin is not allowed, most CORS middleware answer the preflight without any CORS header. The browser then reports a missing Access-Control-Allow-Origin although the real reason is a header or method that was not allowed.',
    check: 'Compare the preflight\'s Access-Control-Request-Method and Access-Control-Request-Headers (DevTools > Network > the OPTIONS request) with the methods and headers the middleware allows.',
    confusion: 5,
    when: (ctx) => isStatus(ctx, (s) => s >= 200 && s < 300),
    build: (ctx) => preflightAnswer(ctx, { status: ctx.status ?? 204, headers: [['Vary', 'Origin']] }, JSON_POST),
  },
  {
    id: 'no-options-route',
    title: 'Nothing answers OPTIONS on this path',
    why: 'The framework has no route for OPTIONS on this path (404 or 405), or the CORS plugin is scoped so that it never sees the OPTIONS request.',
    check: 'Send the preflight yourself: `curl -i -X OPTIONS -H "Origin: <page origin>" -H "Access-Control-Request-Method: POST" <url>`; register the CORS middleware globally or add an OPTIONS handler.',
    confusion: 4,
    when: (ctx) => isStatus(ctx, (s) => s === 404 || s === 405),
    build: (ctx) => preflightAnswer(ctx, { status: ctx.status ?? 404, headers: [['Content-Type', 'text/plain']], body: 'Not Found' }, JSON_POST),
  },
];

const preflightStatus: CauseDefinition[] = [
  {
    id: 'preflight-redirected',
    title: 'The preflight is redirected',
    why: 'The server answers the OPTIONS request with a redirect (http to https, a trailing slash added, a login page, a load balancer): a preflight must be answered directly, with a 2xx.',
    check: 'Call the final URL directly from the page, and make sure OPTIONS is answered before any redirect rule.',
    confusion: 6,
    when: isRedirectStatus,
    build: (ctx) => preflightAnswer(ctx, { status: ctx.status ?? 301, headers: [[ACAO, ctx.allow], ['Location', `{api}${ctx.path}/`]] }, JSON_POST),
  },
  {
    id: 'auth-after-cors-rejects-preflight',
    title: 'Authentication rejects the preflight after CORS added its headers',
    why: 'The CORS headers are there, but the preflight then reaches authentication, which answers 401/403 because a preflight never carries credentials. A preflight answer must have a 2xx status.',
    check: 'Let OPTIONS requests with Access-Control-Request-Method through before authentication, and answer them with 204.',
    confusion: 2,
    when: (ctx) => isAuth(ctx) || ctx.status === undefined,
    build: (ctx) => preflightAnswer(ctx, { status: ctx.status ?? 401, headers: [[ACAO, ctx.allow], ['Access-Control-Allow-Headers', 'authorization']] }, BEARER),
  },
  {
    id: 'no-options-handler',
    title: 'CORS headers are added, but no handler answers OPTIONS',
    why: 'A global filter adds the CORS headers to every answer, but the route has no OPTIONS handler, so the preflight gets 404 or 405.',
    check: 'Add an OPTIONS handler (or let the CORS middleware answer preflights itself) and make it answer 204.',
    confusion: 4,
    when: (ctx) => isStatus(ctx, (s) => s === 404 || s === 405),
    build: (ctx) => preflightAnswer(ctx, { status: ctx.status ?? 405, headers: [[ACAO, ctx.allow], ['Allow', 'GET, POST']] }, JSON_POST),
  },
  {
    id: 'preflight-server-error',
    title: 'The server fails on the preflight',
    why: 'The OPTIONS request reaches application code that fails (it expects a body, a session or a parameter) and answers 5xx.',
    check: 'Look for the OPTIONS request in the server\'s logs; answer preflights in the CORS layer before application code runs.',
    when: (ctx) => isStatus(ctx, (s) => s >= 500),
    build: (ctx) => preflightAnswer(ctx, { status: ctx.status ?? 500, headers: [[ACAO, ctx.allow]] }, JSON_POST),
  },
];

const wildcardWithCredentials = (preflight: boolean): CauseDefinition[] => [
  {
    id: preflight ? 'preflight-wildcard-with-credentials' : 'wildcard-with-credentials',
    title: 'Access-Control-Allow-Origin is * but the request sends credentials',
    why: 'With credentials (`credentials: "include"`, `withCredentials = true`) the browser requires the exact origin: `*` is refused. Reflecting any origin instead lets every site read the answers with the user\'s cookies: list the origins you trust.',
    check: 'Configure the allowed origins as a list and echo the request\'s Origin only when it is in that list, with `Access-Control-Allow-Credentials: true` and `Vary: Origin`; or drop credentials if the API does not need cookies.',
    confusion: 3,
    build: (ctx) => {
      const request = { credentials: 'include' as const };
      return preflight
        ? preflightAnswer(ctx, { status: 204, headers: [[ACAO, '*'], ['Access-Control-Allow-Credentials', 'true'], ['Access-Control-Allow-Methods', 'PUT']] }, { ...request, method: 'PUT' })
        : actualAnswer(ctx, { status: 200, headers: [[ACAO, '*'], ['Access-Control-Allow-Credentials', 'true']], body: 'ok' }, request);
    },
  },
];

/** Answers whose failing header is `headers`, on the actual answer or on the preflight. */
const corsCheckCause = (preflight: boolean, cause: Omit<CauseDefinition, 'build'> & { headers: (ctx: CauseContext) => [string, string][]; request?: Partial<RequestInput> }): CauseDefinition => ({
  ...cause,
  id: preflight ? `preflight-${cause.id}` : cause.id,
  build: (ctx) =>
    preflight
      ? preflightAnswer(ctx, { status: 204, headers: [...cause.headers(ctx), ['Access-Control-Allow-Methods', 'PUT']] }, { method: 'PUT', ...cause.request })
      : actualAnswer(ctx, { status: 200, headers: cause.headers(ctx), body: 'ok' }, cause.request),
});

const splitOrigins = (value: string) => value.split(/\s*,\s*/).filter((part) => part !== '');

const multipleValues = (preflight: boolean): CauseDefinition[] => [
  corsCheckCause(preflight, {
    id: 'proxy-and-app-both-add-allow-origin',
    title: 'A proxy and the application both add Access-Control-Allow-Origin',
    why: 'nginx, a CDN or an API gateway adds the header and so does the application: the browser sees two lines, combined into one value with a comma, and refuses them.',
    check: 'Run `curl -i -H "Origin: <page origin>" <url>` and count the Access-Control-Allow-Origin lines; add CORS headers in one place only.',
    confusion: 7,
    headers: (ctx) => {
      const parts = ctx.value ? splitOrigins(ctx.value) : [];
      const lines = parts.length > 1 ? parts : [ctx.allow, ctx.allow];
      return lines.map((origin): [string, string] => [ACAO, origin]);
    },
  }),
  corsCheckCause(preflight, {
    id: 'allowed-origins-list-in-one-header',
    title: 'Several origins in one Access-Control-Allow-Origin',
    why: 'The header takes exactly one origin (or `*`). A configured list was sent as it is instead of picking the origin that matches the request.',
    check: 'Keep the list on the server; answer with the one origin that matches the request\'s Origin header.',
    confusion: 11,
    when: (ctx) => ctx.value !== undefined && new Set(splitOrigins(ctx.value)).size > 1,
    headers: (ctx) => [[ACAO, ctx.value ?? 'https://a.example, https://b.example']],
  }),
];

const mismatch = (preflight: boolean): CauseDefinition[] => [
  corsCheckCause(preflight, {
    id: 'trailing-slash-in-allowed-origin',
    title: 'The allowed origin ends with a slash',
    why: 'An origin has no path: `https://app.example.com/` is not equal to `https://app.example.com`, and the browser compares them character for character.',
    check: 'Remove the trailing slash from the configured origin.',
    confusion: 11,
    when: (ctx) => ctx.value?.endsWith('/') === true,
    headers: (ctx) => [[ACAO, ctx.value ?? '{page}/']],
  }),
  corsCheckCause(preflight, {
    id: 'fixed-origin-is-another-site',
    title: 'The server allows one fixed origin, and it is not this page\'s',
    why: 'The allowed origin is hard-coded (the production site, `http://localhost:3000`), so a page on any other origin (another port, `127.0.0.1` instead of `localhost`, http instead of https) is refused.',
    check: 'Compare the configured origin with the page\'s origin (scheme, host, port); allow a list of origins and answer with the one that matches.',
    confusion: 11,
    headers: (ctx) => [[ACAO, ctx.value ?? 'https://app.example.com']],
  }),
  corsCheckCause(preflight, {
    id: 'answer-cached-for-another-origin',
    title: 'A cache served an answer made for another origin',
    why: 'The server reflects the Origin, but a CDN or the browser cache keeps one answer for every origin because the answer has no `Vary: Origin`: another page\'s origin comes back.',
    check: 'Send `Vary: Origin` with every answer whose Access-Control-Allow-Origin depends on the request, and include Origin in the CDN\'s cache key.',
    confusion: 8,
    headers: () => [[ACAO, '{other}']],
  }),
  {
    id: preflight ? 'preflight-redirect-made-origin-null' : 'redirect-made-origin-null',
    title: 'A cross-origin redirect made the request\'s origin "null"',
    why: 'After a redirect to another origin, the browser sends `Origin: null` for the rest of the chain: the final answer must allow `null` (or `*` without credentials), not the page\'s origin.',
    check: 'Avoid the redirect: call the final URL directly. Allowing `null` is not safe (sandboxed pages and files share it).',
    when: (ctx) => ctx.redirected && !preflight,
    build: (ctx) => ({
      routes: {
        [ctx.path]: { actual: { status: 302, headers: [[ACAO, ctx.allow], ['Location', `{other}${ctx.path}`]] } },
        [`{other}${ctx.path}`]: { actual: { status: 200, headers: [[ACAO, ctx.value ?? ctx.allow]], body: 'ok' } },
      },
    }),
  },
];

const invalidValue = (preflight: boolean): CauseDefinition[] => [
  corsCheckCause(preflight, {
    id: 'allow-origin-not-an-origin',
    title: 'Access-Control-Allow-Origin is not an origin',
    why: 'The value must be `*`, `null` or an origin with its scheme (`https://app.example.com`): a bare host name, `true`, or an empty value is refused.',
    check: 'Send the exact origin, scheme included.',
    headers: (ctx) => [[ACAO, ctx.value ?? 'app.example.com']],
  }),
];

const credentialsNotTrue = (preflight: boolean): CauseDefinition[] => [
  corsCheckCause(preflight, {
    id: 'allow-credentials-missing',
    title: 'The request sends credentials, the answer does not allow them',
    why: 'With `credentials: "include"` (or `withCredentials = true`) every answer, the preflight\'s too, must carry `Access-Control-Allow-Credentials: true`, exactly, in lower case.',
    check: 'Enable credentials in the CORS middleware (`credentials: true` in Express `cors`, `allow_credentials` elsewhere), or stop sending credentials if the API does not need cookies.',
    confusion: 12,
    request: { credentials: 'include' },
    headers: (ctx) => [[ACAO, ctx.allow], ...(ctx.value ? [['Access-Control-Allow-Credentials', ctx.value] as [string, string]] : [])],
  }),
];

/** Every rule, keyed by its id. */
export const RULES: Partial<Record<RuleId, RuleDefinition>> = {
  MissingAllowOriginHeader: {
    title: 'No Access-Control-Allow-Origin on the answer',
    explanation: 'The server answered, but its answer carries no Access-Control-Allow-Origin header, so the browser does not let the page\'s script read it. The request did reach the server: CORS is enforced by the browser, which is also why curl or Postman seem to "work".',
    spec: CORS_CHECK,
    checks: [
      'Look at the answer in DevTools > Network, or run `curl -i -H "Origin: <page origin>" <url>`: is Access-Control-Allow-Origin there?',
      'If the status is 4xx or 5xx, the real problem is that error; make error answers carry CORS headers too.',
      'If the request was redirected, the URL it ended on must send CORS headers as well.',
    ],
    causes: missingAllowOrigin,
    otherCauses: ['A proxy, firewall or browser extension between the page and the server removed the headers.'],
  },
  PreflightMissingAllowOriginHeader: {
    title: 'No Access-Control-Allow-Origin on the preflight answer',
    explanation: 'Before this request the browser sent a preflight, an OPTIONS request asking the server whether the real request may be sent. The answer to it carries no Access-Control-Allow-Origin, so the real request was never sent.',
    spec: PREFLIGHT,
    checks: [
      'Find the OPTIONS request in DevTools > Network (it may be listed as "preflight"): what status did it get, with which headers?',
      'Send it yourself: `curl -i -X OPTIONS -H "Origin: <page origin>" -H "Access-Control-Request-Method: <method>" <url>`.',
    ],
    causes: preflightMissingAllowOrigin,
  },
  PreflightInvalidStatus: {
    title: 'The preflight answer is not 2xx',
    explanation: 'Before this request the browser sent a preflight (OPTIONS). Its answer allowed the origin but its status was not in the 200-299 range, so the real request was never sent.',
    spec: PREFLIGHT,
    checks: ['Find the OPTIONS request in DevTools > Network and its status; answer preflights with 204 before authentication, routing or redirects run.'],
    causes: preflightStatus,
  },
  PreflightDisallowedRedirect: {
    title: 'The preflight was redirected',
    explanation: 'The server answered the preflight (OPTIONS) with a redirect. A preflight is never followed to another URL: the real request was not sent.',
    spec: PREFLIGHT,
    checks: ['Call the URL the redirect points to directly (https, the trailing slash, the right host).'],
    causes: preflightStatus.filter((cause) => cause.id === 'preflight-redirected'),
  },
  WildcardOriginNotAllowed: {
    title: 'Access-Control-Allow-Origin: * with credentials',
    explanation: 'The request includes credentials (cookies, HTTP authentication), and for such a request the answer must name the page\'s origin exactly: `*` is refused.',
    spec: CORS_CHECK,
    checks: ['Is the request sent with `credentials: "include"` or `withCredentials = true`? If it needs cookies, the server must answer with the exact origin and `Access-Control-Allow-Credentials: true`.'],
    causes: wildcardWithCredentials(false),
    otherCauses: ['An "Allow CORS" browser extension injects `*` into every answer.'],
  },
  PreflightWildcardOriginNotAllowed: {
    title: 'Access-Control-Allow-Origin: * on the preflight, with credentials',
    explanation: 'The request includes credentials, and the preflight\'s answer allowed `*`: with credentials the answer must name the page\'s origin exactly.',
    spec: CORS_CHECK,
    checks: ['Answer the preflight with the exact origin and `Access-Control-Allow-Credentials: true`.'],
    causes: wildcardWithCredentials(true),
  },
  MultipleAllowOriginValues: {
    title: 'More than one Access-Control-Allow-Origin value',
    explanation: 'The answer\'s Access-Control-Allow-Origin holds several origins (several header lines, or a list in one line). The browser accepts exactly one origin, or `*`.',
    spec: CORS_CHECK,
    checks: ['Count the Access-Control-Allow-Origin lines in `curl -i -H "Origin: <page origin>" <url>`.'],
    causes: multipleValues(false),
  },
  PreflightMultipleAllowOriginValues: {
    title: 'More than one Access-Control-Allow-Origin value on the preflight',
    explanation: 'The preflight answer\'s Access-Control-Allow-Origin holds several origins. The browser accepts exactly one origin, or `*`.',
    spec: CORS_CHECK,
    checks: ['Count the Access-Control-Allow-Origin lines of the OPTIONS answer.'],
    causes: multipleValues(true),
  },
  InvalidAllowOriginValue: {
    title: 'Access-Control-Allow-Origin is not a valid origin',
    explanation: 'The answer\'s Access-Control-Allow-Origin is neither `*`, `null` nor an origin such as `https://app.example.com`.',
    spec: CORS_CHECK,
    checks: ['Look at the exact value the server sends.'],
    causes: invalidValue(false),
  },
  PreflightInvalidAllowOriginValue: {
    title: 'The preflight\'s Access-Control-Allow-Origin is not a valid origin',
    explanation: 'The preflight answer\'s Access-Control-Allow-Origin is neither `*`, `null` nor an origin.',
    spec: CORS_CHECK,
    checks: ['Look at the exact value the OPTIONS answer carries.'],
    causes: invalidValue(true),
  },
  AllowOriginMismatch: {
    title: 'Access-Control-Allow-Origin names another origin',
    explanation: 'The answer allows an origin, but not the one the request came from: the browser compares the value with the request\'s origin character for character.',
    spec: CORS_CHECK,
    checks: ['Compare the value in the message with the page\'s origin: scheme, host, port, no trailing slash.', 'If the answer reflects the Origin, check caching (`Vary: Origin`).'],
    causes: mismatch(false),
  },
  PreflightAllowOriginMismatch: {
    title: 'The preflight\'s Access-Control-Allow-Origin names another origin',
    explanation: 'The preflight answer allows an origin, but not the one the request came from.',
    spec: CORS_CHECK,
    checks: ['Compare the value in the message with the page\'s origin: scheme, host, port, no trailing slash.'],
    causes: mismatch(true),
  },
  InvalidAllowCredentials: {
    title: 'Access-Control-Allow-Credentials is not "true"',
    explanation: 'The request includes credentials (cookies, HTTP authentication), so the answer must also say `Access-Control-Allow-Credentials: true`.',
    spec: CORS_CHECK,
    checks: ['Does the answer carry `Access-Control-Allow-Credentials: true` (exactly)?'],
    causes: credentialsNotTrue(false),
  },
  PreflightInvalidAllowCredentials: {
    title: 'The preflight answer lacks Access-Control-Allow-Credentials: true',
    explanation: 'The request includes credentials, so the preflight answer must also say `Access-Control-Allow-Credentials: true`.',
    spec: PREFLIGHT,
    checks: ['Does the OPTIONS answer carry `Access-Control-Allow-Credentials: true`?'],
    causes: credentialsNotTrue(true),
  },
  InvalidAllowMethodsPreflightResponse: {
    title: 'Access-Control-Allow-Methods cannot be parsed',
    explanation: 'The preflight answer\'s Access-Control-Allow-Methods is not a comma-separated list of method names.',
    spec: PREFLIGHT,
    checks: ['Separate methods with commas: `GET, POST, PUT`, not spaces or semicolons.'],
    causes: [
      {
        id: 'allow-methods-not-comma-separated',
        title: 'Methods separated by spaces or semicolons',
        why: 'The header is a comma-separated list of tokens; `GET POST` or `GET; POST` is one invalid token.',
        check: 'Write `Access-Control-Allow-Methods: GET, POST, PUT`.',
        build: (ctx) => preflightAnswer(ctx, { status: 204, headers: [[ACAO, ctx.allow], ['Access-Control-Allow-Methods', ctx.value && /[\s;]/.test(ctx.value) ? ctx.value : 'GET POST PUT']] }, { method: 'PUT' }),
      },
    ],
  },
  InvalidAllowHeadersPreflightResponse: {
    title: 'Access-Control-Allow-Headers cannot be parsed',
    explanation: 'The preflight answer\'s Access-Control-Allow-Headers is not a comma-separated list of header names.',
    spec: PREFLIGHT,
    checks: ['Separate header names with commas: `content-type, authorization`.'],
    causes: [
      {
        id: 'allow-headers-not-comma-separated',
        title: 'Header names separated by spaces or semicolons',
        why: 'The header is a comma-separated list of tokens; `content-type x-custom` is one invalid token.',
        check: 'Write `Access-Control-Allow-Headers: content-type, x-custom`.',
        build: (ctx) => preflightAnswer(ctx, { status: 204, headers: [[ACAO, ctx.allow], ['Access-Control-Allow-Headers', ctx.value && /[\s;]/.test(ctx.value) ? ctx.value : 'content-type x-custom']] }, { method: 'POST', headers: [['X-Custom', '1']] }),
      },
    ],
  },
  MethodDisallowedByPreflightResponse: {
    title: 'The method is not in Access-Control-Allow-Methods',
    explanation: 'The preflight answer lists the methods the server allows, and the request\'s method is not among them. Methods are compared exactly, case included (`patch` is not `PATCH`).',
    spec: PREFLIGHT,
    checks: ['Look at the preflight answer\'s Access-Control-Allow-Methods and add the method; write the method in upper case in the page.'],
    causes: [
      {
        id: 'method-not-allowed',
        title: 'The method is not in the allowed list',
        why: 'The CORS middleware allows a fixed list of methods (often GET, HEAD, POST) and this one is not in it.',
        check: 'Add the method to the middleware\'s allowed methods.',
        build: (ctx) => preflightAnswer(ctx, { status: 204, headers: [[ACAO, ctx.allow], ['Access-Control-Allow-Methods', 'GET, POST']] }, { method: capturedMethod(ctx.value) ?? 'PUT' }),
      },
      {
        id: 'method-case',
        title: 'The page sends the method in lower case',
        why: 'fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT: `patch` stays `patch`, and `PATCH` in the allowed list does not match it.',
        check: 'Write `method: "PATCH"` in the page.',
        when: (ctx) => capturedMethod(ctx.value) !== undefined && ctx.value !== ctx.value?.toUpperCase(),
        build: (ctx) => preflightAnswer(ctx, { status: 204, headers: [[ACAO, ctx.allow], ['Access-Control-Allow-Methods', (capturedMethod(ctx.value) ?? 'patch').toUpperCase()]] }, { method: capturedMethod(ctx.value) ?? 'patch' }),
      },
    ],
  },
  HeaderDisallowedByPreflightResponse: {
    title: 'A request header is not in Access-Control-Allow-Headers',
    explanation: 'The page sets a header that needs the server\'s permission, and the preflight answer\'s Access-Control-Allow-Headers does not list it.',
    spec: PREFLIGHT,
    checks: ['Add the header named in the message to the allowed headers, or stop sending it (libraries add some: `x-requested-with`, tracing headers such as `traceparent`).'],
    causes: [
      {
        id: 'header-not-allowed',
        title: 'The header is not in the allowed list',
        why: 'The CORS middleware allows a fixed list of request headers and this one is not in it (`Content-Type: application/json` and `Authorization` need to be listed too).',
        check: 'Add the header name to the allowed headers.',
        build: (ctx) => {
          const name = (ctx.value ?? 'x-custom').toLowerCase();
          const value = UNSAFE_VALUES[name] ?? (name === 'authorization' ? 'Bearer token' : '1');
          const allowed = name === 'content-type' ? 'x-requested-with' : 'content-type';
          return preflightAnswer(ctx, { status: 204, headers: [[ACAO, ctx.allow], ['Access-Control-Allow-Methods', 'GET, POST'], ['Access-Control-Allow-Headers', allowed]] }, { method: 'POST', headers: [[name, value]], body: name === 'content-type' ? '{"a":1}' : null });
        },
      },
    ],
  },
  RedirectContainsCredentials: {
    title: 'The redirect goes to a URL with a user name and password',
    explanation: 'The answer redirects to a URL of the form `https://user:password@host/...`; a CORS request may not follow it.',
    spec: REDIRECT,
    checks: ['Look at the Location header of the redirect and remove the credentials from it.'],
    causes: [
      {
        id: 'location-with-credentials',
        title: 'Location carries credentials',
        why: 'The server (or a proxy) builds the redirect from a URL that contains a user name and password.',
        check: 'Remove `user:password@` from the Location.',
        build: (ctx) => ({ routes: { [ctx.path]: { actual: { status: 302, headers: [[ACAO, ctx.allow], ['Location', '{other.scheme}://user:secret@{other.host}/final']] } } } }),
      },
    ],
  },
  TooManyRedirects: {
    title: 'Too many redirects',
    explanation: 'The request was redirected more than 20 times, usually in a loop.',
    spec: REDIRECT,
    checks: ['Follow the redirects with `curl -i -L --max-redirs 25 <url>`.'],
    causes: [
      {
        id: 'redirect-loop',
        title: 'A redirect loop',
        why: 'The URL redirects to itself (a login page that redirects back, an http/https rule that fights another one).',
        check: 'Break the loop in the server or proxy configuration.',
        build: (ctx) => ({ routes: { [ctx.path]: { actual: { status: 302, headers: [[ACAO, ctx.allow], ['Location', `{api}${ctx.path}`]] } } } }),
      },
    ],
    otherCauses: ['Firefox prints the same words for any request that failed below CORS: the server is down, the name does not resolve, the TLS certificate is refused, an ad blocker cancelled it.'],
  },
  DisallowedByMode: {
    title: 'mode "same-origin" to another origin',
    explanation: 'The request was made with `mode: "same-origin"`, which refuses any URL of another origin before sending anything.',
    spec: MAIN_FETCH,
    checks: ['Remove `mode: "same-origin"` (the default, "cors", is what a cross-origin call needs).'],
    causes: [
      {
        id: 'same-origin-mode',
        title: 'The page asked for same-origin mode',
        why: 'Some wrappers set `mode: "same-origin"` for safety; cross-origin calls then fail without reaching the server.',
        check: 'Nothing on the server: change the page.',
        build: () => ({ request: { mode: 'same-origin' }, routes: {} }),
      },
    ],
  },
  NoCorsRedirectMode: {
    title: 'mode "no-cors" with a redirect mode other than "follow"',
    explanation: 'A no-cors request must follow redirects; `redirect: "error"` or `"manual"` is refused before sending.',
    spec: MAIN_FETCH,
    checks: ['Remove the redirect option, or use mode "cors".'],
    causes: [
      {
        id: 'no-cors-redirect-mode',
        title: 'no-cors with redirect: "error"',
        why: 'The two options cannot go together.',
        check: 'Nothing on the server: change the page.',
        build: (ctx) => ({ request: { mode: 'no-cors', redirect: 'error' }, routes: { [ctx.path]: { actual: { status: 200, body: 'ok' } } } }),
      },
    ],
  },
  CorsDisabledScheme: {
    title: 'A cross-origin request to a URL that is not http(s)',
    explanation: 'CORS requests only work over http and https; other schemes (`file:`, `ftp:`, a custom scheme) are refused.',
    spec: MAIN_FETCH,
    checks: ['Serve the page and the API over http(s); open the page from a local server rather than from `file://`.'],
    causes: [
      {
        id: 'non-http-url',
        title: 'The URL is not http(s)',
        why: 'The page calls a URL such as `ftp://...`, or a relative URL from a page that is itself not http(s).',
        check: 'Use an http(s) URL.',
        build: (ctx) => ({ request: { url: `ftp://{api.hostname}${ctx.path}` }, routes: {} }),
      },
    ],
  },
  InvalidResponse: {
    title: 'The answer is invalid',
    explanation: 'Chromium could not use the answer at all (for example a response that breaks the protocol).',
    spec: `${FETCH_SPEC}#concept-network-error`,
    checks: ['Look at the raw answer with `curl -v`.'],
    causes: [],
    otherCauses: ['A server or proxy that sends a malformed HTTP answer.'],
  },
  RefusedUnsafeHeader: {
    title: 'XMLHttpRequest refused to set a forbidden header',
    explanation: 'Some headers (Cookie, Host, Origin, Referer, Sec-*, Proxy-*, ...) belong to the browser: a page cannot set them. `setRequestHeader()` ignores them and prints this; the request is sent without the header.',
    spec: `${FETCH_SPEC}#forbidden-request-header`,
    checks: ['Let the browser send cookies (`withCredentials = true`) instead of setting Cookie; do not try to set Origin or Host.'],
    causes: [
      {
        id: 'forbidden-header-set',
        title: 'The page sets a header that belongs to the browser',
        why: 'Code copied from a server-side client (curl, Node) sets Cookie, Host or Origin by hand.',
        check: 'Nothing on the server: remove the header from the page.',
        build: (ctx) => actualAnswer({ ...ctx, api: 'xhr' }, { status: 200, headers: [[ACAO, '*']], body: 'ok' }, { api: 'xhr', headers: [[ctx.value ?? 'Cookie', 'a=b']] }),
      },
    ],
  },
  AuthorizationCoveredByWildcard: {
    title: 'Authorization relied on Access-Control-Allow-Headers: *',
    explanation: 'A warning, not an error yet: `*` in Access-Control-Allow-Headers is not meant to cover Authorization; browsers still accept it for now, and will stop.',
    spec: `${FETCH_SPEC}#cors-non-wildcard-request-header-name`,
    checks: ['List `authorization` by name in Access-Control-Allow-Headers.'],
    causes: [
      {
        id: 'authorization-covered-by-wildcard',
        title: 'Access-Control-Allow-Headers: * and an Authorization header',
        why: 'The server allows every header with `*`, and the page sends Authorization.',
        check: 'Write `Access-Control-Allow-Headers: authorization, content-type`.',
        build: (ctx) => preflightAnswer(ctx, { status: 204, headers: [[ACAO, ctx.allow], ['Access-Control-Allow-Headers', '*']] }, BEARER),
      },
    ],
  },
  NetworkFailure: {
    title: 'The request failed (the reason is on another line)',
    explanation: 'This line only says that the request failed. The browser prints the reason on a separate line (the CORS message just before it, in the console); paste that line for a precise diagnosis. The likeliest causes are below.',
    spec: `${FETCH_SPEC}#concept-network-error`,
    checks: ['Look in the console for the line starting "Access to fetch at" (Chromium), "Cross-Origin Request Blocked" (Firefox) or "Origin ... is not allowed" (Safari).'],
    causes: [],
    otherCauses: ['The server is down, the name does not resolve, or the TLS certificate is refused: then no CORS line is printed at all.'],
  },
};

/** The causes of a rule: its own, or for a bare "it failed" line, the common ones. */
export function causesOf(rule: RuleId, ctx: CauseContext): CauseDefinition[] {
  if (rule === 'NetworkFailure') {
    // Chromium's net::ERR_FAILED line carries the status of the blocked answer; without one, the
    // preflight is the likelier culprit.
    const answered = ctx.status !== undefined;
    return answered ? [...missingAllowOrigin, ...preflightMissingAllowOrigin] : [...preflightMissingAllowOrigin, ...missingAllowOrigin];
  }
  return RULES[rule]?.causes ?? [];
}
