// WebKit (WebKitGTK 2.50, the engine the differential verifier runs). Each value names the WebKit source
// it comes from (WebKit/WebKit, Source/WebCore/loader/) and was checked against the real engine with
// `pnpm verify --browser webkit` (apps/web/verify). WebKitWebDriver exposes no console, so the console
// texts (src/console/webkit.ts) are not checked.
import { isSimpleRangeHeaderValue } from '../fetch/request-headers';
import type { BrowserProfile } from './profile';

/**
 * AD-HOC: Source/WebCore/platform/network/HTTPParsers.cpp `parseRange` compares the unit with
 * `startsWithLettersIgnoringASCIICase(range, "bytes")`, so `Range: BYTES=0-1` is safelisted (no
 * preflight), where the spec's simple range header value needs `bytes=` exactly [engine-range-uppercase-unit].
 * True only where the spec says no.
 */
function webkitExtraSafelistedRequestHeader(lowerName: string, value: string): boolean {
  return lowerName === 'range' && !isSimpleRangeHeaderValue(value) && /^bytes=/i.test(value) && isSimpleRangeHeaderValue(`bytes=${value.slice('bytes='.length)}`);
}

export const webkitProfile: BrowserProfile = {
  browser: 'webkit',
  label: 'WebKit',
  // No client hints or other extra safelisted names (CrossOriginAccessControl.cpp
  // `isCrossOriginSafeRequestHeader`); a Range unit in any case (above).
  extraSafelistedRequestHeader: webkitExtraSafelistedRequestHeader,
  corsUnsafeNamesFrom: 'combined',
  dedupesAccessControlRequestHeaders: true,
  singletonRequestHeaders: [],
  lowerCasesRangeUnit: false,
  uploadSendsFirstContentType: false,
  // Source/WebCore/xml/XMLHttpRequest.cpp (`m_uploadListenerFlag` → PreflightPolicy::Force), as the XHR
  // spec says: an upload listener forces a preflight even on a GET without a body.
  uploadListenerPreflightNeedsBody: false,
  safelistTotalLimit: true,
  // AD-HOC: Source/WebKit/NetworkProcess/NetworkLoadChecker.cpp `checkCORSRequest` preflights whenever
  // `m_isSimpleRequest` is false, which the first preflight set for the whole load; the preflight lists
  // `m_originalRequestHeaders` (`Access-Control-Request-Headers: authorization` after a redirect that
  // removed it) [engine-redirect-303-put-second-preflight, engine-redirect-authorization-stripped-second-preflight].
  preflightAfterRedirect: 'again-original-names',
  allowOriginFailureClassification: 'value',
  preflightRedirectCorsCheckedFirst: false,
  // AD-HOC: CrossOriginPreflightResultCache.cpp `validateCrossOriginHeaders`: a `*` in
  // Access-Control-Allow-Headers (non-credentialed) covers every name, `Authorization` included.
  wildcardCoversAuthorization: true,
  reportsLastMissingHeader: false,
  // CrossOriginPreflightResultCache.cpp: `parseAccessControlMaxAge` (an integer, else the 5 s default:
  // `abc`, `10.5`), capped at 600 s; a negative age is already expired.
  maxAgeCapSeconds: 600,
  negativeMaxAge: 'zero',
  invalidMaxAge: 'default',
  // AD-HOC: CrossOriginPreflightResultCache.cpp keeps one item per (session, ClientOrigin, URL):
  // `appendEntry` replaces it, `canSkipPreflight` removes an item that does not allow the request.
  preflightCache: 'replace-per-url',
  preflightCacheKeyOrigin: 'initiator',
  preflightCacheKeyIncludesCredentials: false,
  preflightCacheHonoursWildcard: true,
  clearsPreflightCacheOnCorsFailure: false,
  // AD-HOC: DocumentThreadableLoader.cpp / NetworkLoadChecker.cpp `checkCORSRequestWithPreflight` consult
  // `canSkipPreflight` whatever the request's cache mode: no mode bypasses the preflight cache.
  preflightCacheBypassModes: [],
  // `appendEntry` stores whatever the request's cache mode.
  preflightCacheNotStoredModes: [],
  cookies: {
    // WebCore/platform/network/CookieJar / NetworkStorageSession: no Lax-by-default; no SameSite = None.
    defaultSameSite: 'None',
    refusesCrossSiteSetOf: ['Strict', 'Lax'],
    noneRequiresSecure: false,
    // AD-HOC: WebKitGTK (libsoup) stores no Secure cookie from http://*.localhost (shared/RECIPE.md).
    secureUrls: 'https',
    sameSiteConsidersRedirectChain: true,
    // As the verifier launches it (MiniBrowser --cookies-policy=always).
    thirdPartyCookies: 'allowed',
    honoursPartitioned: false,
    enforcesNamePrefixes: false,
    partitionedRequiresSecure: false,
    sources: {
      namePrefixes: 'WebKitGTK: a `__Secure-` cookie without Secure is stored and sent (observed in WebKitGTK 2.50; libsoup does not check name prefixes)',
      defaultSameSite: 'WebKit: no SameSite means None (no Lax by default)',
      secureUrls: 'WebKitGTK: libsoup stores no Secure cookie from an http:// URL, http://*.localhost included',
    },
  },
  consoleText: (messages) => messages.webkit,
  adHocSources: {
    extraSafelistedRequestHeader: 'WebKit: Source/WebCore/platform/network/HTTPParsers.cpp parseRange compares the `bytes` unit ignoring ASCII case',
    preflightAfterRedirect: 'WebKit: NetworkLoadChecker.cpp checkCORSRequest preflights again once m_isSimpleRequest is false, with the original request headers',
    authorizationCoveredByWildcard: 'WebKit: CrossOriginPreflightResultCache.cpp validateCrossOriginHeaders lets `*` cover every name',
    preflightCacheErase: 'WebKit: CrossOriginPreflightResultCache.cpp canSkipPreflight removes an item that does not allow the request',
  },
};
