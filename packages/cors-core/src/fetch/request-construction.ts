// Building the request before it reaches the network: the steps of `new Request()` / `Headers` and of
// XHR's open(), setRequestHeader() and send() that throw a TypeError or shape what is sent.
import type { BrowserProfile } from '../browsers/profile';
import { hasForbiddenValueByte, isByteString, isHeaderName, normalizeHeaderValue } from '../scenario/header-syntax';
import type { ScenarioRequest } from '../scenario/schema';
import type { DecisionCode, Fact, FailureKind, Verdict } from './decision';
import { combineHeaderList, getHeader } from './header-list';
import { isCorsSafelistedMethod, isForbiddenMethod, isMethod, normalizeMethod } from './methods';
import { isForbiddenRequestHeader, isNoCorsSafelistedRequestHeader } from './request-headers';
import { includesCredentials, parseUrl, type ParsedUrl } from './urls';

const TEXT_PLAIN_UTF8 = 'text/plain;charset=UTF-8';

/** A refusal before anything is sent: the TypeError `new Request()`, `Headers` or XHR throws. */
export interface Refusal {
  kind: FailureKind;
  value: string;
  algorithm: string;
  anchor: string;
  code: DecisionCode;
  facts: Record<string, Fact>;
}

/** The request as the page hands it to the network: parsed URL, normalized method, headers as guarded, body. */
export interface ConstructedRequest {
  url: ParsedUrl;
  method: string;
  /** One entry per append (Firefox's header list). */
  appended: [string, string][];
  /** The combined header list. */
  headers: [string, string][];
  body: string | null;
  useCorsPreflightFlag: boolean;
}

export interface ConstructionLog {
  note: (algorithm: string, anchor: string, verdict: Verdict, code: DecisionCode, facts?: Record<string, Fact>) => void;
  /** Names `setRequestHeader()` refused (XHR). */
  refusedHeaders: string[];
}

