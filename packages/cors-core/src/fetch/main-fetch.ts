// https://fetch.spec.whatwg.org/#concept-main-fetch : the whole simulation of one request of a scenario,
// from `fetch()` / `XMLHttpRequest` to what script sees, hop by hop through the scenario's routes.
import type { BrowserProfile } from '../browsers/profile';
import { deploymentOrigins, type Origins } from '../scenario/placeholders';
import { RunCookies, type ScenarioCookies } from '../cookies/fetch-cookies';
import type { Outcome, Scenario, ScenarioRequest } from '../scenario/schema';
import { corsCheck, type CredentialsMode } from './cors-check';
import { preflightFlavour, type Decision, type Fact, type FailureKind, type Verdict } from './decision';
import { combineHeaderList, getHeader, type HeaderLines } from './header-list';
import { memoizeByString } from './memo';
import { isCorsSafelistedMethod } from './methods';
import { echoServerAnswer, type ServerAnswer } from './network';
import { checkPreflightAnswer, corsPreflightRequestHeaders, isRedirectStatus } from './preflight';
import type { PreflightCache } from './preflight-cache';
import { MAX_REDIRECTS, redirectMethodRewrite, redirectTaintsOrigin, removeAuthorizationOnCrossOriginRedirect, removeRequestBodyHeaders } from './redirects';
import { corsUnsafeRequestHeaderNamesWithReasons } from './request-headers';
import { readableHeaders, type ResponseTainting } from './response-exposure';
import { includesCredentials, isHttpScheme, parseUrl, serializeOrigin, serializeUrl, type ParsedUrl } from './urls';
import { constructRequest } from './request-construction';

export interface PredictedRequest {
  run: number;
  hop: number;
  kind: 'preflight' | 'actual';
  method: string;
  /** Logical URL (no wire prefix, no credentials). */
  url: string;
  /** The CORS-relevant headers: Origin, Access-Control-Request-*, and the page's non-forbidden headers. */
  headers: [string, string][];
  /** The status of the echo server's answer. */
  status: number;
  routeKey: string | null;
  /** Headers the browser adds that a server also sees and that can be predicted: Host, and Referer when cross-origin. */
  browserHeaders: [string, string][];
}

export interface FetchFailure {
  kind: FailureKind;
  /** The failed parameter (Chromium's "hint"): a header value, a method, a header name. */
  value: string;
  hop: number;
  /** Logical URL of the request that failed, and of the first request. */
  lastUrl: string;
  initialUrl: string;
  /** Whether the failure is about the preflight. */
  duringPreflight: boolean;
  /** Status of the last answer received, or null when none. */
  status: number | null;
  /** The response tainting when it failed (set once the request went through main fetch): 'cors' = a CORS request. */
  responseTainting?: ResponseTainting;
}

export interface RunSimulation {
  run: number;
  api: 'fetch' | 'xhr';
  /** The page's origin as the console prints it ('null' for a sandboxed frame). */
  documentOrigin: string;
  /** The URL of the document that sends the request (the runner page in the scenario's frame). */
  documentUrl: string;
  outcome: Outcome;
  status: number;
  responseTainting: ResponseTainting | null;
  /** Headers of the last answer the browser received, or null when nothing was sent. */
  finalAnswerHeaders: [string, string][] | null;
  readable: Record<string, string | null>;
  requests: PredictedRequest[];
  decisions: Decision[];
  failure: FetchFailure | null;
  /** Request-header names `setRequestHeader()` refused (XHR): Chromium logs them. */
  refusedHeaders: string[];
  /** Chromium let `Access-Control-Allow-Headers: *` cover `Authorization` (a DevTools deprecation issue). */
  authorizationCoveredByWildcard: boolean;
}

export interface SimulationContext {
  scenario: Scenario;
  origins: Origins;
  /** The serialized origins the echo server serves (page, api, other), from `ownOriginsOf(origins)`. */
  ownOrigins: OwnOrigins;
  profile: BrowserProfile;
  cache: PreflightCache;
  /** Milliseconds since the first run started; advanced by each answer's delay. */
  clock: { now: number };
  /** The cookie jar across the runs (src/cookies); none: cookies are not simulated. */
  cookies?: ScenarioCookies;
}

