// https://fetch.spec.whatwg.org/#http-redirect-fetch : what a redirect does to the request.
import { isRequestBodyHeaderName } from './request-headers';
import { serializeOrigin, type ParsedUrl } from './urls';

// https://fetch.spec.whatwg.org/#http-redirect-fetch step 12:
// "If one of the following is true: internalResponse's status is 301 or 302 and request's method is
// `POST`; internalResponse's status is 303 and request's method is not `GET` or `HEAD`, then: 1. Set
// request's method to `GET` and request's body to null. 2. For each headerName of request-body-header
// name, delete headerName from request's header list."
export function redirectMethodRewrite(status: number, method: string): boolean {
  return ((status === 301 || status === 302) && method === 'POST') || (status === 303 && method !== 'GET' && method !== 'HEAD');
}

export function removeRequestBodyHeaders(headers: readonly [string, string][]): [string, string][] {
  return headers.filter(([name]) => !isRequestBodyHeaderName(name));
}

// https://fetch.spec.whatwg.org/#concept-request-tainted-origin (http-redirect-fetch step 11 in earlier
// snapshots): "If locationURL's origin is not same origin with request's current URL's origin and
// request's origin is not same origin with request's current URL's origin, then set request's
// tainted origin flag."
export function redirectTaintsOrigin(requestOrigin: string, currentUrl: ParsedUrl, locationUrl: ParsedUrl): boolean {
  const current = serializeOrigin(currentUrl);
  return serializeOrigin(locationUrl) !== current && requestOrigin !== current;
}

// https://fetch.spec.whatwg.org/#http-redirect-fetch step 13:
// "If request's current URL's origin is not same origin with locationURL's origin, then for each
// headerName of CORS non-wildcard request-header name, delete headerName from request's header list."
export function removeAuthorizationOnCrossOriginRedirect(headers: readonly [string, string][], currentUrl: ParsedUrl, locationUrl: ParsedUrl): [string, string][] {
  if (serializeOrigin(currentUrl) === serializeOrigin(locationUrl)) return [...headers];
  return headers.filter(([name]) => name.toLowerCase() !== 'authorization');
}

/** https://fetch.spec.whatwg.org/#http-redirect-fetch step 5: "If request's redirect count is 20, then return a network error." */
export const MAX_REDIRECTS = 20;
