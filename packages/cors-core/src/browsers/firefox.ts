// Firefox ESR 153 (Debian build, the engine the differential verifier runs). Each value names the Gecko
// source it comes from (mozilla/gecko-dev) and was checked against the real engine with
// `pnpm verify --browser firefox` (apps/web/verify).
import type { BrowserProfile } from './profile';

// netwerk/protocol/http/nsHttpHeaderArray.h `IsSingletonHeader`, the names a page may set: a repeated
// one is not merged with ", " but replaced by the last value (FetchDriver sets each header with merge).
// (Host, Referer, Content-Length, Proxy-Authorization and Sec-GPC are forbidden request-headers.)
const GECKO_SINGLETON_REQUEST_HEADERS = [
  'authorization', 'content-disposition', 'content-type', 'from', 'if-modified-since', 'if-unmodified-since',
  'location', 'max-forwards', 'user-agent',
];

export const firefoxProfile: BrowserProfile = {
  browser: 'firefox',
  label: 'Firefox',
  // No client hints or other extra safelisted names (dom/fetch/InternalHeaders.cpp `IsSimpleHeader`).
  extraSafelistedRequestHeader: undefined,
  // AD-HOC: dom/fetch/InternalHeaders.cpp `GetUnsafeHeaders` checks every entry of the header list on
  // its own value: `Content-Type: text/plain` appended twice is two safelisted entries, no preflight
  // (the spec checks the combined `text/plain, text/plain`).
  corsUnsafeNamesFrom: 'each-append',
  // AD-HOC: netwerk/protocol/http/nsCORSListenerProxy.cpp `StartCORSPreflight` lower-cases and sorts
  // the unsafe names but keeps duplicates (`x-zeta,x-zeta`).
  dedupesAccessControlRequestHeaders: false,
  singletonRequestHeaders: GECKO_SINGLETON_REQUEST_HEADERS,
  // AD-HOC: dom/fetch/FetchDriver.cpp gives the upload stream the *first* Content-Type value
  // (`GetFirst("content-type")` → ExplicitSetUploadStream), which then replaces the header (observed:
  // `text/plain` then `application/json` sends `Content-Type: text/plain`).
  lowerCasesRangeUnit: false,
  uploadSendsFirstContentType: true,
  // dom/xhr/XMLHttpRequestMainThread.cpp (`mFlagHadUploadListenersOnSend` → forced preflight), as the
  // XHR spec says: an upload listener forces a preflight even on a GET without a body.
  uploadListenerPreflightNeedsBody: false,
  // AD-HOC: dom/fetch/InternalHeaders.cpp `GetUnsafeHeaders` judges each header by `IsSimpleHeader`
  // alone: no 1024-byte total (nine `Accept` lines of 117 bytes: no preflight) [engine-accept-repeated-over-1024].
  safelistTotalLimit: false,
  // AD-HOC: the redirected channel keeps `mRequireCORSPreflight` (netwerk/protocol/http/HttpBaseChannel.cpp
  // `SetupReplacementChannel`), and nsHttpChannel starts a preflight for it with the redirected request's
  // unsafe names: a 303 that made a PUT a GET, or a redirect that dropped `Authorization`, is preflighted
  // again [engine-redirect-303-put-second-preflight, engine-redirect-authorization-stripped-second-preflight].
  // NOTE: that preflight carries the document's origin even once the request's origin is tainted
  // (observed); the model sends `null`, as for the request.
  preflightAfterRedirect: 'again-current-names',
  // AD-HOC: nsCORSListenerProxy.cpp `CheckRequestApproved`: more than one ACAO header line is
  // CORSMultipleAllowOriginNotAllowed; any other value is compared as a string (CORSAllowOriginNotMatchingOrigin).
  allowOriginFailureClassification: 'header-lines',
  // AD-HOC: nsCORSListenerProxy.cpp: the preflight channel's own CORS listener checks the redirect
  // response (`AsyncOnChannelRedirect` → `CheckRequestApproved`) before nsCORSPreflightListener refuses
  // the redirect (CORSExternalRedirectNotAllowed).
  preflightRedirectCorsCheckedFirst: true,
  // AD-HOC: nsCORSPreflightListener::CheckPreflightRequestApproved, pref
  // network.cors_preflight.authorization_covered_by_wildcard (true in ESR 153): `*` covers
  // `Authorization` with a console warning (CORSAllowHeaderFromPreflightDeprecation).
  wildcardCoversAuthorization: true,
  // The preflight names are checked in sorted order and the first missing one is reported.
  reportsLastMissingHeader: false,
  // nsCORSPreflightListener::AddResultToCache: missing → PREFLIGHT_DEFAULT_EXPIRY_SECONDS (5), capped at
  // 86400; AD-HOC: any byte that is not a digit (`-1`, `abc`, `10.5`) → not cached at all.
  maxAgeCapSeconds: 86400,
  negativeMaxAge: 'zero',
  invalidMaxAge: 'zero',
  // nsPreflightCache: one CORSCacheEntry per (requesting principal, URL, credentials) holding a token
  // list of methods and of header names, each with its own expiry, merged across preflights (the spec's model).
  preflightCache: 'merge-per-name',
  preflightCacheKeyOrigin: 'initiator',
  // AD-HOC: `GetPrefLightCacheKey(uri, withCredentials, ...)`: a credentialed result never serves a plain request.
  preflightCacheKeyIncludesCredentials: true,
  // AD-HOC: `CORSCacheEntry::CheckRequest` compares names literally: a cached `*` covers nothing.
  preflightCacheHonoursWildcard: false,
  // nsCORSListenerProxy::OnStartRequest / AsyncOnChannelRedirect: a response that fails the CORS check
  // removes the URL's entries (`RemoveEntries`), as the spec's "clear cache entries" does.
  clearsPreflightCacheOnCorsFailure: true,
  // AD-HOC: StartCORSPreflight skips the cache for LOAD_BYPASS_CACHE only, which `no-store` and `reload`
  // set; `no-cache` (VALIDATE_ALWAYS) still uses it.
  preflightCacheBypassModes: ['no-store', 'reload'],
  // AddResultToCache stores whatever the load flags.
  preflightCacheNotStoredModes: [],
  cookies: {
    // netwerk/cookie: pref network.cookie.sameSite.laxByDefault is false: no SameSite behaves as None.
    defaultSameSite: 'None',
    // CookieService.cpp / CookieCommons.cpp: an explicit Lax or Strict cookie from a cross-site response is
    // rejected ("rejected because it is in a cross-site context and its SameSite is Lax or Strict").
    refusesCrossSiteSetOf: ['Strict', 'Lax'],
    // pref network.cookie.sameSite.noneRequiresSecure.
    noneRequiresSecure: true,
    // nsMixedContentBlocker::IsPotentiallyTrustworthyOrigin: localhost names are secure for Secure cookies.
    secureUrls: 'trustworthy',
    sameSiteConsidersRedirectChain: true,
    // As the verifier launches it (network.cookie.cookieBehavior 0).
    thirdPartyCookies: 'allowed',
    honoursPartitioned: true,
    enforcesNamePrefixes: true,
    partitionedRequiresSecure: false,
    sources: {
      defaultSameSite: 'Firefox: network.cookie.sameSite.laxByDefault is false (no SameSite = None)',
      noneRequiresSecure: 'Firefox: network.cookie.sameSite.noneRequiresSecure',
    },
  },
  consoleText: (messages) => messages.firefox?.text ?? null,
  adHocSources: {
    authorizationCoveredByWildcard: 'Firefox: pref network.cors_preflight.authorization_covered_by_wildcard (nsCORSListenerProxy.cpp), with a console warning',
    preflightAfterRedirect: 'Firefox: the redirected channel keeps mRequireCORSPreflight (HttpBaseChannel.cpp SetupReplacementChannel) and is preflighted again',
    preflightCacheBypass: 'Firefox: LOAD_BYPASS_CACHE (cache reload / no-store) skips the preflight cache (nsCORSListenerProxy.cpp StartCORSPreflight)',
  },
};