export interface OwnOrigins {
  page: string;
  all: readonly string[];
}

/** The serialized origin of a configured origin, or the text itself when it does not parse. */
const serializedOriginOf = memoizeByString((origin) => {
  const parsed = parseUrl(origin);
  return parsed ? serializeOrigin(parsed) : origin;
});

export function ownOriginsOf(origins: Origins): OwnOrigins {
  return { page: serializedOriginOf(origins.page), all: deploymentOrigins(origins).map(serializedOriginOf) };
}

/** The request of run `run`: `request` with `runRequests[run]` merged over it. */
export function effectiveRequest(scenario: Scenario, run: number): ScenarioRequest {
  const override = scenario.runRequests?.[run];
  if (!override) return scenario.request;
  const merged: Record<string, unknown> = { ...scenario.request };
  for (const [key, value] of Object.entries(override)) if (value !== undefined) merged[key] = value;
  return merged as ScenarioRequest;
}

/** The document's origin: a serialized origin, or 'null' for a sandboxed frame. */
export const documentOriginOf = memoizeByString((page: string): string => {
  if (page === 'null') return 'null';
  const parsed = parseUrl(page);
  return parsed ? serializeOrigin(parsed) : 'null';
});

/** The runner page's URL, which relative request URLs resolve against: `runner.html` on the page's origin. */
const runnerPageUrlOf = memoizeByString((pageOrigin) => parseUrl(`${pageOrigin}/runner.html`));

function logicalUrl(url: ParsedUrl): string {
  return serializeUrl(url, { excludeCredentials: true });
}

function lowerMap(headers: HeaderLines): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    out[lower] = out[lower] === undefined ? value : `${out[lower]}, ${value}`;
  }
  return out;
}

