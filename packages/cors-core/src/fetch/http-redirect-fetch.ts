// https://fetch.spec.whatwg.org/#http-redirect-fetch
import type { ServerAnswer } from '../deployment/echo-server';
import { logicalUrl, networkError, type FetchParams, type FetchResponse } from './fetch-params';
import { getHeader } from './header-list';
import { mainFetch } from './main-fetch';
import { MAX_REDIRECTS, redirectMethodRewrite, redirectTaintsOrigin, removeAuthorizationOnCrossOriginRedirect, removeRequestBodyHeaders } from './redirects';
import { includesCredentials, isHttpScheme, parseUrl, serializeOrigin } from './urls';

// https://fetch.spec.whatwg.org/#http-redirect-fetch
// "To HTTP-redirect fetch, given a fetch params fetchParams and a response response:" (HTTP fetch calls
// it with a redirect status and a `Location`.)
export function httpRedirectFetch(fetchParams: FetchParams, response: ServerAnswer): FetchResponse {
  const { request, record } = fetchParams;
  const currentUrl = logicalUrl(request.url);
  const location = getHeader(response.headers, 'Location') as string;
  // 2. "Let locationURL be internalResponse's location URL given request's current URL's fragment."
  const locationUrl = parseUrl(location, request.url);
  // 3. "If locationURL is failure, then return a network error."
  if (!locationUrl) {
    record.note('HTTP-redirect fetch', '#http-redirect-fetch', 'fail', 'location-invalid', { location });
    return networkError(fetchParams, 'InvalidRedirectLocation', location, false);
  }
  // 4. "If locationURL's scheme is not an HTTP(S) scheme, then return a network error."
  if (!isHttpScheme(locationUrl)) {
    record.note('HTTP-redirect fetch', '#http-redirect-fetch', 'fail', 'location-not-http', { location });
    return networkError(fetchParams, 'NonHttpRedirect', location, false);
  }
  // 5. "If request's redirect count is 20, then return a network error."
  if (request.redirectCount === MAX_REDIRECTS) {
    record.note('HTTP-redirect fetch', '#http-redirect-fetch', 'fail', 'too-many-redirects', { max: MAX_REDIRECTS });
    return networkError(fetchParams, 'TooManyRedirects', '', false);
  }
  // 6. "Increase request's redirect count by 1."
  request.redirectCount += 1;
  // 7. "If request's mode is "cors", locationURL includes credentials, and request's origin is not same
  // origin with locationURL's origin, then return a network error." 8. "If request's response tainting is
  // "cors" and locationURL includes credentials, then return a network error."
  if (includesCredentials(locationUrl) && ((request.mode === 'cors' && request.origin !== serializeOrigin(locationUrl)) || request.responseTainting === 'cors')) {
    record.note('HTTP-redirect fetch', '#http-redirect-fetch', 'fail', 'location-credentials', { location: logicalUrl(locationUrl) });
    return networkError(fetchParams, 'RedirectContainsCredentials', '', false);
  }
  // FIXME: steps 9-11 are not modelled; of them, "If internalResponse's status is not 303, request's
  // body is non-null, and request's body's source is null, then return a network error." never applies
  // (a scenario's body is a string, whose source is never null).
  const locationText = logicalUrl(locationUrl);
  // 12. "If one of the following is true: internalResponse's status is 301 or 302 and request's method is
  // `POST`; internalResponse's status is 303 and request's method is not `GET` or `HEAD`, then: 1. Set
  // request's method to `GET` and request's body to null. 2. For each headerName of request-body-header
  // name, delete headerName from request's header list."
  if (redirectMethodRewrite(response.status, request.method)) {
    record.note('HTTP-redirect fetch', '#http-redirect-fetch', 'info', 'redirect-method-get', { status: response.status, from: request.method });
    request.method = 'GET';
    request.body = null;
    request.headers = removeRequestBodyHeaders(request.headers);
    request.appended = removeRequestBodyHeaders(request.appended);
  }
  // 13. "If request's current URL's origin is not same origin with locationURL's origin, then for each
  // headerName of CORS non-wildcard request-header name, delete headerName from request's header list."
  const beforeAuth = request.headers.length;
  request.headers = removeAuthorizationOnCrossOriginRedirect(request.headers, request.url, locationUrl);
  request.appended = removeAuthorizationOnCrossOriginRedirect(request.appended, request.url, locationUrl);
  if (request.headers.length !== beforeAuth) record.note('HTTP-redirect fetch', '#http-redirect-fetch', 'info', 'redirect-authorization-removed', {});
  // https://fetch.spec.whatwg.org/#concept-request-tainted-origin
  if (!request.taintedOrigin && redirectTaintsOrigin(request.origin, request.url, locationUrl)) {
    request.taintedOrigin = true;
    record.note('HTTP-redirect fetch', '#concept-request-tainted-origin', 'info', 'origin-tainted', { from: currentUrl, to: locationText, origin: request.origin });
  }
  // FIXME: steps 14 onward are modelled only in part: the body is not re-extracted (14), redirect timing
  // (15-17) and the referrer policy set on redirect (19) are not modelled.
  record.note('HTTP-redirect fetch', '#http-redirect-fetch', 'info', 'redirect-followed', { status: response.status, from: currentUrl, to: locationText });
  // 18. "Append locationURL to request's URL list."
  request.url = locationUrl;
  record.hop += 1;
  // 20-22. "Let recursive be true. ... Return the result of running main fetch given fetchParams and recursive."
  return mainFetch(fetchParams, true);
}
