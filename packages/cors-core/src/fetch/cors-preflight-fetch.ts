// https://fetch.spec.whatwg.org/#cors-preflight-fetch-0
import { corsCheck } from './cors-check';
import { preflightFlavour } from './decision';
import { logicalUrl, networkError, type FetchParams, type FetchResponse } from './fetch-params';
import { getHeader } from './header-list';
import { httpNetworkOrCacheFetch } from './http-network-fetch';
import { checkPreflightAnswer, corsPreflightRequestHeaders, isRedirectStatus } from './preflight';
import type { CacheRequest } from './preflight-cache';

// https://fetch.spec.whatwg.org/#cors-preflight-fetch-0
// "To CORS-preflight fetch, given a request request, run these steps:"
// `cacheRequest` carries request's CORS-unsafe request-header names and the cache key, as HTTP fetch
// step 4.1 computed them.
export function corsPreflightFetch(fetchParams: FetchParams, cacheRequest: CacheRequest): FetchResponse {
  const { request, record, profile, cache } = fetchParams;
  const { serializedOrigin, method, unsafeNames } = cacheRequest;
  // 1-6. "Let preflight be a new request whose method is `OPTIONS`, ... Append (`Accept`, `*/*`) ...
  // Append (`Access-Control-Request-Method`, request's method) ... If headers is not empty, ... append
  // (`Access-Control-Request-Headers`, value)." (corsPreflightRequestHeaders)
  const preflightHeaders = corsPreflightRequestHeaders(serializedOrigin, method, unsafeNames);
  record.note('CORS-preflight fetch', '#cors-preflight-fetch-0', 'info', 'preflight-sent', { url: logicalUrl(request.url), method, requestHeaders: unsafeNames.join(','), origin: serializedOrigin });
  // 7. "Let response be the result of running HTTP-network-or-cache fetch given a new fetch params whose
  // request is preflight."
  const answer = httpNetworkOrCacheFetch(fetchParams, 'preflight', 'OPTIONS', preflightHeaders);
  // AD-HOC: a preflight answered with a redirect fails before any other check
  // (services/network/cors/preflight_controller.cc `HandleRedirect` → kPreflightDisallowedRedirect);
  // Firefox first CORS-checks the redirect response (profile `preflightRedirectCorsCheckedFirst`).
  if (isRedirectStatus(answer.status) && getHeader(answer.headers, 'Location') !== null) {
    if (profile.preflightRedirectCorsCheckedFirst) {
      const check = corsCheck(serializedOrigin, request.credentialsMode, answer.headers, profile.allowOriginFailureClassification);
      if (check.result === 'failure') {
        record.note('CORS-preflight fetch', '#concept-cors-check', 'fail', `preflight-${check.code}`, check.facts);
        return networkError(fetchParams, preflightFlavour(check.error), check.value, true);
      }
    }
    record.note('CORS-preflight fetch', '#cors-preflight-fetch-0', 'fail', 'preflight-redirected', { status: answer.status, location: getHeader(answer.headers, 'Location') });
    return networkError(fetchParams, 'PreflightDisallowedRedirect', '', true);
  }
  // 8. "If a CORS check for request and response returns success and response's status is an ok status,
  // then: ... methods ... headerNames ... If ... return a network error." (checkPreflightAnswer, in
  // the order the profile's engine checks; 9. "Otherwise, return a network error.")
  const outcome = checkPreflightAnswer(
    { serializedOrigin, credentialsMode: request.credentialsMode, method, unsafeNames, headerNames: request.headers.map(([name]) => name.toLowerCase()), useCorsPreflightFlag: request.useCorsPreflightFlag },
    answer.status,
    answer.headers,
    profile,
  );
  for (const check of outcome.checks) record.note('CORS-preflight fetch', check.anchor, check.verdict, check.code, check.facts, check.adHoc);
  if (!outcome.ok) return networkError(fetchParams, outcome.error, outcome.value, true);
  if (outcome.authorizationByWildcard) record.authorizationCoveredByWildcard = true;
  // 8.7-8.9. "Let max-age be the result of extracting header list values given
  // `Access-Control-Max-Age` ... For each method in methods for which there is a method cache entry
  // match using request, set matching entry's max-age to max-age. For each method in methods for which
  // there is no method cache entry match using request, create a new cache entry ..." (and the same for
  // headerNames), in the shape of the profile's cache.
  const stored = cache.store(cacheRequest, outcome, request.cacheMode);
  record.note('CORS-preflight cache', '#concept-cache', 'info', stored ? 'preflight-cache-stored' : 'preflight-cache-not-stored', { seconds: outcome.maxAgeSeconds, cacheMode: request.cacheMode ?? null });
  // 8.10. "Return response."
  return { type: 'answer', answer };
}