export function simulateRun(context: SimulationContext, run: number): RunSimulation {
  const { scenario, origins, ownOrigins, profile, cache, clock } = context;
  const request = effectiveRequest(scenario, run);
  const api = request.api;
  const apiName = api === 'xhr' ? 'XMLHttpRequest' : 'fetch()';
  const decisions: Decision[] = [];
  const requests: PredictedRequest[] = [];
  const refusedHeaders: string[] = [];
  let authorizationCoveredByWildcard = false;
  let hop = 0;
  const note = (algorithm: string, anchor: string, verdict: Verdict, code: string, facts: Record<string, Fact> = {}, adHoc?: string) => {
    const decision: Decision = { run, hop, algorithm, anchor, verdict, code, facts };
    if (adHoc) decision.adHoc = adHoc;
    decisions.push(decision);
  };
  const documentOrigin = documentOriginOf(scenario.page);
  // A sandboxed runner is loaded from the page origin; relative URLs resolve against the runner page.
  const base = runnerPageUrlOf(scenario.page === 'null' ? origins.page : scenario.page);
  const documentUrl = base ? serializeUrl(base) : `${scenario.page}/runner.html`;
  const initialText = request.url;
  let finalAnswerHeaders: [string, string][] | null = null;

  const result = (outcome: Outcome, status: number, tainting: ResponseTainting | null, failure: FetchFailure | null): RunSimulation => {
    const readable = readableHeaders(outcome === 'ok' ? tainting : null, finalAnswerHeaders ?? [], credentialsMode);
    return { run, api, documentOrigin, documentUrl, outcome, status, responseTainting: tainting, finalAnswerHeaders, readable, requests, decisions, failure, refusedHeaders, authorizationCoveredByWildcard };
  };
  // fetch(): https://fetch.spec.whatwg.org/#dom-request ; XHR: https://xhr.spec.whatwg.org/#the-send()-method
  const credentialsMode: CredentialsMode = api === 'xhr' ? (request.credentials === 'include' ? 'include' : 'same-origin') : request.credentials;
  const mode = api === 'xhr' ? 'cors' : request.mode;
  const redirectMode = api === 'xhr' ? 'follow' : (request.redirect ?? 'follow');
  const constructed = constructRequest(request, base, mode, profile, { note, refusedHeaders });
  if (!constructed.ok) {
    const { kind, value, algorithm, anchor, code, facts } = constructed.refusal;
    note(algorithm, anchor, 'fail', code, { api: apiName, ...facts });
    return result('throws-before-send', 0, null, { kind, value, hop, lastUrl: initialText, initialUrl: initialText, duringPreflight: false, status: null });
  }
  const { useCorsPreflightFlag, body } = constructed.request;
  const runCookies = context.cookies ? new RunCookies(context.cookies, documentOrigin, credentialsMode, note) : undefined;
  let { url, method, appended, headers } = constructed.request;
  const initialUrl = logicalUrl(url);

  let tainting: ResponseTainting = 'basic';
  let tainted = false;
  let redirectCount = 0;

  const fail = (kind: FailureKind, value: string, duringPreflight: boolean): RunSimulation =>
    result(requests.length > 0 ? 'network-error' : 'throws-before-send', 0, null, { kind, value, hop, lastUrl: logicalUrl(url), initialUrl, duringPreflight, status: requests.at(-1)?.status ?? null, responseTainting: tainting });
  const send = (kind: 'preflight' | 'actual', wireHeaders: [string, string][], sentMethod: string): ServerAnswer => {
    const browserHeaders: [string, string][] = [['Host', `${url.host}${url.port ? `:${url.port}` : ''}`]];
    // https://w3c.github.io/webappsec-referrer-policy/#referrer-policy-strict-origin-when-cross-origin (the
    // default policy): a cross-origin request carries the document's origin followed by "/". The
    // same-origin referrer is the runner page's full URL, which the scenario does not know.
    // A sandboxed (opaque-origin) frame sends no Referer at all in Chromium 156 (observed by the corpus's
    // null-* scenarios), so none is predicted for it.
    if (documentOrigin !== 'null' && serializeOrigin(url) !== documentOrigin) browserHeaders.push(['Referer', `${documentOrigin}/`]);
    const cookie = runCookies?.request(kind, url, tainting, clock.now) ?? null;
    if (cookie !== null) browserHeaders.push(['Cookie', cookie]);
    const answer = echoServerAnswer(scenario.server.routes, url, sentMethod, kind, [...wireHeaders, ...browserHeaders], ownOrigins.all);
    runCookies?.response(kind, url, tainting, answer.headers, clock.now);
    requests.push({ run, hop, kind, method: sentMethod, url: logicalUrl(url), headers: wireHeaders, status: answer.status, routeKey: answer.routeKey, browserHeaders });
    clock.now += answer.delayMs + 1;
    finalAnswerHeaders = answer.headers;
    return answer;
  };

  for (;;) {
    const currentOrigin = serializeOrigin(url);
    const currentUrl = logicalUrl(url);
    const serializedOrigin = tainted ? 'null' : documentOrigin;
    // https://fetch.spec.whatwg.org/#concept-main-fetch step 12: pick basic, opaque or CORS.
    if (documentOrigin !== 'null' && currentOrigin === documentOrigin && tainting === 'basic') {
      note('main fetch', '#concept-main-fetch', 'info', 'same-origin', { url: currentUrl, origin: documentOrigin, api: apiName });
    } else if (mode === 'same-origin') {
      note('main fetch', '#concept-main-fetch', 'fail', 'same-origin-mode', { url: currentUrl, origin: documentOrigin });
      return fail('DisallowedByMode', '', false);
    } else if (mode === 'no-cors') {
      if (redirectMode !== 'follow') {
        note('main fetch', '#concept-main-fetch', 'fail', 'no-cors-redirect-mode', { redirect: redirectMode });
        return fail('NoCorsRedirectMode', redirectMode, false);
      }
      tainting = 'opaque';
      note('main fetch', '#concept-main-fetch', 'info', 'no-cors', { url: currentUrl, origin: documentOrigin });
    } else if (!isHttpScheme(url)) {
      note('main fetch', '#concept-main-fetch', 'fail', 'scheme-not-http', { url: currentUrl, scheme: url.scheme });
      return fail('CorsDisabledScheme', url.scheme, false);
    } else {
      // "Set request's response tainting to "cors"." Sticky: once CORS, every later hop is CORS.
      const wasCors = tainting === 'cors';
      tainting = 'cors';
      note('main fetch', '#concept-main-fetch', 'info', wasCors ? 'cors-sticky' : 'cross-origin', { url: currentUrl, origin: serializedOrigin, documentOrigin, api: apiName, tainted });
    }

    if (!ownOrigins.all.includes(currentOrigin)) {
      note('main fetch', '#concept-main-fetch', 'fail', 'unreachable-host', { url: currentUrl });
      return fail('InvalidUrl', currentUrl, false);
    }

    // https://fetch.spec.whatwg.org/#concept-http-fetch step 4.1: is a CORS-preflight fetch needed?
    if (tainting === 'cors') {
      // AD-HOC (Firefox): each appended header is checked on its own (profile `corsUnsafeNamesFrom`), and
      // the names keep their duplicates (profile `dedupesAccessControlRequestHeaders`).
      const unsafe = corsUnsafeRequestHeaderNamesWithReasons(
        profile.corsUnsafeNamesFrom === 'each-append' ? appended : headers,
        profile.extraSafelistedRequestHeader,
        !profile.dedupesAccessControlRequestHeaders,
      );
      const methodUnsafe = !isCorsSafelistedMethod(method);
      const needs = useCorsPreflightFlag || methodUnsafe || unsafe.names.length > 0;
      const extras = headers.filter(([name, value]) => profile.extraSafelistedRequestHeader?.(name.toLowerCase(), value)).map(([name]) => name.toLowerCase());
      note('HTTP fetch', '#concept-http-fetch', 'info', needs ? 'preflight-needed' : 'preflight-not-needed', {
        method, methodUnsafe, unsafeNames: unsafe.names, reasons: unsafe.reasons.map((r) => `${r.name}:${r.reason}`), forced: useCorsPreflightFlag, safelistValueSize: unsafe.safelistValueSize,
      });
      if (extras.length > 0) note('CORS-safelisted request-header', '#cors-safelisted-request-header', 'info', 'browser-extra-safelisted', { names: extras }, profile.adHocSources.extraSafelistedRequestHeader);
      if (needs) {
        const cacheRequest = { serializedOrigin, initiatorOrigin: documentOrigin, url: currentUrl, credentialsMode, method, unsafeNames: unsafe.names, now: clock.now };
        const lookup = cache.lookup(cacheRequest, request.cache);
        if (lookup.hit) {
          note('CORS-preflight cache', '#concept-cache-match', 'pass', 'preflight-cache-hit', { url: currentUrl, remainingMs: lookup.expiresAt - clock.now });
        } else {
          if (lookup.reason !== 'empty' || run > 0) {
            note('CORS-preflight cache', '#concept-cache-match', 'info', `preflight-cache-${lookup.reason}`, { erased: lookup.erased, cacheMode: request.cache ?? null },
              lookup.reason === 'insufficient' && lookup.erased ? profile.adHocSources.preflightCacheErase : lookup.reason === 'bypassed' ? profile.adHocSources.preflightCacheBypass : undefined);
          }
          const preflightHeaders = corsPreflightRequestHeaders(serializedOrigin, method, unsafe.names);
          note('CORS-preflight fetch', '#cors-preflight-fetch-0', 'info', 'preflight-sent', { url: currentUrl, method, requestHeaders: unsafe.names.join(','), origin: serializedOrigin });
          const answer = send('preflight', preflightHeaders, 'OPTIONS');
          // AD-HOC: a preflight answered with a redirect fails before any other check
          // (services/network/cors/preflight_controller.cc `HandleRedirect` → kPreflightDisallowedRedirect);
          // Firefox first CORS-checks the redirect response (profile `preflightRedirectCorsCheckedFirst`).
          if (isRedirectStatus(answer.status) && getHeader(answer.headers, 'Location') !== null) {
            if (profile.preflightRedirectCorsCheckedFirst) {
              const check = corsCheck(serializedOrigin, credentialsMode, answer.headers, profile.allowOriginFailureClassification);
              if (check.result === 'failure') {
                note('CORS-preflight fetch', '#concept-cors-check', 'fail', `preflight-${check.code}`, check.facts);
                return fail(preflightFlavour(check.error), check.value, true);
              }
            }
            note('CORS-preflight fetch', '#cors-preflight-fetch-0', 'fail', 'preflight-redirected', { status: answer.status, location: getHeader(answer.headers, 'Location') });
            return fail('PreflightDisallowedRedirect', '', true);
          }
          const outcome = checkPreflightAnswer(
            { serializedOrigin, credentialsMode, method, unsafeNames: unsafe.names, headerNames: headers.map(([name]) => name.toLowerCase()), useCorsPreflightFlag },
            answer.status,
            answer.headers,
            profile,
          );
          for (const check of outcome.checks) note('CORS-preflight fetch', check.anchor, check.verdict, check.code, check.facts, check.adHoc);
          if (!outcome.ok) return fail(outcome.error, outcome.value, true);
          if (outcome.authorizationByWildcard) authorizationCoveredByWildcard = true;
          const stored = cache.store(cacheRequest, outcome, request.cache);
          note('CORS-preflight cache', '#concept-cache', 'info', stored ? 'preflight-cache-stored' : 'preflight-cache-not-stored', { seconds: outcome.maxAgeSeconds, cacheMode: request.cache ?? null });
        }
      }
    }

    // The request itself. https://fetch.spec.whatwg.org/#append-a-request-origin-header: "If request's
    // response tainting is "cors" or request's mode is "websocket", then append (`Origin`,
    // serializedOrigin). Otherwise, if request's method is neither `GET` nor `HEAD`, then ... append."
    const wireHeaders: [string, string][] = [];
    if (tainting === 'cors' || (method !== 'GET' && method !== 'HEAD')) wireHeaders.push(['Origin', serializedOrigin]);
    // AD-HOC (Firefox): a repeated singleton header (Content-Type...) reaches the server once, with its
    // last value (profile `singletonRequestHeaders`).
    wireHeaders.push(...(profile.singletonRequestHeaders.length > 0 ? firefoxWireHeaders(appended, profile, body !== null && method !== 'GET' && method !== 'HEAD') : headers));
    const answer = send('actual', wireHeaders, method);
    const location = getHeader(answer.headers, 'Location');
    const isRedirect = isRedirectStatus(answer.status) && location !== null;
    note('HTTP-network fetch', '#concept-http-network-fetch', 'info', 'answer', { url: currentUrl, method, status: answer.status, routeKey: answer.routeKey, serverNote: answer.note, redirect: isRedirect });

    // https://fetch.spec.whatwg.org/#concept-http-fetch step 4.3 (redirects included):
    // "If request's response tainting is "cors" and a CORS check for request and response returns failure,
    // then return a network error."
    if (tainting === 'cors') {
      const check = corsCheck(serializedOrigin, credentialsMode, answer.headers, profile.allowOriginFailureClassification);
      // Object.assign, not a spread with added keys: Node 20 runs that an order of magnitude slower.
      note('CORS check', '#concept-cors-check', check.result === 'success' ? 'pass' : 'fail', check.code, Object.assign({}, check.facts, { redirect: isRedirect, tainted }));
      if (check.result === 'failure') {
        // AD-HOC (Firefox): nsCORSListenerProxy.cpp removes the URL's preflight cache entries when a
        // response fails the CORS check (profile `clearsPreflightCacheOnCorsFailure`); Chromium keeps them.
        if (profile.clearsPreflightCacheOnCorsFailure) cache.clear({ serializedOrigin, initiatorOrigin: documentOrigin, url: currentUrl, credentialsMode, method, unsafeNames: [], now: clock.now });
        return fail(check.error, check.value, false);
      }
    }

    if (!isRedirect) {
      if (tainting === 'opaque') {
        note('main fetch', '#concept-filtered-response-opaque', 'info', 'opaque-response', { status: answer.status });
        return result('opaque', 0, tainting, null);
      }
      note('main fetch', tainting === 'cors' ? '#concept-filtered-response-cors' : '#concept-filtered-response-basic', 'pass', `response-${tainting}`, { status: answer.status, api: apiName });
      return result('ok', answer.status, tainting, null);
    }

    // https://fetch.spec.whatwg.org/#concept-http-fetch step 6: switch on request's redirect mode.
    if (redirectMode === 'error') {
      note('HTTP fetch', '#concept-http-fetch', 'fail', 'redirect-mode-error', { status: answer.status });
      return fail('RedirectModeError', '', false);
    }
    if (redirectMode === 'manual') {
      note('HTTP fetch', '#concept-filtered-response-opaque-redirect', 'info', 'redirect-mode-manual', { status: answer.status });
      return result('opaque', 0, 'opaque', null);
    }
    // https://fetch.spec.whatwg.org/#http-redirect-fetch
    const locationUrl = parseUrl(location, url);
    // 3. "If locationURL is failure, then return a network error."
    if (!locationUrl) {
      note('HTTP-redirect fetch', '#http-redirect-fetch', 'fail', 'location-invalid', { location });
      return fail('InvalidRedirectLocation', location, false);
    }
    // 4. "If locationURL's scheme is not an HTTP(S) scheme, then return a network error."
    if (!isHttpScheme(locationUrl)) {
      note('HTTP-redirect fetch', '#http-redirect-fetch', 'fail', 'location-not-http', { location });
      return fail('NonHttpRedirect', location, false);
    }
    // 5. "If request's redirect count is 20, then return a network error." 6. Increase it by 1.
    if (redirectCount === MAX_REDIRECTS) {
      note('HTTP-redirect fetch', '#http-redirect-fetch', 'fail', 'too-many-redirects', { max: MAX_REDIRECTS });
      return fail('TooManyRedirects', '', false);
    }
    redirectCount += 1;
    // 7. "If request's mode is "cors", locationURL includes credentials, and request's origin is not same
    // origin with locationURL's origin, then return a network error." 8. "If request's response tainting is
    // "cors" and locationURL includes credentials, then return a network error."
    if (includesCredentials(locationUrl) && ((mode === 'cors' && documentOrigin !== serializeOrigin(locationUrl)) || tainting === 'cors')) {
      note('HTTP-redirect fetch', '#http-redirect-fetch', 'fail', 'location-credentials', { location: logicalUrl(locationUrl) });
      return fail('RedirectContainsCredentials', '', false);
    }
    const locationText = logicalUrl(locationUrl);
    // 12. Method rewrite (301/302 POST, 303 non-GET/HEAD) and removal of request-body headers.
    if (redirectMethodRewrite(answer.status, method)) {
      note('HTTP-redirect fetch', '#http-redirect-fetch', 'info', 'redirect-method-get', { status: answer.status, from: method });
      method = 'GET'; // and the body becomes null: nothing below reads it again
      headers = removeRequestBodyHeaders(headers);
      appended = removeRequestBodyHeaders(appended);
    }
    // 13. Cross-origin hop: Authorization removed.
    const beforeAuth = headers.length;
    headers = removeAuthorizationOnCrossOriginRedirect(headers, url, locationUrl);
    appended = removeAuthorizationOnCrossOriginRedirect(appended, url, locationUrl);
    if (headers.length !== beforeAuth) note('HTTP-redirect fetch', '#http-redirect-fetch', 'info', 'redirect-authorization-removed', {});
    // Tainted origin: https://fetch.spec.whatwg.org/#concept-request-tainted-origin
    if (!tainted && redirectTaintsOrigin(documentOrigin, url, locationUrl)) {
      tainted = true;
      note('HTTP-redirect fetch', '#concept-request-tainted-origin', 'info', 'origin-tainted', { from: currentUrl, to: locationText, origin: documentOrigin });
    }
    note('HTTP-redirect fetch', '#http-redirect-fetch', 'info', 'redirect-followed', { status: answer.status, from: currentUrl, to: locationText });
    url = locationUrl;
    hop += 1;
  }
}

/**
 * The header lines an engine with singleton request headers (Firefox) sends: repeated names joined with
 * ", " except the singletons, which keep their last value; with a body, `Content-Type` is the first
 * value when the profile says so (the upload stream's type).
 */
function firefoxWireHeaders(appended: HeaderLines, profile: BrowserProfile, hasBody: boolean): [string, string][] {
  const lines = combineHeaderList(appended, profile.singletonRequestHeaders);
  if (!hasBody || !profile.uploadSendsFirstContentType) return lines;
  const first = appended.find(([name]) => name.toLowerCase() === 'content-type');
  return first ? lines.map(([name, value]): [string, string] => [name, name.toLowerCase() === 'content-type' ? first[1] : value]) : lines;
}

/** Lower-cased headers of a predicted request, for `preflightHeaders` / `receivedHeaders`. */
export function predictedHeaderMap(request: PredictedRequest | undefined): Record<string, string> {
  return request ? lowerMap([...request.headers, ...request.browserHeaders]) : {};
}
