// Every decision the simulation takes is recorded with the algorithm and step that took it, so the
// explanation layer (src/explain) can point to a spec line. The spec code records facts, not prose.

export const FETCH_SPEC = 'https://fetch.spec.whatwg.org/';

export type Verdict = 'pass' | 'fail' | 'info';
export type Fact = string | number | boolean | null | readonly string[];

export interface Decision {
  /** The run (0-based, `repeat`) and hop (0 = first URL, +1 per redirect). */
  run: number;
  hop: number;
  /** The spec's name for the algorithm, e.g. "CORS check". */
  algorithm: string;
  /** The spec anchor, e.g. "#concept-cors-check". */
  anchor: string;
  verdict: Verdict;
  /** What was decided, as a stable code the explanation turns into a sentence (explain/sentences.ts). */
  code: DecisionCode;
  facts: Record<string, Fact>;
  /** Set when a browser deviation (AD-HOC) decided it: names the engine source. */
  adHoc?: string;
}

/** What a CORS check (https://fetch.spec.whatwg.org/#concept-cors-check) decided about `Access-Control-Allow-Origin` / `-Credentials`. */
export type CorsCheckCode =
  | 'acao-missing' | 'acao-wildcard' | 'acao-wildcard-with-credentials' | 'acao-multiple' | 'acao-invalid'
  | 'acao-mismatch' | 'acao-match' | 'acao-match-acac-true' | 'acac-not-true';

/**
 * Every code a decision can carry, by the algorithm that records it. Closed: explain/sentences.ts has one
 * sentence per code, so a new code without a sentence does not compile.
 */
export type DecisionCode =
  // new Request() / Headers / XHR open(), setRequestHeader(), send() (request-construction.ts)
  | 'url-invalid' | 'url-credentials' | 'method-invalid' | 'method-forbidden' | 'method-normalized' | 'method-case-kept'
  | 'no-cors-method' | 'only-if-cached' | 'header-name-invalid' | 'header-value-invalid' | 'header-forbidden-dropped'
  | 'header-no-cors-dropped' | 'body-with-get' | 'body-content-type-added'
  // main fetch
  | 'same-origin' | 'same-origin-mode' | 'no-cors-redirect-mode' | 'no-cors' | 'scheme-not-http' | 'cross-origin'
  | 'cors-sticky' | 'unreachable-host' | 'opaque-response' | 'response-cors' | 'response-basic'
  // HTTP fetch: is a preflight needed, the preflight cache, the answer, the CORS check, the redirect mode
  | 'preflight-needed' | 'preflight-not-needed' | 'preflight-again-after-redirect' | 'browser-extra-safelisted'
  | 'preflight-cache-hit' | 'preflight-cache-expired' | 'preflight-cache-insufficient' | 'preflight-cache-bypassed' | 'preflight-cache-empty'
  | 'answer' | CorsCheckCode | 'redirect-mode-error' | 'redirect-mode-manual'
  // CORS-preflight fetch
  | 'preflight-sent' | 'preflight-redirected' | `preflight-${CorsCheckCode}` | 'preflight-status-not-ok' | 'preflight-status-ok'
  | 'acam-unparsable' | 'acah-unparsable' | 'method-not-allowed' | 'method-listed' | 'method-safelisted' | 'method-wildcard'
  | 'authorization-covered-by-wildcard' | 'authorization-not-listed' | 'header-not-allowed' | 'headers-wildcard' | 'headers-listed'
  | 'max-age' | 'preflight-cache-stored' | 'preflight-cache-not-stored'
  // HTTP-redirect fetch
  | 'location-invalid' | 'location-not-http' | 'too-many-redirects' | 'location-credentials' | 'redirect-method-get'
  | 'redirect-authorization-removed' | 'origin-tainted' | 'redirect-followed'
  // cookies (src/cookies): storage, retrieval, and the fetch steps that skip them
  | CookieDecisionCode;

/** What the cookie steps decided (RFC 6265bis storage and retrieval, Fetch's includeCredentials). */
export type CookieDecisionCode =
  | 'cookie-stored' | 'cookie-replaced' | 'cookie-deleted' | 'cookie-expired-on-arrival' | 'cookie-not-stored'
  | 'cookies-sent' | 'cookie-withheld' | 'cookies-no-credentials' | 'cookies-not-on-preflight';

/** The error kinds Chromium reports (services/network/public/mojom/cors.mojom `CorsError`). */
export const CORS_ERROR_KINDS = [
  'DisallowedByMode', 'InvalidResponse', 'WildcardOriginNotAllowed', 'MissingAllowOriginHeader', 'MultipleAllowOriginValues',
  'InvalidAllowOriginValue', 'AllowOriginMismatch', 'InvalidAllowCredentials', 'CorsDisabledScheme',
  'PreflightInvalidStatus', 'PreflightDisallowedRedirect', 'PreflightWildcardOriginNotAllowed',
  'PreflightMissingAllowOriginHeader', 'PreflightMultipleAllowOriginValues', 'PreflightInvalidAllowOriginValue',
  'PreflightAllowOriginMismatch', 'PreflightInvalidAllowCredentials', 'InvalidAllowMethodsPreflightResponse',
  'InvalidAllowHeadersPreflightResponse', 'MethodDisallowedByPreflightResponse', 'HeaderDisallowedByPreflightResponse',
  'RedirectContainsCredentials',
] as const;
export type CorsErrorKind = (typeof CORS_ERROR_KINDS)[number];

/** Failures that are not CORS errors: the request is refused before it is sent, or fails without a CORS message. */
export const OTHER_FAILURE_KINDS = [
  'InvalidUrl', 'UrlCredentials', 'InvalidMethod', 'ForbiddenMethod', 'InvalidHeaderName', 'InvalidHeaderValue',
  'BodyWithGetOrHead', 'NoCorsMethod', 'OnlyIfCachedMode', 'NoCorsRedirectMode', 'RedirectModeError',
  'TooManyRedirects', 'InvalidRedirectLocation', 'NonHttpRedirect',
] as const;
export type OtherFailureKind = (typeof OTHER_FAILURE_KINDS)[number];
export type FailureKind = CorsErrorKind | OtherFailureKind;

export function isCorsErrorKind(kind: FailureKind): kind is CorsErrorKind {
  return (CORS_ERROR_KINDS as readonly string[]).includes(kind);
}

/** The preflight-flavoured error kind of a CORS check error ("Response to preflight request doesn't pass ..."). */
export function preflightFlavour(kind: CorsErrorKind): CorsErrorKind {
  const map: Partial<Record<CorsErrorKind, CorsErrorKind>> = {
    WildcardOriginNotAllowed: 'PreflightWildcardOriginNotAllowed',
    MissingAllowOriginHeader: 'PreflightMissingAllowOriginHeader',
    MultipleAllowOriginValues: 'PreflightMultipleAllowOriginValues',
    InvalidAllowOriginValue: 'PreflightInvalidAllowOriginValue',
    AllowOriginMismatch: 'PreflightAllowOriginMismatch',
    InvalidAllowCredentials: 'PreflightInvalidAllowCredentials',
  };
  return map[kind] ?? kind;
}
