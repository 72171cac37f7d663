// https://fetch.spec.whatwg.org/#concept-http-fetch
import type { BrowserProfile } from '../browsers/profile';
import { withFacts } from '../speed/facts';
import { corsCheck } from './cors-check';
import { corsPreflightFetch } from './cors-preflight-fetch';
import { logicalUrl, networkError, type FetchParams, type FetchRequest, type FetchResponse } from './fetch-params';
import { combineHeaderList, getHeader, type HeaderLines } from './header-list';
import { httpNetworkOrCacheFetch } from './http-network-fetch';
import { httpRedirectFetch } from './http-redirect-fetch';
import { isCorsSafelistedMethod } from './methods';
import { isRedirectStatus } from './preflight';
import type { CacheRequest } from './preflight-cache';
import { corsUnsafeRequestHeaderNamesWithReasons } from './request-headers';

// https://fetch.spec.whatwg.org/#concept-http-fetch
// "To HTTP fetch, given a fetch params fetchParams and an optional boolean makeCORSPreflight (default false):"
export function httpFetch(fetchParams: FetchParams, makeCorsPreflight: boolean): FetchResponse {
  // 1. "Let request be fetchParams's request."
  const { request, record, profile, cache, clock } = fetchParams;
  // NOTE: step 3 (service workers) is not modelled: the runner page registers none.
  // 4.1. "If makeCORSPreflight is true and one of these conditions is true: there is no method cache
  // entry match for request's method using request, and either request's method is not a CORS-safelisted
  // method or request's use-CORS-preflight flag is set; there is at least one item in the CORS-unsafe
  // request-header names with request's header list for which there is no header-name cache entry match
  // using request. Then: 1. Let preflightResponse be the result of running CORS-preflight fetch given
  // request. 2. If preflightResponse is a network error, then return preflightResponse."
  if (makeCorsPreflight) {
    const unsafeNames = corsPreflightNeeded(request, fetchParams);
    if (unsafeNames) {
      const serializedOrigin = request.taintedOrigin ? 'null' : request.origin;
      const cacheRequest: CacheRequest = { serializedOrigin, initiatorOrigin: request.origin, url: logicalUrl(request.url), credentialsMode: request.credentialsMode, method: request.method, unsafeNames, now: clock.now };
      // FIXME: Chromium does not cache a preflight whose URL is over 1024 characters
      // (services/network/cors/preflight_cache.cc `kMaxKeyLength`); scenario URLs stay far below it, so
      // the model never checks.
      const lookup = cache.lookup(cacheRequest, request.cacheMode);
      if (lookup.hit) {
        record.note('CORS-preflight cache', '#concept-cache-match', 'pass', 'preflight-cache-hit', { url: cacheRequest.url, remainingMs: lookup.expiresAt - clock.now });
      } else {
        if (lookup.reason !== 'empty' || record.run > 0) {
          record.note('CORS-preflight cache', '#concept-cache-match', 'info', `preflight-cache-${lookup.reason}`, { erased: lookup.erased, cacheMode: request.cacheMode ?? null },
            lookup.reason === 'insufficient' && lookup.erased ? profile.adHocSources.preflightCacheErase : lookup.reason === 'bypassed' ? profile.adHocSources.preflightCacheBypass : undefined);
        }
        const preflightResponse = corsPreflightFetch(fetchParams, cacheRequest);
        if (preflightResponse.type === 'error') return preflightResponse;
      }
    }
  }
  // 4.3. "Set response and internalResponse to the result of running HTTP-network-or-cache fetch given fetchParams."
  const answer = httpNetworkOrCacheFetch(fetchParams, 'actual', request.method, requestHeaderListOnTheWire(request, profile));
  const location = getHeader(answer.headers, 'Location');
  const isRedirect = isRedirectStatus(answer.status) && location !== null;
  record.note('HTTP-network fetch', '#concept-http-network-fetch', 'info', 'answer', { url: logicalUrl(request.url), method: request.method, status: answer.status, routeKey: answer.routeKey, serverNote: answer.note, redirect: isRedirect });

  // 4.4. "If request's response tainting is "cors" and a CORS check for request and response returns
  // failure, then return a network error." (Redirects included.)
  if (request.responseTainting === 'cors') {
    const serializedOrigin = request.taintedOrigin ? 'null' : request.origin;
    const check = corsCheck(serializedOrigin, request.credentialsMode, answer.headers, profile.allowOriginFailureClassification);
    record.note('CORS check', '#concept-cors-check', check.result === 'success' ? 'pass' : 'fail', check.code, withFacts(check.facts, { redirect: isRedirect, tainted: request.taintedOrigin }));
    if (check.result === 'failure') {
      // AD-HOC (Firefox): nsCORSListenerProxy.cpp removes the URL's preflight cache entries when a
      // response fails the CORS check (profile `clearsPreflightCacheOnCorsFailure`); Chromium keeps them.
      if (profile.clearsPreflightCacheOnCorsFailure) cache.clear({ serializedOrigin, initiatorOrigin: request.origin, url: logicalUrl(request.url), credentialsMode: request.credentialsMode, method: request.method, unsafeNames: [], now: clock.now });
      return networkError(fetchParams, check.error, check.value, false);
    }
  }
  // NOTE: step 5 (the cross-origin resource policy check) is not modelled: the echo server sends no
  // `Cross-Origin-Resource-Policy` unless a route lists it, and no scenario checks it.
  if (!isRedirect) return { type: 'answer', answer };
  // 6. "If internalResponse's status is a redirect status: ... Switch on request's redirect mode:"
  if (request.redirectMode === 'error') {
    // "error": "Set response to a network error."
    record.note('HTTP fetch', '#concept-http-fetch', 'fail', 'redirect-mode-error', { status: answer.status });
    return networkError(fetchParams, 'RedirectModeError', '', false);
  }
  if (request.redirectMode === 'manual') {
    // "manual": "Set response to an opaque-redirect filtered response whose internal response is internalResponse."
    record.note('HTTP fetch', '#concept-filtered-response-opaque-redirect', 'info', 'redirect-mode-manual', { status: answer.status });
    return { type: 'opaqueredirect' };
  }
  // "follow": "Set response to the result of running HTTP-redirect fetch given fetchParams and response."
  return httpRedirectFetch(fetchParams, answer);
}

