// https://fetch.spec.whatwg.org/#cors-preflight-fetch-0 : the preflight request and the checks on its answer.
import type { BrowserProfile } from '../browsers/profile';
import { withFacts } from '../speed/facts';
import { corsCheck, type CredentialsMode } from './cors-check';
import { preflightFlavour, type CorsErrorKind, type DecisionCode, type Fact } from './decision';
import { extractHeaderListValues, getHeader, type HeaderLines } from './header-list';
import { isCorsSafelistedMethod } from './methods';
import { isCorsNonWildcardRequestHeaderName } from './request-headers';

// https://fetch.spec.whatwg.org/#ok-status : "An ok status is a status in the range 200 to 299, inclusive."
export function isOkStatus(status: number): boolean {
  return status >= 200 && status <= 299;
}

const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];

// https://fetch.spec.whatwg.org/#redirect-status : "A redirect status is a status that is 301, 302, 303, 307, or 308."
export function isRedirectStatus(status: number): boolean {
  return REDIRECT_STATUSES.includes(status);
}

// https://fetch.spec.whatwg.org/#cors-preflight-fetch-0
// "2. Let preflight be a new request whose method is `OPTIONS`, URL list is a clone of request's URL list,
//  initiator is request's initiator, ..., origin is request's origin, referrer is request's referrer, ...
//  3. Append (`Accept`, `*/*`) to preflight's header list.
//  4. Append (`Access-Control-Request-Method`, request's method) to preflight's header list.
//  5. Let headers be the CORS-unsafe request-header names with request's header list.
//  6. If headers is not empty, then: 1. Let value be the items in headers separated from each other by `,`.
//     2. Append (`Access-Control-Request-Headers`, value) to preflight's header list.
//  NOTE: This intentionally does not use combine, as 0x20 after 0x2C is not the way this was implemented."
export function corsPreflightRequestHeaders(serializedOrigin: string, method: string, unsafeNames: readonly string[]): [string, string][] {
  const headers: [string, string][] = [['Accept', '*/*'], ['Access-Control-Request-Method', method]];
  if (unsafeNames.length > 0) headers.push(['Access-Control-Request-Headers', unsafeNames.join(',')]);
  headers.push(['Origin', serializedOrigin]);
  return headers;
}

export interface PreflightInput {
  serializedOrigin: string;
  credentialsMode: CredentialsMode;
  method: string;
  /** The CORS-unsafe request-header names (sorted, lower-case). */
  unsafeNames: readonly string[];
  /** Every request-header name the actual request carries (lower-case). */
  headerNames: readonly string[];
  useCorsPreflightFlag: boolean;
}

export interface PreflightCheck {
  verdict: 'pass' | 'fail' | 'info';
  code: DecisionCode;
  anchor: string;
  facts: Record<string, Fact>;
  adHoc?: string;
}

export type PreflightOutcome =
  | { ok: true; checks: PreflightCheck[]; methods: string[]; headerNames: string[]; maxAgeSeconds: number; authorizationByWildcard: boolean }
  | { ok: false; checks: PreflightCheck[]; error: CorsErrorKind; value: string };

const ANCHOR = '#cors-preflight-fetch-0';

/**
 * https://fetch.spec.whatwg.org/#cors-preflight-fetch-0 steps 7-8, on an answer that is not a redirect.
 * AD-HOC: the order of the checks is Chromium's (services/network/cors/preflight_controller.cc
 * `CheckPreflightAccess`, then preflight_result.cc): the CORS check first, then the status, then the
 * parsing of Allow-Methods and Allow-Headers, then the method, then the headers. The spec's outcome is
 * the same (all must pass); the order decides which console message appears.
 */
