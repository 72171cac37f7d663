// Which response headers script can read: https://fetch.spec.whatwg.org/#concept-filtered-response-cors
import type { CredentialsMode } from './cors-check';
import { extractHeaderListValues, getHeader, type HeaderLines } from './header-list';

// https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name
// "`Cache-Control`, `Content-Language`, `Content-Length`, `Content-Type`, `Expires`, `Last-Modified`, `Pragma`"
export const CORS_SAFELISTED_RESPONSE_HEADER_NAMES = ['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma'] as const;

// https://fetch.spec.whatwg.org/#forbidden-response-header-name : "`Set-Cookie`, `Set-Cookie2`"
export function isForbiddenResponseHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'set-cookie' || lower === 'set-cookie2';
}

// https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name
// "A CORS-safelisted response-header name, given a list of header names list, is a header name that is a
// byte-case-insensitive match for one of [the names above], or any item in list that is not a forbidden
// response-header name."
export function isCorsSafelistedResponseHeaderName(name: string, exposed: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return (CORS_SAFELISTED_RESPONSE_HEADER_NAMES as readonly string[]).includes(lower) || (!isForbiddenResponseHeaderName(lower) && exposed.some((item) => item.toLowerCase() === lower));
}

export type ResponseTainting = 'basic' | 'cors' | 'opaque';

/**
 * The names script can read through a CORS-filtered response, from `Access-Control-Expose-Headers`
 * (https://fetch.spec.whatwg.org/#main-fetch step "If request's response tainting is "cors", then: 1. Let
 * headerNames be the result of extracting header list values given `Access-Control-Expose-Headers` and
 * response's header list. 2. If request's credentials mode is not "include" and headerNames contains `*`,
 * then set response's CORS-exposed header-name list to all unique header names in response's header list.
 * 3. Otherwise, if headerNames is non-null or failure, then set response's CORS-exposed header-name list
 * to headerNames.") A list that fails to parse exposes nothing.
 */
export function corsExposedHeaderNames(headers: HeaderLines, credentialsMode: CredentialsMode): { names: string[]; wildcard: boolean; parseFailed: boolean } {
  const result = extractHeaderListValues(headers, 'Access-Control-Expose-Headers');
  if (!result.ok) return { names: [], wildcard: false, parseFailed: true };
  const values = result.values ?? [];
  if (credentialsMode !== 'include' && values.includes('*')) {
    return { names: [...new Set(headers.map(([name]) => name.toLowerCase()))], wildcard: true, parseFailed: false };
  }
  return { names: values.map((name) => name.toLowerCase()), wildcard: false, parseFailed: false };
}

/** The answer's header names (lower-cased, in order of first appearance), then the CORS-safelisted response-header names it lacks. */
function namesScriptMayAskFor(headers: HeaderLines): string[] {
  const names: string[] = [];
  for (const [name] of headers) {
    const lower = name.toLowerCase();
    if (!names.includes(lower)) names.push(lower);
  }
  for (const name of CORS_SAFELISTED_RESPONSE_HEADER_NAMES) if (!names.includes(name)) names.push(name);
  return names;
}

/**
 * `headers.get(name)` (or XHR's `getResponseHeader(name)`) for every header name in the answer plus the
 * CORS-safelisted response-header names, lower-cased. null = hidden or absent.
 */
export function readableHeaders(tainting: ResponseTainting | null, headers: HeaderLines, credentialsMode: CredentialsMode): Record<string, string | null> {
  const names = namesScriptMayAskFor(headers);
  const out: Record<string, string | null> = {};
  const exposed = tainting === 'cors' ? corsExposedHeaderNames(headers, credentialsMode).names : [];
  for (const name of names) {
    let visible: boolean;
    if (tainting === 'basic') visible = !isForbiddenResponseHeaderName(name);
    else if (tainting === 'cors') visible = isCorsSafelistedResponseHeaderName(name, exposed);
    else visible = false;
    out[name] = visible ? getHeader(headers, name) : null;
  }
  return out;
}
