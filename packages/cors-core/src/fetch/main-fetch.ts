// https://fetch.spec.whatwg.org/#concept-main-fetch
import { httpFetch } from './http-fetch';
import { logicalUrl, networkError, type FetchParams, type FetchResponse } from './fetch-params';
import { isHttpScheme, serializeOrigin } from './urls';

// https://fetch.spec.whatwg.org/#concept-main-fetch
// "To main fetch, given a fetch params fetchParams and an optional boolean recursive (default false):"
export function mainFetch(fetchParams: FetchParams, recursive = false): FetchResponse {
  // 1. "Let request be fetchParams's request."
  const { request, record, ownOrigins } = fetchParams;
  const currentOrigin = serializeOrigin(request.url);
  const currentUrl = logicalUrl(request.url);
  // NOTE: steps 3-10 are not modelled: local-URLs-only, CSP, upgrades to HTTPS and mixed content (the
  // deployment is plain HTTP on loopback), bad ports, and the referrer policy (always the default one:
  // see httpNetworkOrCacheFetch).
  // FIXME: Local Network Access (Chromium's Private Network Access) would decide here whether a request
  // from a public page to a local address is blocked or needs a permission; every origin of the
  // deployment is local, so it never applies to a scenario.

  // 12. "If response is null, then set response to the result of running the steps corresponding to the
  // first matching statement:"
  if (request.origin !== 'null' && currentOrigin === request.origin && request.responseTainting === 'basic') {
    // "request's current URL's origin is same origin with request's origin, and request's response
    // tainting is "basic"": "Set request's response tainting to "basic". Return the result of running
    // scheme fetch given fetchParams."
    record.note('main fetch', '#concept-main-fetch', 'info', 'same-origin', { url: currentUrl, origin: request.origin, api: request.apiName });
  } else if (request.mode === 'same-origin') {
    // "request's mode is "same-origin"": "Return a network error."
    record.note('main fetch', '#concept-main-fetch', 'fail', 'same-origin-mode', { url: currentUrl, origin: request.origin });
    return networkError(fetchParams, 'DisallowedByMode', '', false);
  } else if (request.mode === 'no-cors') {
    // "request's mode is "no-cors"": "1. If request's redirect mode is not "follow", then return a network
    // error. 2. Set request's response tainting to "opaque". 3. Return the result of running scheme fetch."
    if (request.redirectMode !== 'follow') {
      record.note('main fetch', '#concept-main-fetch', 'fail', 'no-cors-redirect-mode', { redirect: request.redirectMode });
      return networkError(fetchParams, 'NoCorsRedirectMode', request.redirectMode, false);
    }
    request.responseTainting = 'opaque';
    record.note('main fetch', '#concept-main-fetch', 'info', 'no-cors', { url: currentUrl, origin: request.origin });
  } else if (!isHttpScheme(request.url)) {
    // "request's current URL's scheme is not an HTTP(S) scheme": "Return a network error."
    record.note('main fetch', '#concept-main-fetch', 'fail', 'scheme-not-http', { url: currentUrl, scheme: request.url.scheme });
    return networkError(fetchParams, 'CorsDisabledScheme', request.url.scheme, false);
  } else {
    // The two CORS statements (with and without a preflight): "Set request's response tainting to
    // "cors"." Sticky: once CORS, every later hop is CORS. Whether a preflight is needed is decided in
    // HTTP fetch step 4.1, which the model always asks (makeCORSPreflight).
    const wasCors = request.responseTainting === 'cors';
    request.responseTainting = 'cors';
    const serializedOrigin = request.taintedOrigin ? 'null' : request.origin;
    record.note('main fetch', '#concept-main-fetch', 'info', wasCors ? 'cors-sticky' : 'cross-origin', { url: currentUrl, origin: serializedOrigin, documentOrigin: request.origin, api: request.apiName, tainted: request.taintedOrigin });
  }
  // NOTE: not a spec step: a host outside the deployment has no server to answer (in a browser, a DNS or
  // connection failure: a network error before anything is sent).
  if (!ownOrigins.all.includes(currentOrigin)) {
    record.note('main fetch', '#concept-main-fetch', 'fail', 'unreachable-host', { url: currentUrl });
    return networkError(fetchParams, 'InvalidUrl', currentUrl, false);
  }
  // Scheme fetch, for an HTTP(S) URL: "Return the result of running HTTP fetch given fetchParams."
  // NOTE: "If corsWithPreflightResponse is a network error, then clear cache entries using request." is
  // an engine choice here: see the profile's `clearsPreflightCacheOnCorsFailure` in HTTP fetch.
  const response = httpFetch(fetchParams, request.responseTainting === 'cors');

  // 13. "If recursive is true, then return response."
  if (recursive || response.type !== 'answer') return response;
  // 14. "If response is not a network error and response is not a filtered response, then: ... set
  // response to the following filtered response, based on request's response tainting: basic, CORS, opaque."
  const { status } = response.answer;
  if (request.responseTainting === 'opaque') {
    record.note('main fetch', '#concept-filtered-response-opaque', 'info', 'opaque-response', { status });
  } else {
    record.note('main fetch', request.responseTainting === 'cors' ? '#concept-filtered-response-cors' : '#concept-filtered-response-basic', 'pass', `response-${request.responseTainting}`, { status, api: request.apiName });
  }
  return response;
}