export function checkPreflightAnswer(input: PreflightInput, status: number, headers: HeaderLines, profile: BrowserProfile): PreflightOutcome {
  const checks: PreflightCheck[] = [];
  const fail = (error: CorsErrorKind, value: string): PreflightOutcome => ({ ok: false, checks, error, value });

  // 7. "If a CORS check for request and response returns success and response's status is an ok status, then:"
  const cors = corsCheck(input.serializedOrigin, input.credentialsMode, headers, profile.allowOriginFailureClassification);
  if (cors.result === 'failure') {
    checks.push({ verdict: 'fail', code: `preflight-${cors.code}`, anchor: '#concept-cors-check', facts: cors.facts });
    return fail(preflightFlavour(cors.error), cors.value);
  }
  checks.push({ verdict: 'pass', code: `preflight-${cors.code}`, anchor: '#concept-cors-check', facts: cors.facts });
  if (!isOkStatus(status)) {
    checks.push({ verdict: 'fail', code: 'preflight-status-not-ok', anchor: '#ok-status', facts: { status } });
    return fail('PreflightInvalidStatus', '');
  }
  checks.push({ verdict: 'pass', code: 'preflight-status-ok', anchor: '#ok-status', facts: { status } });

  // 7.1 "Let methods be the result of extracting header list values given `Access-Control-Allow-Methods` and response's header list."
  const methodsResult = extractHeaderListValues(headers, 'Access-Control-Allow-Methods');
  const allowMethodsRaw = getHeader(headers, 'Access-Control-Allow-Methods');
  // 7.3 "If either methods or headerNames is failure, return a network error."
  if (!methodsResult.ok) {
    checks.push({ verdict: 'fail', code: 'acam-unparsable', anchor: ANCHOR, facts: { allowMethods: allowMethodsRaw, invalidItem: methodsResult.invalidItem } });
    return fail('InvalidAllowMethodsPreflightResponse', methodsResult.invalidItem);
  }
  // 7.2 "Let headerNames be the result of extracting header list values given `Access-Control-Allow-Headers` and response's header list."
  const headersResult = extractHeaderListValues(headers, 'Access-Control-Allow-Headers');
  const allowHeadersRaw = getHeader(headers, 'Access-Control-Allow-Headers');
  if (!headersResult.ok) {
    checks.push({ verdict: 'fail', code: 'acah-unparsable', anchor: ANCHOR, facts: { allowHeaders: allowHeadersRaw, invalidItem: headersResult.invalidItem } });
    return fail('InvalidAllowHeadersPreflightResponse', headersResult.invalidItem);
  }
  // 7.4 "If methods is null and request's use-CORS-preflight flag is set, then set methods to a new list containing request's method."
  let methods = methodsResult.values ?? [];
  if (methodsResult.values === null && input.useCorsPreflightFlag) methods = [input.method];
  const headerNames = headersResult.values ?? [];
  const credentialed = input.credentialsMode === 'include';

  // 7.5 "If request's method is not in methods, request's method is not a CORS-safelisted method, and
  // request's credentials mode is "include" or methods does not contain `*`, then return a network error."
  const methodListed = methods.includes(input.method);
  const methodWildcard = !credentialed && methods.includes('*');
  const methodFacts = { method: input.method, allowMethods: allowMethodsRaw, credentialsMode: input.credentialsMode };
  if (!methodListed && !isCorsSafelistedMethod(input.method) && !methodWildcard) {
    const caseOnly = methods.some((m) => m.toLowerCase() === input.method.toLowerCase());
    const starWithCredentials = credentialed && methods.includes('*');
    checks.push({ verdict: 'fail', code: 'method-not-allowed', anchor: ANCHOR, facts: withFacts(methodFacts, { caseOnly, starWithCredentials }) });
    return fail('MethodDisallowedByPreflightResponse', input.method);
  }
  checks.push({
    verdict: 'pass',
    code: methodListed ? 'method-listed' : isCorsSafelistedMethod(input.method) ? 'method-safelisted' : 'method-wildcard',
    anchor: ANCHOR,
    facts: methodFacts,
  });

  const listedLower = new Set(headerNames.map((name) => name.toLowerCase()));
  const headerWildcard = !credentialed && headerNames.includes('*');
  // 7.6 "If one of request's header list's names is a CORS non-wildcard request-header name and is not a
  // byte-case-insensitive match for an item in headerNames, then return a network error."
  // AD-HOC: Chromium skips this step (feature CorsNonWildcardRequestHeadersSupport disabled,
  // services/network/public/cpp/features.cc): `Authorization` is checked like any other name below.
  let authorizationByWildcard = false;
  if (!profile.wildcardCoversAuthorization) {
    for (const name of input.headerNames) {
      if (!isCorsNonWildcardRequestHeaderName(name) || listedLower.has(name.toLowerCase())) continue;
      checks.push({ verdict: 'fail', code: 'authorization-not-listed', anchor: '#cors-non-wildcard-request-header-name', facts: { allowHeaders: allowHeadersRaw, wildcard: headerNames.includes('*') } });
      return fail('HeaderDisallowedByPreflightResponse', name.toLowerCase());
    }
  }
  // 7.7 "For each unsafeName of the CORS-unsafe request-header names with request's header list: if
  // unsafeName is not a byte-case-insensitive match for an item in headerNames and request's credentials
  // mode is "include" or headerNames does not contain `*`, return a network error."
  const missing = input.unsafeNames.filter((unsafeName) => !listedLower.has(unsafeName) && !headerWildcard);
  if (missing.length > 0) {
    // AD-HOC: Chromium names the last missing name in sorted order (services/network/cors/preflight_result.cc
    // `EnsureAllowedCrossOriginHeaders`, observed in Chromium 156); the spec names none.
    const reported = (profile.reportsLastMissingHeader ? missing.at(-1) : missing[0]) as string;
    const starWithCredentials = credentialed && headerNames.includes('*');
    checks.push({ verdict: 'fail', code: 'header-not-allowed', anchor: ANCHOR, facts: { header: reported, missing, allowHeaders: allowHeadersRaw, starWithCredentials } });
    return fail('HeaderDisallowedByPreflightResponse', reported);
  }
  if (headerWildcard && input.unsafeNames.some((name) => isCorsNonWildcardRequestHeaderName(name)) && !listedLower.has('authorization')) {
    authorizationByWildcard = true;
    checks.push({
      verdict: 'info',
      code: 'authorization-covered-by-wildcard',
      anchor: '#cors-non-wildcard-request-header-name',
      facts: { allowHeaders: allowHeadersRaw },
      adHoc: profile.adHocSources.authorizationCoveredByWildcard,
    });
  }
  if (input.unsafeNames.length > 0) {
    checks.push({ verdict: 'pass', code: headerWildcard ? 'headers-wildcard' : 'headers-listed', anchor: ANCHOR, facts: { headers: input.unsafeNames, allowHeaders: allowHeadersRaw } });
  }

  // 7.8 "Let max-age be the result of extracting header list values given `Access-Control-Max-Age` and
  // response's header list. 7.9 If max-age is failure or null, then set max-age to 5. 7.10 If max-age is
  // greater than an imposed limit on max-age, then set max-age to the imposed limit."
  const maxAgeRaw = getHeader(headers, 'Access-Control-Max-Age');
  const maxAgeSeconds = parseMaxAge(maxAgeRaw, profile);
  checks.push({ verdict: 'info', code: 'max-age', anchor: ANCHOR, facts: { maxAge: maxAgeRaw, seconds: maxAgeSeconds, cap: profile.maxAgeCapSeconds } });
  return { ok: true, checks, methods, headerNames, maxAgeSeconds, authorizationByWildcard };
}

const NEGATIVE_INTEGER = /^-\d+$/;
const DIGITS = /^\d+$/;

/** `Access-Control-Max-Age` in seconds: missing or empty → 5; negative or invalid → 5 or 0 (profile); capped by the profile. */
export function parseMaxAge(value: string | null, profile: BrowserProfile): number {
  if (value === null) return 5;
  const trimmed = value.trim();
  if (trimmed === '') return 5;
  if (NEGATIVE_INTEGER.test(trimmed)) return profile.negativeMaxAge === 'zero' ? 0 : 5;
  // AD-HOC (Firefox): nsCORSPreflightListener::AddResultToCache does not cache a value with a byte that
  // is not a digit (profile `invalidMaxAge`); the spec and Chromium fall back to 5 s.
  if (!DIGITS.test(trimmed)) return profile.invalidMaxAge === 'zero' ? 0 : 5;
  return Math.min(Number(trimmed), profile.maxAgeCapSeconds);
}
