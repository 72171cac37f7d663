// A browser profile: where an engine departs from the Fetch standard, as data. The spec code asks the
// profile at each point where engines differ; nothing else in the core knows engine names.
import type { ConsoleMessages } from '../console/index';
import type { Engine } from '../scenario/schema';
import type { ExtraSafelist } from '../fetch/request-headers';
import type { CookieProfile } from '../cookies/profile';

export interface BrowserProfile {
  browser: Engine;
  /** Shown in explanations, e.g. "Chromium 156". */
  label: string;

  // --- The request headers -------------------------------------------------------------------------
  /** Request headers the engine safelists beyond the spec (none per spec). */
  extraSafelistedRequestHeader: ExtraSafelist | undefined;
  /**
   * Which header list the CORS-unsafe request-header names are computed from: 'combined' (the spec's
   * header list, a repeated name is one header with its values joined by ", ") or 'each-append' (every
   * `append()`/`setRequestHeader()` call checked on its own value).
   */
  corsUnsafeNamesFrom: 'combined' | 'each-append';
  /** `Access-Control-Request-Headers` lists each name once (the spec's sorted-lowercase *set*) or once per header that carries it. */
  dedupesAccessControlRequestHeaders: boolean;
  /** Lower-case request-header names of which a repeated header reaches the server once, with the last value. */
  singletonRequestHeaders: readonly string[];
  /** A `Range` value with the `bytes` unit in another case reaches the server with `bytes=` (the rest kept). */
  lowerCasesRangeUnit: boolean;
  /** With a body, the request's first `Content-Type` value is the one sent (the upload stream's type). */
  uploadSendsFirstContentType: boolean;
  /** XHR: an upload listener forces a preflight only when the request has a body (the XHR spec: always). */
  uploadListenerPreflightNeedsBody: boolean;
  /**
   * Whether the CORS-unsafe request-header names include every safelisted header once their values
   * together exceed 1024 bytes (the spec's step 5); false: each header is judged on its own value only.
   */
  safelistTotalLimit: boolean;
  /**
   * After a redirect, a request that needed a preflight at an earlier hop: 'when-needed' (the spec: the
   * redirected request is judged afresh), or preflighted again even when it no longer needs one, listing
   * the redirected request's CORS-unsafe names ('again-current-names') or the first request's
   * ('again-original-names').
   */
  preflightAfterRedirect: 'when-needed' | 'again-current-names' | 'again-original-names';

  // --- The CORS check and the preflight ------------------------------------------------------------
  /**
   * How a failed `Access-Control-Allow-Origin` check is classified: 'value' (a space or comma in the
   * combined value means "multiple values", a value that is not an origin "invalid value", the rest a
   * mismatch) or 'header-lines' (more than one `Access-Control-Allow-Origin` line means "multiple"; any
   * other value that is not the origin is a mismatch).
   */
  allowOriginFailureClassification: 'value' | 'header-lines';
  /** A preflight answered with a redirect is CORS-checked first (its ACAO failure is what is reported). */
  preflightRedirectCorsCheckedFirst: boolean;
  /** `Access-Control-Allow-Headers: *` also covers `Authorization` for a non-credentialed request. */
  wildcardCoversAuthorization: boolean;
  /** Which missing name a failed Access-Control-Allow-Headers check reports: the last in sorted order (Chromium) or the first. */
  reportsLastMissingHeader: boolean;

  // --- The preflight cache -------------------------------------------------------------------------
  /** Upper bound on `Access-Control-Max-Age`, in seconds. */
  maxAgeCapSeconds: number;
  /** What a negative `Access-Control-Max-Age` means: 'zero' (not reusable) or 'default' (5 s). */
  negativeMaxAge: 'zero' | 'default';
  /** What an `Access-Control-Max-Age` that is not digits (`abc`, `10.5`) means: 'default' (5 s) or 'zero' (not cached). */
  invalidMaxAge: 'default' | 'zero';
  /**
   * The preflight cache: 'merge-per-name' = the spec's one entry per method and per header name, a new
   * preflight adding to (and refreshing) what is cached; 'replace-per-url' = one result per URL, replaced
   * by each new preflight and erased when it does not cover a request.
   */
  preflightCache: 'merge-per-name' | 'replace-per-url';
  /** Which origin keys the cache: the request's serialized origin ('null' once tainted, the spec) or the document's (initiator). */
  preflightCacheKeyOrigin: 'request-origin' | 'initiator';
  /** Credentialed and non-credentialed results live under different keys (a credentialed result then never serves a plain request). */
  preflightCacheKeyIncludesCredentials: boolean;
  /** A cached `*` (methods, header names) covers a non-credentialed request, as in the spec; false: `*` is kept as a literal name. */
  preflightCacheHonoursWildcard: boolean;
  /** The cached result for the URL is removed when the actual response (or a redirect) then fails the CORS check. */
  clearsPreflightCacheOnCorsFailure: boolean;
  /** Request cache modes that make the engine skip the preflight cache (always preflight). */
  preflightCacheBypassModes: readonly string[];
  /** Request cache modes whose preflight result is not stored in the preflight cache. */
  preflightCacheNotStoredModes: readonly string[];

  // --- Cookies --------------------------------------------------------------------------------------
  /** How the engine stores and sends cookies (src/cookies). */
  cookies: CookieProfile;
  /** Which of the console texts computed for a run (every engine's) this browser prints. */
  consoleText: (messages: ConsoleMessages) => string | null;
  /** The engine source behind a deviation, shown with the step it decided (`AD-HOC`). */
  adHocSources: AdHocSources;
}

export interface AdHocSources {
  extraSafelistedRequestHeader?: string;
  authorizationCoveredByWildcard?: string;
  preflightCacheErase?: string;
  preflightCacheBypass?: string;
  preflightAfterRedirect?: string;
}
