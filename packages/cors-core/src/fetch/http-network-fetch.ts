// https://fetch.spec.whatwg.org/#concept-http-network-or-cache-fetch and
// https://fetch.spec.whatwg.org/#concept-http-network-fetch : what reaches the server and what comes back.
import type { ServerAnswer } from '../deployment/echo-server';
import { scenarioServerAnswer } from '../policy/server-answer';
import { utf8ByteLength, type RequestKind } from '../scenario/routes';
import { logicalUrl, type FetchParams } from './fetch-params';
import { serializeOrigin } from './urls';

// https://fetch.spec.whatwg.org/#concept-http-network-or-cache-fetch
// The request (or its preflight, step 7 of CORS-preflight fetch) with the headers the browser adds that
// a server also sees and that can be predicted. `headerList` is what the page (or the preflight) put in
// the request's header list, `Origin` included.
export function httpNetworkOrCacheFetch(fetchParams: FetchParams, kind: RequestKind, method: string, headerList: [string, string][]): ServerAnswer {
  const { request } = fetchParams;
  const { url } = request;
  // `Host` is added by the network layer (https://httpwg.org/specs/rfc9110.html#field.host).
  const browserHeaders: [string, string][] = [['Host', `${url.host}${url.port ? `:${url.port}` : ''}`]];
  // "If httpRequest's referrer is a URL, then: ... append (`Referer`, referrerValue)", with the
  // referrer https://w3c.github.io/webappsec-referrer-policy/#referrer-policy-strict-origin-when-cross-origin
  // (the default policy): a cross-origin request carries the document's origin followed by "/". The
  // same-origin referrer is the runner page's full URL, which the scenario does not know.
  // A sandboxed (opaque-origin) frame sends no Referer at all in Chromium 156 (observed by the corpus's
  // null-* scenarios), so none is predicted for it.
  if (request.origin !== 'null' && serializeOrigin(url) !== request.origin) browserHeaders.push(['Referer', `${request.origin}/`]);
  // "Let contentLength be httpRequest's body's length, if httpRequest's body is non-null ... If
  // contentLength is non-null, then set contentLengthHeaderValue to contentLength, serialized ... append
  // (`Content-Length`, contentLengthHeaderValue)." The body a 307/308 keeps reaches the last hop with it.
  // NOTE: the `0` the spec sends for a POST or PUT without a body is not predicted (not checked in the engines).
  if (kind === 'actual' && request.body !== null) browserHeaders.push(['Content-Length', String(utf8ByteLength(request.body))]);
  // Step 8.20: "If includeCredentials is true, then: ... append (`Cookie`, cookies)" (src/cookies decides
  // includeCredentials, the jar which cookies; a preflight never carries any).
  const cookie = fetchParams.cookies?.request(kind, url, request.responseTainting, fetchParams.clock.now) ?? null;
  if (cookie !== null) browserHeaders.push(['Cookie', cookie]);
  // NOTE: the HTTP cache is not modelled (each run has its own wire URL, so nothing is reused), nor are
  // HTTP authentication entries.
  return httpNetworkFetch(fetchParams, kind, method, headerList, browserHeaders);
}

// https://fetch.spec.whatwg.org/#concept-http-network-fetch
// The connection is the deployment's echo server (src/deployment): it answers as the scenario's routes
// (or its policy) say; the request is recorded and the scenario's clock advances by the answer's delay.
export function httpNetworkFetch(fetchParams: FetchParams, kind: RequestKind, method: string, headerList: [string, string][], browserHeaders: [string, string][]): ServerAnswer {
  const { request, record, server, ownOrigins, clock } = fetchParams;
  // Policy mode: the answer is what the policy's middleware sends in front of the routes (src/policy).
  const answer = scenarioServerAnswer(server, request.url, method, kind, [...headerList, ...browserHeaders], ownOrigins.all);
  record.requests.push({ run: record.run, hop: record.hop, kind, method, url: logicalUrl(request.url), headers: headerList, status: answer.status, routeKey: answer.routeKey, browserHeaders });
  clock.now += answer.delayMs + 1;
  record.finalAnswerHeaders = answer.headers;
  // Step 15: "If includeCredentials is true, the user agent should parse and store response `Set-Cookie`
  // headers given request and response": before any CORS check, so a blocked answer's cookies are kept.
  fetchParams.cookies?.response(kind, request.url, request.responseTainting, answer.headers, clock.now);
  return answer;
}
