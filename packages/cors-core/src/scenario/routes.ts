// How the echo server picks its answer (shared/scenario-format.md, `server.routes`). It lives in the
// core so that the prediction and the real server cannot disagree about which answer a request gets.
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
