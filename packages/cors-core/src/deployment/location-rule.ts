// The echo server's Location rule (DESIGN.md, "The wire URL"): it is never an open redirect. Any
// `Location` line (on any status) that does not resolve to an HTTP(S) URL on one of the deployment's own
// origins is refused, and the request is answered with a 400 instead. One home for the server
// (apps/echo-server imports it from cors-core's index) and for the prediction (`echoServerAnswer`).
import { parseUrl, serializeOrigin, type ParsedUrl } from '../fetch/urls';

/** The echo server's error answers (a JSON body): no CORS headers, never cached, never sniffed. */
export const ECHO_SERVER_ERROR_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Type', 'application/json; charset=utf-8'],
  ['Cache-Control', 'no-store'],
  ['X-Content-Type-Options', 'nosniff'],
];

/**
 * The answer the echo server sends when a `Location` points outside its origins (no open redirect): its
 * JSON error answer, without CORS headers. NOTE: its Content-Length depends on the error text, so it is
 * not predicted (it only matters to a page on the same origin as the server).
 */
export const FOREIGN_LOCATION_ANSWER = {
  status: 400,
  headers: ECHO_SERVER_ERROR_HEADERS.map(([name, value]): [string, string] => [name, value]),
};

/**
 * Whether `location`, resolved against the URL that answered (`base`), is an HTTP(S) URL on one of the
 * deployment's origins (`ownOrigins`, serialized). False for a Location that does not parse.
 */
export function locationStaysInDeployment(location: string, base: ParsedUrl | string, ownOrigins: readonly string[]): boolean {
  const target = parseUrl(location, typeof base === 'string' ? parseUrl(base) : base);
  return target !== undefined && (target.scheme === 'http' || target.scheme === 'https') && ownOrigins.includes(serializeOrigin(target));
}
