// https://fetch.spec.whatwg.org/#concept-cors-check
import { withFacts } from '../speed/facts';
import { getHeader, type HeaderLines } from './header-list';
import type { BrowserProfile } from '../browsers/profile';
import type { CorsCheckCode, CorsErrorKind, Fact } from './decision';
import { parseUrl } from './urls';

export type CredentialsMode = 'omit' | 'same-origin' | 'include';

export type CorsCheckResult =
  | { result: 'success'; code: CorsCheckCode; facts: Record<string, Fact> }
  | { result: 'failure'; error: CorsErrorKind; code: CorsCheckCode; value: string; facts: Record<string, Fact> };

const SPACE_OR_COMMA = /[ ,]/;

function countHeaderLines(headers: HeaderLines, name: string): number {
  const lower = name.toLowerCase();
  return headers.filter(([headerName]) => headerName.toLowerCase() === lower).length;
}

/**
 * Which of Chromium's error kinds a failed origin comparison is.
 * AD-HOC: services/network/public/cpp/cors/cors.cc `CheckAccess` classifies the failure: a value with a
 * space or comma is "multiple values", a value that is not `null` and not a valid URL is "invalid value"
 * (the empty value included), anything else is a mismatch. The spec only says "failure".
 */
function classifyMismatch(allowOrigin: string, classification: BrowserProfile['allowOriginFailureClassification']): CorsErrorKind {
  // AD-HOC (Firefox): netwerk/protocol/http/nsCORSListenerProxy.cpp `CheckRequestApproved` compares the
  // one header's value as a string: whatever it holds, a mismatch (CORSAllowOriginNotMatchingOrigin).
  if (classification === 'header-lines') return 'AllowOriginMismatch';
  if (SPACE_OR_COMMA.test(allowOrigin)) return 'MultipleAllowOriginValues';
  if (allowOrigin === 'null') return 'AllowOriginMismatch';
  const url = parseUrl(allowOrigin);
  return url && url.host ? 'AllowOriginMismatch' : 'InvalidAllowOriginValue';
}

// https://fetch.spec.whatwg.org/#concept-cors-check
// "To perform a CORS check for a request and response, run these steps:
//  1. Let origin be the result of getting `Access-Control-Allow-Origin` from response's header list.
//  2. If origin is null, then return failure.
//  3. If request's credentials mode is not "include" and origin is `*`, then return success.
//  4. If the result of byte-serializing a request origin with request is not origin, then return failure.
//  5. If request's credentials mode is not "include", then return success.
//  6. Let credentials be the result of getting `Access-Control-Allow-Credentials` from response's header list.
//  7. If credentials is `true`, then return success.
//  8. Return failure."
export function corsCheck(
  serializedRequestOrigin: string,
  credentialsMode: CredentialsMode,
  responseHeaders: HeaderLines,
  classification: BrowserProfile['allowOriginFailureClassification'] = 'value',
): CorsCheckResult {
  const origin = getHeader(responseHeaders, 'Access-Control-Allow-Origin');
  const facts = { allowOrigin: origin, requestOrigin: serializedRequestOrigin, credentialsMode };
  // AD-HOC (Firefox): nsCORSListenerProxy.cpp `CheckOriginHeader` counts the header lines first: more
  // than one is CORSMultipleAllowOriginNotAllowed. The outcome is the spec's (the combined value
  // `a, b` is never `*` nor an origin), only the reason differs.
  if (classification === 'header-lines' && origin !== null && countHeaderLines(responseHeaders, 'Access-Control-Allow-Origin') > 1) {
    return { result: 'failure', error: 'MultipleAllowOriginValues', code: 'acao-multiple', value: origin, facts };
  }
  // 2.
  if (origin === null) return { result: 'failure', error: 'MissingAllowOriginHeader', code: 'acao-missing', value: '', facts };
  // 3.
  if (origin === '*') {
    if (credentialsMode !== 'include') return { result: 'success', code: 'acao-wildcard', facts };
    return { result: 'failure', error: 'WildcardOriginNotAllowed', code: 'acao-wildcard-with-credentials', value: '', facts };
  }
  // 4.
  if (origin !== serializedRequestOrigin) {
    const error = classifyMismatch(origin, classification);
    const code = error === 'MultipleAllowOriginValues' ? 'acao-multiple' : error === 'InvalidAllowOriginValue' ? 'acao-invalid' : 'acao-mismatch';
    return { result: 'failure', error, code, value: origin, facts };
  }
  // 5.
  if (credentialsMode !== 'include') return { result: 'success', code: 'acao-match', facts };
  // 6-7.
  const credentials = getHeader(responseHeaders, 'Access-Control-Allow-Credentials');
  if (credentials === 'true') return { result: 'success', code: 'acao-match-acac-true', facts: withFacts(facts, { allowCredentials: credentials }) };
  // 8.
  return { result: 'failure', error: 'InvalidAllowCredentials', code: 'acac-not-true', value: credentials ?? '', facts: withFacts(facts, { allowCredentials: credentials }) };
}
