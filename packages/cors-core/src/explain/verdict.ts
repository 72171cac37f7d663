// The one-sentence verdict the UI shows above the steps.
import type { FailureKind } from '../fetch/decision';
import type { RunSimulation } from '../fetch/run';

const BLOCKED: Partial<Record<FailureKind, string>> = {
  MissingAllowOriginHeader: 'the answer has no Access-Control-Allow-Origin',
  PreflightMissingAllowOriginHeader: 'the preflight answer has no Access-Control-Allow-Origin',
  WildcardOriginNotAllowed: 'Access-Control-Allow-Origin is * but the request includes credentials',
  PreflightWildcardOriginNotAllowed: 'the preflight answer has Access-Control-Allow-Origin * but the request includes credentials',
  MultipleAllowOriginValues: 'Access-Control-Allow-Origin carries more than one value',
  PreflightMultipleAllowOriginValues: 'the preflight answer\'s Access-Control-Allow-Origin carries more than one value',
  InvalidAllowOriginValue: 'Access-Control-Allow-Origin is not a valid origin',
  PreflightInvalidAllowOriginValue: 'the preflight answer\'s Access-Control-Allow-Origin is not a valid origin',
  AllowOriginMismatch: 'Access-Control-Allow-Origin does not match the request\'s origin',
  PreflightAllowOriginMismatch: 'the preflight answer\'s Access-Control-Allow-Origin does not match the request\'s origin',
  InvalidAllowCredentials: 'Access-Control-Allow-Credentials is not exactly true',
  PreflightInvalidAllowCredentials: 'the preflight answer\'s Access-Control-Allow-Credentials is not exactly true',
  PreflightInvalidStatus: 'the preflight answer\'s status is not 2xx',
  PreflightDisallowedRedirect: 'the preflight was answered with a redirect',
  InvalidAllowMethodsPreflightResponse: 'Access-Control-Allow-Methods cannot be parsed',
  InvalidAllowHeadersPreflightResponse: 'Access-Control-Allow-Headers cannot be parsed',
  MethodDisallowedByPreflightResponse: 'the method is not in Access-Control-Allow-Methods',
  HeaderDisallowedByPreflightResponse: 'a request header is not in Access-Control-Allow-Headers',
  RedirectContainsCredentials: 'the redirect target contains a username and password',
  DisallowedByMode: 'mode same-origin forbids a cross-origin URL',
  CorsDisabledScheme: 'CORS only works over http(s)',
  RedirectModeError: 'the answer is a redirect and the redirect mode is error',
  TooManyRedirects: 'too many redirects',
  InvalidRedirectLocation: 'the redirect Location is not a valid URL',
  NonHttpRedirect: 'the redirect goes to a non-http(s) URL',
  NoCorsRedirectMode: 'no-cors requires redirect mode follow',
};

const THROWS: Partial<Record<FailureKind, string>> = {
  InvalidUrl: 'the URL is invalid or unreachable',
  UrlCredentials: 'the URL contains a username or password',
  InvalidMethod: 'the method is not a valid token',
  ForbiddenMethod: 'the method is forbidden',
  InvalidHeaderName: 'a header name is invalid',
  InvalidHeaderValue: 'a header value is invalid',
  BodyWithGetOrHead: 'a GET or HEAD request cannot have a body',
  NoCorsMethod: 'no-cors only allows GET, HEAD and POST',
  OnlyIfCachedMode: 'only-if-cached requires mode same-origin',
};

export function runVerdict(run: RunSimulation): string {
  if (run.outcome === 'ok') return `Allowed: script reads the response (status ${run.status}).`;
  if (run.outcome === 'opaque') return 'Opaque: the request is sent, but script sees status 0 and no headers or body.';
  const kind = run.failure?.kind;
  if (run.outcome === 'throws-before-send') {
    const why = (kind && (THROWS[kind] ?? BLOCKED[kind])) ?? 'the request is refused';
    return `Throws before sending: ${why}.`;
  }
  return `Blocked: ${(kind && BLOCKED[kind]) ?? 'the request failed'}.`;
}

export function verdictSentence(runs: readonly RunSimulation[]): string {
  const [first, ...rest] = runs;
  if (!first) return 'Nothing to run.';
  const base = runVerdict(first);
  const preflights = (run: RunSimulation) => run.requests.filter((request) => request.kind === 'preflight').length;
  const differentOutcome = rest.find((run) => run.outcome !== first.outcome);
  if (differentOutcome) return `${base.replace(/\.$/, '')}; run ${differentOutcome.run + 1}: ${runVerdict(differentOutcome).replace(/^./, (c) => c.toLowerCase())}`;
  const cachedRun = rest.find((run) => preflights(first) > 0 && preflights(run) === 0);
  if (cachedRun) return `${base.replace(/\.$/, '')}; run ${cachedRun.run + 1} reuses the cached preflight.`;
  return base;
}
