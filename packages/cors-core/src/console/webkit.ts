// WebKit's console text (Source/WebCore/loader/CrossOriginAccessControl.cpp and
// CrossOriginPreflightChecker.cpp, read through stored copies and user reports): WebKit logs the reason,
// then "Fetch API cannot load <url> due to access control checks." This returns the reason line.
// Medium confidence: WebKitWebDriver exposes no console, so the differential runner cannot check it.
import type { FetchFailure } from '../fetch/fetch-params';

export function webkitConsoleMessage(failure: FetchFailure, documentOrigin: string): string | null {
  const status = failure.status ?? 0;
  switch (failure.kind) {
    case 'MissingAllowOriginHeader':
    case 'AllowOriginMismatch':
    case 'InvalidAllowOriginValue':
    case 'PreflightMissingAllowOriginHeader':
    case 'PreflightAllowOriginMismatch':
    case 'PreflightInvalidAllowOriginValue':
      return `Origin ${documentOrigin} is not allowed by Access-Control-Allow-Origin. Status code: ${status}`;
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      return 'Access-Control-Allow-Origin cannot contain more than one origin.';
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return 'Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.';
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return 'Credentials flag is true, but Access-Control-Allow-Credentials is not "true".';
    case 'PreflightInvalidStatus':
    case 'PreflightDisallowedRedirect':
      return `Preflight response is not successful. Status code: ${status}`;
    case 'InvalidAllowMethodsPreflightResponse':
      return 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.';
    case 'InvalidAllowHeadersPreflightResponse':
      return 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.';
    case 'MethodDisallowedByPreflightResponse':
      return `Method ${failure.value} is not allowed by Access-Control-Allow-Methods.`;
    case 'HeaderDisallowedByPreflightResponse':
      return `Request header field ${failure.value} is not allowed by Access-Control-Allow-Headers.`;
    case 'RedirectContainsCredentials':
      return `Cross-origin redirection to ${failure.lastUrl} denied by Cross-Origin Resource Sharing policy: redirect URL contains credentials.`;
    default:
      return null;
  }
}

/** The line WebKit logs after the reason. */
export function webkitCannotLoadMessage(api: 'fetch' | 'xhr', url: string): string {
  return `${api === 'xhr' ? 'XMLHttpRequest' : 'Fetch API'} cannot load ${url} due to access control checks.`;
}
