// Firefox's console text: dom/locales/en-US/chrome/security/security.properties (CORS block), with the
// MDN page DevTools links each reason to. URLs are logical (no wire prefix).
import type { FetchFailure } from '../fetch/main-fetch';

export const MDN_CORS_ERRORS = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/';

interface FirefoxReason { key: string; mdn: string; reason: string }

function reasonFor(failure: FetchFailure): FirefoxReason | null {
  const status = failure.status ?? 0;
  switch (failure.kind) {
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
      return { key: 'CORSMissingAllowOrigin2', mdn: 'CORSMissingAllowOrigin', reason: `(Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: ${status}.` };
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return { key: 'CORSNotSupportingCredentials', mdn: 'CORSNotSupportingCredentials', reason: '(Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).' };
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      return { key: 'CORSMultipleAllowOriginNotAllowed', mdn: 'CORSMultipleAllowOriginNotAllowed', reason: '(Reason: Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed).' };
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return { key: 'CORSAllowOriginNotMatchingOrigin', mdn: 'CORSAllowOriginNotMatchingOrigin', reason: `(Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘${failure.value}’).` };
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return { key: 'CORSMissingAllowCredentials', mdn: 'CORSMissingAllowCredentials', reason: '(Reason: expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’).' };
    case 'PreflightInvalidStatus':
      return { key: 'CORSPreflightDidNotSucceed3', mdn: 'CORSPreflightDidNotSucceed', reason: `(Reason: CORS preflight response did not succeed). Status code: ${status}.` };
    case 'PreflightDisallowedRedirect':
      return { key: 'CORSExternalRedirectNotAllowed', mdn: 'CORSExternalRedirectNotAllowed', reason: '(Reason: CORS request external redirect not allowed).' };
    case 'InvalidAllowMethodsPreflightResponse':
      return { key: 'CORSInvalidAllowMethod', mdn: 'CORSInvalidAllowMethod', reason: `(Reason: invalid token ‘${failure.value}’ in CORS header ‘Access-Control-Allow-Methods’).` };
    case 'InvalidAllowHeadersPreflightResponse':
      return { key: 'CORSInvalidAllowHeader', mdn: 'CORSInvalidAllowHeader', reason: `(Reason: invalid token ‘${failure.value}’ in CORS header ‘Access-Control-Allow-Headers’).` };
    case 'MethodDisallowedByPreflightResponse':
      return { key: 'CORSMethodNotFound', mdn: 'CORSMethodNotFound', reason: '(Reason: Did not find method in CORS header ‘Access-Control-Allow-Methods’).' };
    case 'HeaderDisallowedByPreflightResponse':
      return { key: 'CORSMissingAllowHeaderFromPreflight2', mdn: 'CORSMissingAllowHeaderFromPreflight', reason: `(Reason: header ‘${failure.value}’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).` };
    case 'RedirectContainsCredentials':
      return { key: 'CORSDidNotSucceed2', mdn: 'CORSDidNotSucceed', reason: `(Reason: CORS request did not succeed). Status code: ${status}.` };
    case 'CorsDisabledScheme':
      return { key: 'CORSRequestNotHttp', mdn: 'CORSRequestNotHttp', reason: '(Reason: CORS request not http).' };
    default:
      return null;
  }
}

export function firefoxConsoleMessage(failure: FetchFailure): { text: string; mdn: string; key: string } | null {
  const reason = reasonFor(failure);
  if (!reason) return null;
  // CORSNotSupportingCredentials quotes the URL: "... remote resource at ‘%1$S’. (Reason: ...)".
  const url = reason.key === 'CORSNotSupportingCredentials' ? `‘${failure.lastUrl}’` : failure.lastUrl;
  return {
    key: reason.key,
    text: `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${url}. ${reason.reason}`,
    mdn: `${MDN_CORS_ERRORS}${reason.mdn}`,
  };
}

/** CORSAllowHeaderFromPreflightDeprecation: Firefox's warning when `*` was relied on for `Authorization`. */
export function firefoxAuthorizationWarning(url: string): string {
  return `Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at ${url} soon. (Reason: When the \`Access-Control-Allow-Headers\` is \`*\`, the \`Authorization\` header is not covered. To include the \`Authorization\` header, it must be explicitly listed in CORS header \`Access-Control-Allow-Headers\`).`;
}
