// How the echo server picks its answer (shared/scenario-format.md, `server.routes`). It lives in the
// core so that the prediction and the real server cannot disagree about which answer a request gets.
import { isLowerCaseMatch } from './header-syntax';
import type { Answer, Route, Routes } from './schema';

export type RequestKind = 'preflight' | 'actual';

/** A request is a preflight when it is OPTIONS and carries Access-Control-Request-Method. */
export function requestKind(method: string, headerNames: readonly string[]): RequestKind {
  return method === 'OPTIONS' && headerNames.some((name) => name.toLowerCase() === 'access-control-request-method')
    ? 'preflight'
    : 'actual';
}

/**
 * The route keys tried for a request, in order: "{origin}/path?query", "{origin}/path", "/path?query",
 * "/path". `origin` is the serialized origin the request was sent to; `pathAndQuery` starts with "/".
 */
export function routeKeysFor(origin: string, pathAndQuery: string): string[] {
  const queryStart = pathAndQuery.indexOf('?');
  const path = queryStart === -1 ? pathAndQuery : pathAndQuery.slice(0, queryStart);
  const hasQuery = queryStart !== -1;
  const keys = hasQuery
    ? [`${origin}${pathAndQuery}`, `${origin}${path}`, pathAndQuery, path]
    : [`${origin}${path}`, path];
  return keys;
}

export interface RouteMatch {
  /** The route key that matched. */
  key: string;
  route: Route;
  /** The answer for this kind of request, or undefined when the route has none (the server sends 404). */
  answer: Answer | undefined;
}

/** Finds the route (and the answer of the right kind) for a request; undefined when no key matches. */
export function matchRoute(routes: Routes, origin: string, pathAndQuery: string, kind: RequestKind): RouteMatch | undefined {
  for (const key of routeKeysFor(origin, pathAndQuery)) {
    const route = Object.prototype.hasOwnProperty.call(routes, key) ? routes[key] : undefined;
    if (route) return { key, route, answer: route[kind] };
  }
  return undefined;
}

/** The answer sent when no route or no answer of the right kind matches: 404, no CORS headers. */
export const NO_ROUTE_ANSWER: Answer = {
  status: 404,
  headers: [['Content-Type', 'text/plain; charset=utf-8']],
  body: 'No route in this scenario matches this request.\n',
};

/** Statuses and methods whose response carries no body (RFC 9110 §6.4.1), hence no Content-Length. */
export function hasNoBody(method: string, status: number): boolean {
  return method === 'HEAD' || status === 204 || status === 304 || (status >= 100 && status < 200);
}

/** Bytes of a string in UTF-8 (the echo server sends bodies as UTF-8). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The one header the echo server adds to an answer: it frames every answer that has a body with
 * `Content-Length` (never chunked), unless the scenario lists a Content-Length itself. Browsers expose
 * Content-Length to script (a CORS-safelisted response-header name), so the prediction must know it.
 */
export function echoServerFramingHeaders(headers: readonly (readonly [string, string])[], method: string, status: number, body: string): [string, string][] {
  if (hasNoBody(method, status)) return [];
  if (headers.some(([name]) => isLowerCaseMatch(name, 'content-length'))) return [];
  return [['Content-Length', String(utf8ByteLength(body))]];
}
