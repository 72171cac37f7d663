// The diagnosis read against real console messages: Chromium's exact texts from the corpus (each corpus
// `expect.console` was captured from Chromium 156), Firefox's reasons (security.properties, as Firefox
// prints them and as MDN and bug reports quote them), WebKit's wording (CrossOriginAccessControl.cpp,
// as Safari users paste it), and lines that have nothing to do with CORS.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../explain/explain';
import { DEFAULT_ORIGINS, resolveOriginPlaceholders } from '../scenario/placeholders';
import { ScenarioSchema, type Scenario } from '../scenario/schema';
import { diagnose } from './diagnose';

const corpusDir = join(import.meta.dirname, '..', '..', 'corpus');
const corpus: Scenario[] = readdirSync(corpusDir)
  .filter((name) => name.endsWith('.json'))
  .flatMap((name) => {
    const data = JSON.parse(readFileSync(join(corpusDir, name), 'utf8')) as unknown;
    return (Array.isArray(data) ? data : [data]).map((one) => ScenarioSchema.parse(one));
  });

/** The rule the prediction names for a scenario: the DevTools issue, or the text of a non-CORS line. */
function predictedRule(scenario: Scenario): string {
  let explanation = explain(scenario);
  // The console of `expect` is run 0's unless run 0 prints nothing: then it is the failing run's, alone.
  const failing = explanation.prediction.runs.findIndex((run) => run.console !== null);
  if (failing > 0) explanation = explain({ ...scenario, repeat: 1, runRequests: [{ ...scenario.request, ...scenario.runRequests?.[failing] }] });
  const issue = explanation.console.devtoolsIssue;
  if (issue?.startsWith('CorsIssue: ')) return issue.slice('CorsIssue: '.length);
  const text = explanation.prediction.console ?? '';
  if (text.startsWith('Refused to set unsafe header')) return 'RefusedUnsafeHeader';
  if (text.includes('Request mode is "no-cors"')) return 'NoCorsRedirectMode';
  return `unknown: ${text}`;
}

describe('Chromium: every console text of the corpus maps to the rule the prediction names', () => {
  const cases = corpus.filter((scenario) => typeof scenario.expect?.console === 'string');
  it('has the corpus texts', () => expect(cases.length).toBeGreaterThanOrEqual(100));
  it.each(cases.map((scenario) => [scenario.id, scenario] as const))('%s', (_id, scenario) => {
    const text = resolveOriginPlaceholders(scenario.expect?.console as string, DEFAULT_ORIGINS);
    const diagnosis = diagnose(text, { browser: 'chromium' });
    expect(diagnosis.unrecognised).toEqual([]);
    expect(diagnosis.matches).toHaveLength(1);
    expect(diagnosis.matches[0]?.engine).toBe('chromium');
    expect(diagnosis.matches[0]?.rule).toBe(predictedRule(scenario));
  });
});

