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
  /** What was decided, as a stable code the explanation turns into a sentence. */
  code: string;
  facts: Record<string, Fact>;
  /** Set when a browser deviation (AD-HOC) decided it: names the engine source. */
  adHoc?: string;
}

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
