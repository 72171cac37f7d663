// Chromium's console text for a failed request. Templates from
// third_party/blink/renderer/platform/loader/cors/cors_error_string.cc (`GetErrorString`), checked
// against Chromium 156 (Debian build) with a real page: 156 no longer appends "If an opaque response
// serves your needs..." and keeps " Have the server send the header with a valid value." for fetch only.
import type { FailureKind } from '../fetch/decision';
import type { FetchFailure } from '../fetch/fetch-params';

const PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";
const VALID_VALUE_HINT = ' Have the server send the header with a valid value.';
const XHR_CREDENTIALS_HINT = ' The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.';

export interface ConsoleContext {
  api: 'fetch' | 'xhr';
  /** The document's origin as printed ('null' for a sandboxed frame). */
  documentOrigin: string;
}

/** The reason part of the message, after "has been blocked by CORS policy: ". */
export function chromiumCorsReason(kind: FailureKind, value: string, api: 'fetch' | 'xhr'): string | null {
  const fetchHint = api === 'fetch' ? VALID_VALUE_HINT : '';
  const xhrHint = api === 'xhr' ? XHR_CREDENTIALS_HINT : '';
  const preflight = kind.startsWith('Preflight') && kind !== 'PreflightInvalidStatus' && kind !== 'PreflightDisallowedRedirect' ? PREFLIGHT_PREFIX : '';
  switch (kind) {
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
      return `${preflight}No 'Access-Control-Allow-Origin' header is present on the requested resource.`;
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return `${preflight}The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.${xhrHint}`;
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      return `${preflight}The 'Access-Control-Allow-Origin' header contains multiple values '${value}', but only one is allowed.${fetchHint}`;
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
      return `${preflight}The 'Access-Control-Allow-Origin' header contains the invalid value '${value}'.${fetchHint}`;
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return `${preflight}The 'Access-Control-Allow-Origin' header has a value '${value}' that is not equal to the supplied origin.${fetchHint}`;
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return `${preflight}The value of the 'Access-Control-Allow-Credentials' header in the response is '${value}' which must be 'true' when the request's credentials mode is 'include'.${xhrHint}`;
    case 'PreflightInvalidStatus':
      return `${PREFLIGHT_PREFIX}It does not have HTTP ok status.`;
    case 'PreflightDisallowedRedirect':
      return `${PREFLIGHT_PREFIX}Redirect is not allowed for a preflight request.`;
    case 'InvalidAllowMethodsPreflightResponse':
      return 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.';
    case 'InvalidAllowHeadersPreflightResponse':
      return 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.';
    case 'MethodDisallowedByPreflightResponse':
      return `Method ${value} is not allowed by Access-Control-Allow-Methods in preflight response.`;
    case 'HeaderDisallowedByPreflightResponse':
      return `Request header field ${value} is not allowed by Access-Control-Allow-Headers in preflight response.`;
    case 'RedirectContainsCredentials':
      // Chromium builds this error without the failed parameter: the quotes stay empty.
      return "Redirect location '' contains a username and password, which is disallowed for cross-origin requests.";
    case 'CorsDisabledScheme':
      return 'Cross origin requests are only supported for protocol schemes: chrome, chrome-extension, chrome-untrusted, data, http, https, isolated-app.';
    case 'InvalidResponse':
      return 'The response is invalid.';
    default:
      return null;
  }
}

/**
 * The console error Chromium prints for a failure, or null when it prints none (a TypeError thrown to the
 * script, a redirect refused by `redirect: 'error'`...). URLs are logical (no wire prefix).
 */
export function chromiumConsoleMessage(failure: FetchFailure, context: ConsoleContext): string | null {
  if (failure.kind === 'DisallowedByMode') {
    // third_party/blink/renderer/core/fetch/fetch_manager.cc
    return `Fetch API cannot load ${failure.lastUrl}. Request mode is "same-origin" but the URL's origin is not same as the request origin ${context.documentOrigin}.`;
  }
  if (failure.kind === 'NoCorsRedirectMode') {
    // third_party/blink/renderer/core/fetch/fetch_manager.cc (observed in Chromium 156)
    return `Fetch API cannot load ${failure.lastUrl}. Request mode is "no-cors" but the redirect mode is not "follow".`;
  }
  const reason = chromiumCorsReason(failure.kind, failure.value, context.api);
  if (reason === null) return null;
  const kind = context.api === 'xhr' ? 'XMLHttpRequest' : 'fetch';
  const redirected = failure.lastUrl !== failure.initialUrl ? ` (redirected from '${failure.initialUrl}')` : '';
  return `Access to ${kind} at '${failure.lastUrl}'${redirected} from origin '${context.documentOrigin}' has been blocked by CORS policy: ${reason}`;
}

/** `Refused to set unsafe header "<name>"`: Blink's XHR setRequestHeader() with a forbidden name. */
export function chromiumRefusedHeaderMessage(name: string): string {
  return `Refused to set unsafe header "${name}"`;
}

/**
 * The DevTools Issues panel entry: `CorsIssue: <CorsError>` (Protocol.Network.CorsError) or
 * `DeprecationIssue: AuthorizationCoveredByWildcard`.
 */
export function chromiumDevtoolsIssue(failure: FetchFailure | null, authorizationCoveredByWildcard: boolean): string | null {
  if (failure && (failure.kind === 'DisallowedByMode' || chromiumCorsReason(failure.kind, failure.value, 'fetch') !== null)) return `CorsIssue: ${failure.kind}`;
  if (authorizationCoveredByWildcard) return 'DeprecationIssue: AuthorizationCoveredByWildcard';
  return null;
}
