// Firefox's console text: dom/locales/en-US/chrome/security/security.properties (CORS block), with the
// MDN page DevTools links each reason to. URLs are logical (no wire prefix). Checked against Firefox ESR
// 153 by `pnpm verify --browser firefox` (the runner captures the console).
import type { FetchFailure } from '../fetch/fetch-params';
import type { Decision } from '../fetch/decision';

export const MDN_CORS_ERRORS = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/';

interface FirefoxReason { key: string; mdn: string; reason: string }

const DID_NOT_SUCCEED: FirefoxReason = { key: 'CORSDidNotSucceed2', mdn: 'CORSDidNotSucceed', reason: '(Reason: CORS request did not succeed). Status code: (null).' };

export interface FirefoxConsoleContext {
  /** The URL of the document that sent the request. */
  documentUrl: string;
}

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
      // nsCORSListenerProxy.cpp `CheckRequestApproved` logs CORSDidNotSucceed2 for a failed channel with
      // no parameter: Firefox prints "(null)" for the status code.
      return DID_NOT_SUCCEED;
    case 'TooManyRedirects':
      // The channel itself fails (NS_ERROR_REDIRECT_LOOP); only a CORS request has the CORS listener
      // that logs it (observed in Firefox ESR 153).
      return failure.responseTainting === 'cors' ? DID_NOT_SUCCEED : null;
    case 'CorsDisabledScheme':
      return { key: 'CORSRequestNotHttp', mdn: 'CORSRequestNotHttp', reason: '(Reason: CORS request not http).' };
    default:
      return null;
  }
}

function blockedText(reason: FirefoxReason, url: string): string {
  // CORSNotSupportingCredentials quotes the URL: "... remote resource at ‘%1$S’. (Reason: ...)".
  const shown = reason.key === 'CORSNotSupportingCredentials' ? `‘${url}’` : url;
  return `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${shown}. ${reason.reason}`;
}

/**
 * The console error(s) Firefox prints for a failure, or null. Several lines are joined with "\n", as
 * the verifier records them.
 */
export function firefoxConsoleMessage(failure: FetchFailure, context?: FirefoxConsoleContext): { text: string; mdn: string; key: string } | null {
  if (failure.kind === 'DisallowedByMode') {
    // caps/nsScriptSecurityManager.cpp reports CheckSameOriginError
    // (dom/locales/en-US/chrome/security/caps.properties): "Security Error: Content at %S may not load data from %S."
    if (!context) return null;
    return {
      key: 'CheckSameOriginError',
      text: `Security Error: Content at ${context.documentUrl} may not load data from ${failure.lastUrl}.`,
      mdn: 'https://developer.mozilla.org/en-US/docs/Web/Security/Same-origin_policy',
    };
  }
  const reason = reasonFor(failure);
  if (!reason) return null;
  let text = blockedText(reason, failure.lastUrl);
  if (failure.kind === 'PreflightDisallowedRedirect') {
    // nsCORSPreflightListener::AsyncOnChannelRedirect logs CORSExternalRedirectNotAllowed, then the
    // preflight ends on the redirect response: CheckPreflightRequestApproved logs CORSPreflightDidNotSucceed3.
    const status = failure.status ?? 0;
    text += `\n${blockedText({ key: 'CORSPreflightDidNotSucceed3', mdn: 'CORSPreflightDidNotSucceed', reason: `(Reason: CORS preflight response did not succeed). Status code: ${status}.` }, failure.lastUrl)}`;
  }
  return { key: reason.key, text, mdn: `${MDN_CORS_ERRORS}${reason.mdn}` };
}

/** CORSAllowHeaderFromPreflightDeprecation: Firefox's warning when `*` was relied on for `Authorization`. */
export function firefoxAuthorizationWarning(url: string): string {
  return `Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at ${url} soon. (Reason: When the \`Access-Control-Allow-Headers\` is \`*\`, the \`Authorization\` header is not covered. To include the \`Authorization\` header, it must be explicitly listed in CORS header \`Access-Control-Allow-Headers\`).`;
}

// netwerk/locales/en-US/necko.properties: the warnings Firefox prints when it rejects a cookie
// (CookieRejectedNonRequiresSecure2, CookieRejectedForNonSameSiteness, CookieRejectedInvalidPrefix).
const FIREFOX_COOKIE_REJECTIONS: Record<string, (name: string) => string> = {
  'samesite-none-insecure': (name) => `Cookie “${name}” rejected because it has the “SameSite=None” attribute but is missing the “secure” attribute.`,
  'samesite-cross-site-set': (name) => `Cookie “${name}” has been rejected because it is in a cross-site context and its “SameSite” is “Lax” or “Strict”.`,
  'prefix-secure': (name) => `Cookie “${name}” has been rejected for invalid prefix.`,
  'prefix-host': (name) => `Cookie “${name}” has been rejected for invalid prefix.`,
};
export const MDN_SET_COOKIE = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie';

/** The cookie warnings Firefox prints for a run, in order (from the run's `cookie-not-stored` decisions). */
export function firefoxCookieMessages(decisions: readonly Decision[]): string[] {
  const texts: string[] = [];
  for (const decision of decisions) {
    if (decision.code !== 'cookie-not-stored') continue;
    const text = FIREFOX_COOKIE_REJECTIONS[String(decision.facts.reason)];
    if (text) texts.push(text(String(decision.facts.name)));
  }
  return texts;
}
