// The network, as far as a scenario goes: what the echo server answers to a request. Not a spec
// algorithm: it mirrors the echo server (DESIGN.md) with the same shared functions (`matchRoute`,
// `resolveRequestPlaceholders`), so the predicted answers are the ones the server sends.
import type { Origins } from '../scenario/placeholders';
import { resolveRequestPlaceholders } from '../scenario/placeholders';
import { echoServerFramingHeaders, matchRoute, NO_ROUTE_ANSWER, type RequestKind } from '../scenario/routes';
import type { Routes } from '../scenario/schema';
import { getHeader, type HeaderLines } from './header-list';
import { isRedirectStatus } from './preflight';
import { parseUrl, serializeOrigin, type ParsedUrl } from './urls';

export interface ServerAnswer {
  status: number;
  headers: [string, string][];
  body: string;
  /** The route key that matched, or null (the server's 404). */
  routeKey: string | null;
  delayMs: number;
  /** Why the server did not answer from the routes. */
  note: 'no-route' | 'no-answer-of-this-kind' | 'location-outside-deployment' | null;
}

/** The answer the echo server sends when a `Location` points outside its origins (no open redirect). */
export const FOREIGN_LOCATION_ANSWER = { status: 400, headers: [['Content-Type', 'text/plain; charset=utf-8']] as [string, string][] };

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
  // DESIGN.md, "The wire URL": a Location whose target is not one of the server's origins makes the
  // server answer 400 instead of redirecting.
  const location = getHeader(headers, 'Location');
  if (isRedirectStatus(result.status) && location !== null) {
    const target = parseUrl(location, url);
    if (target && (target.scheme === 'http' || target.scheme === 'https') && !ownOrigins.includes(serializeOrigin(target))) {
      return { ...result, ...FOREIGN_LOCATION_ANSWER, body: '', note: 'location-outside-deployment' };
    }
  }
  return result;
}

/** Whether the echo server (one of the deployment's origins) receives requests sent to this URL. */
export function reachesEchoServer(url: ParsedUrl, origins: Origins): boolean {
  const origin = serializeOrigin(url);
  return [origins.page, origins.api, origins.other].some((o) => { const parsed = parseUrl(o); return parsed !== undefined && serializeOrigin(parsed) === origin; });
}
