// Chromium 156 (Debian build, the engine the tests verify).
import type { BrowserProfile } from './profile';

// AD-HOC: Chromium safelists client hints and `Intervention` beyond the spec
// (services/network/public/cpp/cors/cors.cc, IsCorsSafelistedHeader). Value rules are Chromium's ABNFs.
function chromiumExtraSafelistedRequestHeader(lowerName: string, value: string): boolean {
  switch (lowerName) {
    case 'intervention':
      return true;
    case 'dpr':
    case 'downlink':
      return /^\d+(\.\d+)?$/.test(value) || /^\.\d+$/.test(value);
    case 'device-memory':
      return /^\d+(\.\d+)?$/.test(value);
    case 'width':
    case 'viewport-width':
    case 'rtt':
      return /^\d+$/.test(value);
    case 'ect':
      return ['slow-2g', '2g', '3g', '4g'].includes(value);
    case 'save-data':
      return value === 'on';
    default:
      return false;
  }
}

export const chromiumProfile: BrowserProfile = {
  browser: 'chromium',
  label: 'Chromium',
  extraSafelistedRequestHeader: chromiumExtraSafelistedRequestHeader,
  corsUnsafeNamesFrom: 'combined',
  dedupesAccessControlRequestHeaders: true,
  // AD-HOC: Blink hands the network one line per name, values joined with ", "
  // (third_party/blink/renderer/core/fetch/headers.cc), whatever the name.
  singletonRequestHeaders: [],
  // AD-HOC: observed in Chromium 156: `Range: BYTES=0-1` reaches the server as `bytes=0-1` (the network
  // stack parses the range, net/http/http_util.cc `ParseRangeHeader` ignores the unit's case, and the
  // HTTP cache writes the parsed range back) [engine-range-uppercase-unit].
  lowerCasesRangeUnit: true,
  uploadSendsFirstContentType: false,
  // AD-HOC: third_party/blink/renderer/core/xmlhttprequest/xml_http_request.cc only sets the forced
  // preflight when there is a body to upload (the XHR spec: whenever an upload listener is registered).
  uploadListenerPreflightNeedsBody: true,
  safelistTotalLimit: true,
  // services/network/cors/cors_url_loader.cc decides each hop's preflight afresh, as the spec.
  preflightAfterRedirect: 'when-needed',
  // AD-HOC: services/network/public/cpp/cors/cors.cc `CheckAccess` classifies the failed value.
  allowOriginFailureClassification: 'value',
  // AD-HOC: services/network/cors/preflight_controller.cc `HandleRedirect` refuses a redirected
  // preflight before any other check (kPreflightDisallowedRedirect).
  preflightRedirectCorsCheckedFirst: false,
  // AD-HOC: feature CorsNonWildcardRequestHeadersSupport is disabled by default
  // (services/network/public/cpp/features.cc; crbug.com/1176753): `Access-Control-Allow-Headers: *` still
  // covers `Authorization` and Chromium only raises the DevTools deprecation issue.
  wildcardCoversAuthorization: true,
  // AD-HOC: services/network/cors/preflight_result.cc reports the last missing header name (observed in 156).
  reportsLastMissingHeader: true,
  // AD-HOC: services/network/cors/preflight_result.cc caps max-age at 2 hours; an unparsable value
  // gets the 5 s default.
  maxAgeCapSeconds: 7200,
  negativeMaxAge: 'zero',
  invalidMaxAge: 'default',
  // AD-HOC: services/network/cors/preflight_cache.cc keeps one result per (initiator origin, URL,
  // network isolation key), replaced by each new preflight, erased when it does not cover a request,
  // and kept when the actual response then fails the CORS check.
  preflightCache: 'replace-per-url',
  preflightCacheKeyOrigin: 'initiator',
  preflightCacheKeyIncludesCredentials: false,
  preflightCacheHonoursWildcard: true,
  clearsPreflightCacheOnCorsFailure: false,
  // AD-HOC: cors_url_loader.cc / preflight_controller.cc skip the cache for requests with cache load
  // flags (fetch `cache: 'no-cache' | 'reload' | 'no-store'`).
  preflightCacheBypassModes: ['no-cache', 'reload', 'no-store'],
  // The result of a `no-store` request's preflight is not stored either.
  preflightCacheNotStoredModes: ['no-store'],
  cookies: {
    // net/cookies/cookie_util.cc + features kSameSiteByDefaultCookies (launched in Chrome 80): no SameSite = Lax.
    defaultSameSite: 'Lax',
    // net/cookies/canonical_cookie.cc `IsSetPermittedInContext`: EXCLUDE_SAMESITE_STRICT / _LAX /
    // _UNSPECIFIED_TREATED_AS_LAX for a cookie set by a cross-site response (RFC 6265bis 5.7 step 15).
    refusesCrossSiteSetOf: ['Strict', 'Lax', 'Default'],
    // kCookiesWithoutSameSiteMustBeSecure: EXCLUDE_SAMESITE_NONE_INSECURE.
    noneRequiresSecure: true,
    // net/cookies/cookie_util.cc: a potentially trustworthy URL (http://*.localhost included) is a secure source.
    secureUrls: 'trustworthy',
    // net/cookies/cookie_util.cc `ComputeSameSiteContextForRequest` (kCookieSameSiteConsidersRedirectChain).
    sameSiteConsidersRedirectChain: true,
    // As the verifier launches it (scripts/chromium.ts: cookie_controls_mode 0), like default desktop Chrome.
    thirdPartyCookies: 'allowed',
    // CHIPS (net/cookies/cookie_partition_key.cc); canonical_cookie.cc refuses Partitioned without Secure.
    honoursPartitioned: true,
    enforcesNamePrefixes: true,
    partitionedRequiresSecure: true,
    sources: {
      defaultSameSite: 'Chromium: SameSite=Lax by default (net/cookies/cookie_util.cc, kSameSiteByDefaultCookies)',
      refusesCrossSiteSet: 'Chromium: canonical_cookie.cc IsSetPermittedInContext (EXCLUDE_SAMESITE_UNSPECIFIED_TREATED_AS_LAX)',
      noneRequiresSecure: 'Chromium: EXCLUDE_SAMESITE_NONE_INSECURE (kCookiesWithoutSameSiteMustBeSecure)',
      partitioned: 'Chromium: CHIPS requires Secure (canonical_cookie.cc)',
    },
  },
  consoleText: (messages) => messages.chromium,
  adHocSources: {
    extraSafelistedRequestHeader: 'Chromium: services/network/public/cpp/cors/cors.cc IsCorsSafelistedHeader',
    authorizationCoveredByWildcard: 'Chromium: feature CorsNonWildcardRequestHeadersSupport is disabled (services/network/public/cpp/features.cc)',
    preflightCacheErase: 'Chromium: services/network/cors/preflight_cache.cc erases an entry that does not cover the request',
    preflightCacheBypass: 'Chromium: the request cache mode skips the preflight cache (cors_url_loader.cc)',
  },
};