/**
 * Step 4.1's question without the cache: the CORS-unsafe request-header names when the request needs a
 * CORS-preflight fetch (its method is not CORS-safelisted, a header is CORS-unsafe or the use-CORS-preflight
 * flag is set), or undefined when it does not.
 */
function corsPreflightNeeded(request: FetchRequest, fetchParams: FetchParams): readonly string[] | undefined {
  const { profile, record } = fetchParams;
  // AD-HOC (Firefox): each appended header is checked on its own (profile `corsUnsafeNamesFrom`), and
  // the names keep their duplicates (profile `dedupesAccessControlRequestHeaders`).
  const unsafe = corsUnsafeRequestHeaderNamesWithReasons(
    profile.corsUnsafeNamesFrom === 'each-append' ? request.appended : request.headers,
    profile.extraSafelistedRequestHeader,
    !profile.dedupesAccessControlRequestHeaders,
    profile.safelistTotalLimit,
  );
  const methodUnsafe = !isCorsSafelistedMethod(request.method);
  const needsNow = request.useCorsPreflightFlag || methodUnsafe || unsafe.names.length > 0;
  // AD-HOC (Firefox, WebKit): a request preflighted before a redirect is preflighted again at every later
  // hop, even when it no longer needs one (profile `preflightAfterRedirect`).
  const again = !needsNow && request.firstPreflightNames !== undefined && profile.preflightAfterRedirect !== 'when-needed';
  const needs = needsNow || again;
  if (needs) request.firstPreflightNames ??= unsafe.names;
  const extras = request.headers.filter(([name, value]) => profile.extraSafelistedRequestHeader?.(name.toLowerCase(), value)).map(([name]) => name.toLowerCase());
  record.note('HTTP fetch', '#concept-http-fetch', 'info', needs ? 'preflight-needed' : 'preflight-not-needed', {
    method: request.method, methodUnsafe, unsafeNames: unsafe.names, reasons: unsafe.reasons.map((r) => `${r.name}:${r.reason}`), forced: request.useCorsPreflightFlag, safelistValueSize: unsafe.safelistValueSize,
  });
  if (extras.length > 0) record.note('CORS-safelisted request-header', '#cors-safelisted-request-header', 'info', 'browser-extra-safelisted', { names: extras }, profile.adHocSources.extraSafelistedRequestHeader);
  if (again) {
    record.note('HTTP fetch', '#concept-http-fetch', 'info', 'preflight-again-after-redirect', { method: request.method }, profile.adHocSources.preflightAfterRedirect);
    return profile.preflightAfterRedirect === 'again-original-names' ? request.firstPreflightNames : unsafe.names;
  }
  return needs ? unsafe.names : undefined;
}

/**
 * The request's header list as it reaches the server: https://fetch.spec.whatwg.org/#append-a-request-origin-header
 * "If request's response tainting is "cors" or request's mode is "websocket", then append (`Origin`,
 * serializedOrigin). Otherwise, if request's method is neither `GET` nor `HEAD`, then ... append.",
 * then the page's headers.
 */
function requestHeaderListOnTheWire(request: FetchRequest, profile: BrowserProfile): [string, string][] {
  const wireHeaders: [string, string][] = [];
  const serializedOrigin = request.taintedOrigin ? 'null' : request.origin;
  if (request.responseTainting === 'cors' || (request.method !== 'GET' && request.method !== 'HEAD')) wireHeaders.push(['Origin', serializedOrigin]);
  // AD-HOC (Firefox): a repeated singleton header (Content-Type...) reaches the server once, with its
  // last value (profile `singletonRequestHeaders`).
  const hasBody = request.body !== null && request.method !== 'GET' && request.method !== 'HEAD';
  wireHeaders.push(...(profile.singletonRequestHeaders.length > 0 ? singletonCombinedHeaders(request.appended, profile, hasBody) : request.headers));
  // AD-HOC (Chromium): the `bytes` unit of a Range reaches the server lower-cased (profile `lowerCasesRangeUnit`).
  return profile.lowerCasesRangeUnit ? wireHeaders.map(lowerCaseRangeUnit) : wireHeaders;
}

function lowerCaseRangeUnit(header: [string, string]): [string, string] {
  const [name, value] = header;
  return name.toLowerCase() === 'range' && /^bytes=/i.test(value) && !value.startsWith('bytes=') ? [name, `bytes=${value.slice('bytes='.length)}`] : header;
}

/**
 * The header lines an engine with singleton request headers (Firefox) sends: repeated names joined with
 * ", " except the singletons, which keep their last value; with a body, `Content-Type` is the first
 * value when the profile says so (the upload stream's type).
 */
function singletonCombinedHeaders(appended: HeaderLines, profile: BrowserProfile, hasBody: boolean): [string, string][] {
  const lines = combineHeaderList(appended, profile.singletonRequestHeaders);
  if (!hasBody || !profile.uploadSendsFirstContentType) return lines;
  const first = appended.find(([name]) => name.toLowerCase() === 'content-type');
  return first ? lines.map(([name, value]): [string, string] => [name, name.toLowerCase() === 'content-type' ? first[1] : value]) : lines;
}