// [text, the rule, an engine hint or undefined]. Real wordings; the URLs are whatever the reporter had.
const REAL_MESSAGES: [string, string][] = [
  // Chromium, older builds (the "no-cors" hints), without URLs, and the companion lines
  ["Access to fetch at 'https://api.example.com/v1/items' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource. If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.", 'MissingAllowOriginHeader'],
  ["Access to fetch at 'https://api.example.com/login' from origin 'https://app.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'https://example.com' that is not equal to the supplied origin. Have the server send the header with a valid value, or, if an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.", 'AllowOriginMismatch'],
  ["Access to XMLHttpRequest at 'http://localhost:8080/api/users' from origin 'http://localhost:4200' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.", 'PreflightMissingAllowOriginHeader'],
  ["has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.", 'PreflightInvalidStatus'],
  ["No 'Access-Control-Allow-Origin' header is present on the requested resource.", 'MissingAllowOriginHeader'],
  ['Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response.', 'HeaderDisallowedByPreflightResponse'],
  ["The 'Access-Control-Allow-Origin' header contains multiple values 'http://localhost:3000, http://localhost:3000', but only one is allowed.", 'MultipleAllowOriginValues'],
  ["Access to fetch at ‘https://api.example.com/’ from origin ‘https://app.example.com’ has been blocked by CORS policy: The value of the ‘Access-Control-Allow-Origin’ header in the response must not be the wildcard ‘*’ when the request’s credentials mode is ‘include’.", 'WildcardOriginNotAllowed'],
  ['GET https://api.example.com/v1/items net::ERR_FAILED 200 (OK)', 'NetworkFailure'],
  ['Failed to load resource: net::ERR_FAILED', 'NetworkFailure'],
  ['Uncaught (in promise) TypeError: Failed to fetch', 'NetworkFailure'],
  ['Refused to set unsafe header "Origin"', 'RefusedUnsafeHeader'],
  // Firefox (security.properties), with curly quotes as Firefox prints them and straight ones as MDN shows them
  ['Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/items. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.', 'MissingAllowOriginHeader'],
  ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://localhost:5000/graphql. (Reason: CORS header 'Access-Control-Allow-Origin' missing).", 'MissingAllowOriginHeader'],
  ['Reason: CORS header ‘Access-Control-Allow-Origin’ missing', 'MissingAllowOriginHeader'],
  ['Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/. (Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘https://www.example.com’).', 'AllowOriginMismatch'],
  ['Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/. (Reason: Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed).', 'MultipleAllowOriginValues'],
  ['Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ‘https://api.example.com/me’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).', 'WildcardOriginNotAllowed'],
  ['Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/me. (Reason: expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’).', 'InvalidAllowCredentials'],
  ['Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/items. (Reason: CORS preflight response did not succeed). Status code: 401.', 'PreflightInvalidStatus'],
  ['Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/items. (Reason: CORS request external redirect not allowed).', 'PreflightDisallowedRedirect'],
  ['Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/items. (Reason: Did not find method in CORS header ‘Access-Control-Allow-Methods’).', 'MethodDisallowedByPreflightResponse'],
  ['Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/items. (Reason: header ‘x-requested-with’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).', 'HeaderDisallowedByPreflightResponse'],
  ['Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/items. (Reason: invalid token ‘GET POST’ in CORS header ‘Access-Control-Allow-Methods’).', 'InvalidAllowMethodsPreflightResponse'],
  ['Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/items. (Reason: invalid token ‘a b’ in CORS header ‘Access-Control-Allow-Headers’).', 'InvalidAllowHeadersPreflightResponse'],
  ['Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/items. (Reason: CORS request did not succeed). Status code: (null).', 'RedirectContainsCredentials'],
  ['Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ftp://files.example.com/a. (Reason: CORS request not http).', 'CorsDisabledScheme'],
  ['Security Error: Content at http://localhost:3000/ may not load data from https://api.example.com/items.', 'DisallowedByMode'],
  ['TypeError: NetworkError when attempting to fetch resource.', 'NetworkFailure'],
  ['Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at https://api.example.com/items soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`).', 'AuthorizationCoveredByWildcard'],
  // WebKit / Safari (CrossOriginAccessControl.cpp, CrossOriginPreflightChecker.cpp), as pasted from Safari's console
  ['[Error] Origin http://localhost:3000 is not allowed by Access-Control-Allow-Origin. Status code: 200', 'MissingAllowOriginHeader'],
  ['Failed to load resource: Origin http://localhost:3000 is not allowed by Access-Control-Allow-Origin. Status code: 403', 'MissingAllowOriginHeader'],
  ['Origin http://api.bob.com is not allowed by Access-Control-Allow-Origin.', 'MissingAllowOriginHeader'],
  ['[Error] Preflight response is not successful. Status code: 405', 'PreflightInvalidStatus'],
  ['Access-Control-Allow-Origin cannot contain more than one origin.', 'MultipleAllowOriginValues'],
  ['Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.', 'WildcardOriginNotAllowed'],
  ['Credentials flag is true, but Access-Control-Allow-Credentials is not "true".', 'InvalidAllowCredentials'],
  ['Method PATCH is not allowed by Access-Control-Allow-Methods.', 'MethodDisallowedByPreflightResponse'],
  ['[Error] Request header field Content-Type is not allowed by Access-Control-Allow-Headers.', 'HeaderDisallowedByPreflightResponse'],
  ['Cross-origin redirection to https://user:pw@cdn.example.com/a denied by Cross-Origin Resource Sharing policy: redirect URL contains credentials.', 'RedirectContainsCredentials'],
  ['[Error] Fetch API cannot load http://localhost:3001/api/auth/login due to access control checks.', 'NetworkFailure'],
  ['XMLHttpRequest cannot load https://api.example.com/items due to access control checks.', 'NetworkFailure'],
  ['TypeError: Load failed', 'NetworkFailure'],
];