// https://fetch.spec.whatwg.org/#dom-request (fetch) ; https://xhr.spec.whatwg.org/#the-open()-method,
// #the-setrequestheader()-method and #the-send()-method (XHR): every check that throws before a request
// reaches the network, and the request those steps build.
export function constructRequest(
  request: ScenarioRequest,
  base: ParsedUrl | undefined,
  mode: ScenarioRequest['mode'],
  profile: BrowserProfile,
  log: ConstructionLog,
): { ok: true; request: ConstructedRequest } | { ok: false; refusal: Refusal } {
  const { note, refusedHeaders } = log;
  const api = request.api;
  const apiName = api === 'xhr' ? 'XMLHttpRequest' : 'fetch()';
  const refuse = (kind: FailureKind, value: string, algorithm: string, anchor: string, code: DecisionCode, facts: Record<string, Fact>) =>
    ({ ok: false, refusal: { kind, value, algorithm, anchor, code, facts } }) as const;
  const constructor = api === 'xhr' ? 'XMLHttpRequest open() and send()' : 'new Request()';
  const constructorAnchor = api === 'xhr' ? 'https://xhr.spec.whatwg.org/#the-open()-method' : '#dom-request';

  // "Let parsedURL be the result of parsing input with baseURL. If parsedURL is failure, then throw a TypeError."
  const parsed = parseUrl(request.url, base);
  if (!parsed) return refuse('InvalidUrl', request.url, constructor, constructorAnchor, 'url-invalid', { url: request.url });
  // "If parsedURL includes credentials, then throw a TypeError." (fetch only; XHR uses them as user/password)
  if (api === 'fetch' && includesCredentials(parsed)) return refuse('UrlCredentials', request.url, constructor, constructorAnchor, 'url-credentials', { url: request.url });
  const url = parsed;

  // "If method is not a method or method is a forbidden method, then throw a TypeError. Normalize method."
  if (!isMethod(request.method)) return refuse('InvalidMethod', request.method, constructor, constructorAnchor, 'method-invalid', { method: request.method });
  if (isForbiddenMethod(request.method)) return refuse('ForbiddenMethod', request.method, constructor, constructorAnchor, 'method-forbidden', { method: request.method });
  const method = normalizeMethod(request.method);
  if (method !== request.method) note('normalize a method', '#concept-method-normalize', 'info', 'method-normalized', { from: request.method, to: method });
  else if (method.toUpperCase() !== method) note('normalize a method', '#concept-method-normalize', 'info', 'method-case-kept', { method });

  // "If mode is "no-cors": if this's request's method is not a CORS-safelisted method, then throw a TypeError."
  if (mode === 'no-cors' && !isCorsSafelistedMethod(method)) return refuse('NoCorsMethod', method, constructor, constructorAnchor, 'no-cors-method', { method });
  // "If request's cache mode is "only-if-cached" and request's mode is not "same-origin", then throw a TypeError."
  if (api === 'fetch' && request.cache === 'only-if-cached' && mode !== 'same-origin') return refuse('OnlyIfCachedMode', '', constructor, constructorAnchor, 'only-if-cached', { mode });

  // Headers: https://fetch.spec.whatwg.org/#concept-headers-append with guard "request" or "request-no-cors".
  // `appended` keeps one entry per append (Firefox's header list); `headers` is the combined list.
  const appended: [string, string][] = [];
  for (const [name, rawValue] of request.headers) {
    const value = normalizeHeaderValue(rawValue);
    // #concept-headers-validate: "If name is not a header name or value is not a header value, then throw a TypeError."
    if (!isHeaderName(name)) return refuse('InvalidHeaderName', name, 'validate a header', '#concept-headers-validate', 'header-name-invalid', { name });
    if (hasForbiddenValueByte(value) || !isByteString(value)) return refuse('InvalidHeaderValue', value, 'validate a header', '#concept-headers-validate', 'header-value-invalid', { name, value });
    // "If headers's guard is "request" and (name, value) is a forbidden request-header, then return false." (ignored, no exception)
    if (isForbiddenRequestHeader(name, value)) {
      note('validate a header', '#forbidden-request-header', 'info', 'header-forbidden-dropped', { name, value, api: apiName });
      if (api === 'xhr') refusedHeaders.push(name);
      continue;
    }
    // "If headers's guard is "request-no-cors": let temporaryValue be the result of getting name from
    // headers's header list; if null, set it to value, otherwise to temporaryValue, 0x2C 0x20, value.
    // If (name, temporaryValue) is not a no-CORS-safelisted request-header, then return."
    if (mode === 'no-cors') {
      const existing = getHeader(appended, name);
      const temporaryValue = existing === null ? value : `${existing}, ${value}`;
      if (!isNoCorsSafelistedRequestHeader(name, temporaryValue)) {
        note('append (guard "request-no-cors")', '#concept-headers-append', 'info', 'header-no-cors-dropped', { name, value: temporaryValue });
        continue;
      }
    }
    appended.push([name, value]);
  }
  // AD-HOC: Blink hands the network one line per name, values joined with ", "
  // (third_party/blink/renderer/core/fetch/headers.cc combines on get; the loader sends the combined value).
  const headers = combineHeaderList(appended);

  // Body: GET/HEAD cannot have one (fetch throws, XHR ignores it); a string body without Content-Type gets
  // `text/plain;charset=UTF-8` (https://fetch.spec.whatwg.org/#concept-bodyinit-extract).
  let body = request.body;
  if (body !== null && (method === 'GET' || method === 'HEAD')) {
    if (api === 'fetch') return refuse('BodyWithGetOrHead', method, constructor, constructorAnchor, 'body-with-get', { method });
    body = null;
  }
  if (body !== null && getHeader(headers, 'Content-Type') === null) {
    headers.push(['Content-Type', TEXT_PLAIN_UTF8]);
    appended.push(['Content-Type', TEXT_PLAIN_UTF8]);
    note('extract a body', '#concept-bodyinit-extract', 'info', 'body-content-type-added', { value: TEXT_PLAIN_UTF8 });
  }
  // https://xhr.spec.whatwg.org/#the-send()-method: "use-CORS-preflight flag: this's upload listener flag"
  // AD-HOC: Chromium only when there is a body to upload (profile `uploadListenerPreflightNeedsBody`).
  const useCorsPreflightFlag = api === 'xhr' && request.uploadListener && (body !== null || !profile.uploadListenerPreflightNeedsBody);
  return { ok: true, request: { url, method, appended, headers, body, useCorsPreflightFlag } };
}
