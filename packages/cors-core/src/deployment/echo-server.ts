// The deployment's server, as far as a scenario goes: what the echo server answers to a request. Not a
// spec algorithm: it mirrors the echo server (DESIGN.md) with the same shared functions (`matchRoute`,
// `resolveRequestPlaceholders`, the Location rule), so the predicted answers are the ones the server sends.
import type { Origins } from '../scenario/placeholders';
import { deploymentOrigins, resolveRequestPlaceholders } from '../scenario/placeholders';
import { echoServerFramingHeaders, hasNoBody, matchRoute, NO_ROUTE_ANSWER, type RequestKind } from '../scenario/routes';
import type { Routes } from '../scenario/schema';
import { isLowerCaseMatch } from '../scenario/header-syntax';
import type { HeaderLines } from '../fetch/header-list';
import { parseUrl, serializeOrigin, type ParsedUrl } from '../fetch/urls';
import { FOREIGN_LOCATION_ANSWER, locationStaysInDeployment } from './location-rule';

export interface ServerAnswer {
  status: number;
  headers: [string, string][];
  body: string;
  /** The route key that matched, or null (the server's 404). */
  routeKey: string | null;
  delayMs: number;
  /** Why the server did not answer from the routes. */
  note: 'no-route' | 'no-answer-of-this-kind' | 'location-outside-deployment' | 'framing-refused' | null;
}

/** `ownOrigins`: the serialized origins the echo server serves (page, api, other). */
export function echoServerAnswer(routes: Routes, url: ParsedUrl, method: string, kind: RequestKind, requestHeaders: HeaderLines, ownOrigins: readonly string[]): ServerAnswer {
  const origin = serializeOrigin(url);
  const match = matchRoute(routes, origin, `${url.path}${url.query}`, kind);
  const answer = match?.answer ?? NO_ROUTE_ANSWER;
  const note = !match ? 'no-route' : !match.answer ? 'no-answer-of-this-kind' : null;
  const headers = answer.headers.map(([name, value]): [string, string] => [name, value.includes('{') ? resolveRequestPlaceholders(value, requestHeaders) : value]);
  const body = answer.body?.includes('{') ? resolveRequestPlaceholders(answer.body, requestHeaders) : (answer.body ?? '');
  headers.push(...echoServerFramingHeaders(headers, method, answer.status, body));
  const result: ServerAnswer = {
    status: answer.status,
    headers,
    body,
    routeKey: match?.answer ? match.key : null,
    delayMs: answer.delayMs ?? 0,
    note,
  };
  // The echo server frames every answer itself: it answers 400 instead of a scenario's Content-Length on
  // an answer that has no body (204, 304, 1xx: RFC 9110 §8.6), which would put a reader out of step.
  if (hasNoBody(method, answer.status) && answer.headers.some(([name]) => isLowerCaseMatch(name, 'content-length'))) {
    return { ...result, ...FOREIGN_LOCATION_ANSWER, body: '', note: 'framing-refused' };
  }
  // DESIGN.md, "The wire URL": the echo server answers 400 instead of sending any `Location` line (on
  // any status) that it cannot resolve or whose target is not one of its own origins: no open redirect.
  for (const [name, value] of headers) {
    if (!isLowerCaseMatch(name, 'location')) continue;
    const ownTarget = locationStaysInDeployment(value, url, ownOrigins);
    if (!ownTarget) return { ...result, ...FOREIGN_LOCATION_ANSWER, body: '', note: 'location-outside-deployment' };
  }
  return result;
}

/** Whether the echo server (one of the deployment's origins) receives requests sent to this URL. */
export function reachesEchoServer(url: ParsedUrl, origins: Origins): boolean {
  const origin = serializeOrigin(url);
  return deploymentOrigins(origins).some((o) => { const parsed = parseUrl(o); return parsed !== undefined && serializeOrigin(parsed) === origin; });
}