describe('real console messages of the three engines map to their rule', () => {
  it('has at least 40 of them', () => expect(REAL_MESSAGES.length).toBeGreaterThanOrEqual(40));
  it.each(REAL_MESSAGES)('%s', (text, rule) => {
    const diagnosis = diagnose(text);
    expect(diagnosis.unrecognised).toEqual([]);
    expect(diagnosis.matches[0]?.rules).toContain(rule);
    expect(diagnosis.matches[0]?.spec).toMatch(/^https:\/\/fetch\.spec\.whatwg\.org\/#/);
  });
});

const UNRELATED = [
  'Uncaught ReferenceError: process is not defined',
  "Refused to load the script 'https://cdn.example.com/a.js' because it violates the following Content Security Policy directive: \"script-src 'self'\".",
  "Mixed Content: The page at 'https://app.example.com/' was loaded over HTTPS, but requested an insecure resource 'http://api.example.com/'. This request has been blocked; the content must be served over HTTPS.",
  'GET https://app.example.com/favicon.ico 404 (Not Found)',
  'Warning: Each child in a list should have a unique "key" prop.',
  'Uncaught TypeError: Cannot read properties of undefined (reading \'map\')',
  'The resource https://app.example.com/font.woff2 was preloaded using link preload but not used within a few seconds from the window\'s load event.',
  'DevTools failed to load source map: Could not load content for https://app.example.com/main.js.map: HTTP error: status code 404, net::ERR_UNKNOWN_URL_SCHEME',
  'Blocked a frame with origin "https://app.example.com" from accessing a cross-origin frame.',
  'Third-party cookie will be blocked. Learn more in the Issues tab.',
  'GET https://api.example.com/items net::ERR_CONNECTION_REFUSED',
];

describe('lines that are not CORS messages', () => {
  it.each(UNRELATED)('%s is not recognised, with the closest matches', (text) => {
    const diagnosis = diagnose(text);
    expect(diagnosis.matches).toEqual([]);
    expect(diagnosis.unrecognised).toHaveLength(1);
    expect(diagnosis.unrecognised[0]?.closest.length).toBeGreaterThan(0);
  });
});

describe('several lines at once', () => {
  it('folds the net::ERR_FAILED line into the CORS line and ranks by its status', () => {
    const diagnosis = diagnose([
      "Access to fetch at 'https://api.example.com/v1/items' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
      'GET https://api.example.com/v1/items net::ERR_FAILED 500 (Internal Server Error)',
      '    at fetchItems (App.tsx:12:5)',
      'Uncaught (in promise) TypeError: Failed to fetch',
    ].join('\n'));
    expect(diagnosis.unrecognised).toEqual([]);
    expect(diagnosis.matches).toHaveLength(1);
    const [match] = diagnosis.matches;
    expect(match?.companions).toHaveLength(2);
    expect(match?.captured.status).toBe(500);
    expect(match?.causes[0]?.id).toBe('error-answer-without-cors-headers');
    expect(match?.causes[0]?.scenario.server.routes['/v1/items']?.actual?.status).toBe(500);
  });

  it('diagnoses each CORS line of a paste with two messages', () => {
    const diagnosis = diagnose("Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.\n\nRequest header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response.");
    expect(diagnosis.matches.map((match) => match.rule)).toEqual(['MethodDisallowedByPreflightResponse', 'HeaderDisallowedByPreflightResponse']);
    expect(diagnosis.matches[1]?.captured.value).toBe('x-api-key');
  });

  it('ranks the causes by what the line says: a 401 preflight points at authentication', () => {
    const diagnosis = diagnose('[Error] Preflight response is not successful. Status code: 401');
    expect(diagnosis.matches[0]?.causes[0]?.id).toBe('auth-after-cors-rejects-preflight');
    const redirect = diagnose('Preflight response is not successful. Status code: 308');
    expect(redirect.matches[0]?.causes[0]?.id).toBe('preflight-redirected');
  });

  it('a lower-case method points at the method case', () => {
    const diagnosis = diagnose('Method patch is not allowed by Access-Control-Allow-Methods in preflight response.');
    expect(diagnosis.matches[0]?.causes[0]?.id).toBe('method-case');
  });

  it('a lone net::ERR_FAILED line is a failure whose reason is elsewhere, still with causes', () => {
    const diagnosis = diagnose('POST https://api.example.com/items net::ERR_FAILED');
    expect(diagnosis.matches[0]?.rule).toBe('NetworkFailure');
    expect(diagnosis.matches[0]?.causes[0]?.id).toBe('auth-middleware-rejects-preflight');
  });

  it('every cause of every match carries a valid scenario', () => {
    const all = diagnose(REAL_MESSAGES.map(([text]) => text).join('\n'));
    for (const match of all.matches) for (const cause of match.causes) expect(ScenarioSchema.safeParse(cause.scenario).success).toBe(true);
  });
});
