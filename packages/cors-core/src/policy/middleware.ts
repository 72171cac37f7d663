// What a CORS middleware sends for one request under a policy. Not a spec algorithm: the server side
// the Fetch standard's CORS checks read. Each framework profile (frameworks/*.ts) follows its library's
// source as the tested release ships it; middleware-check runs the real library against these profiles.
import { getHeader, type HeaderLines } from '../fetch/header-list';
import type { RequestKind } from '../scenario/routes';
import type { CorsPolicy } from './schema';

/** A request as the server received it. */
export interface PolicyRequest {
  method: string;
  /** How the echo server classifies it: OPTIONS with Access-Control-Request-Method is a preflight. */
  kind: RequestKind;
  headers: HeaderLines;
}

/** What the application behind the middleware answers (the scenario's route, or its 404). */
export interface AppAnswer {
  status: number;
  headers: [string, string][];
  body: string;
}

/** One thing the middleware decided, as a sentence for the explanation. */
export interface PolicyNote {
  code: string;
  text: string;
}

export interface MiddlewareAnswer extends AppAnswer {
  /** Whether the policy allowed the request's Origin (null: the request had none). */
  originAllowed: boolean | null;
  notes: PolicyNote[];
}

/** Header lines with the middleware's CORS headers first, as a middleware sets them before the handler. */
export type HeaderLinesOut = [string, string][];

export function requestOrigin(request: PolicyRequest): string | null {
  return getHeader(request.headers, 'origin');
}

/** `https://*.example.com` as a regular expression source: one or more subdomain labels, the rest literal. */
export function originPatternSource(pattern: string): string {
  const star = pattern.indexOf('*.');
  const scheme = pattern.slice(0, star);
  const rest = pattern.slice(star + 2);
  return `^${escapeRegExp(scheme)}([a-z0-9-]+\\.)+${escapeRegExp(rest)}$`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Whether the policy lets this origin in (before any framework's own handling of `*`). */
export function isOriginAllowed(policy: CorsPolicy, origin: string | null): boolean {
  if (origin === null) return false;
  if (policy.allowOrigins === '*' || policy.allowOrigins === 'reflect-any') return true;
  if (policy.allowOrigins.includes(origin)) return true;
  return policy.allowOriginPatterns.some((pattern) => new RegExp(originPatternSource(pattern)).test(origin));
}

/** Whether the policy lists origins (so the answer depends on the Origin and a cache must vary on it). */
export function listsOrigins(policy: CorsPolicy): boolean {
  return Array.isArray(policy.allowOrigins);
}

/**
 * The statuses nginx's `add_header` covers without `always` (ngx_http_headers_module): 200, 201, 204,
 * 206, 301, 302, 303, 304, 307 and 308. Any other answer goes out without those headers.
 */
export const NGINX_ADD_HEADER_STATUSES: readonly number[] = [200, 201, 204, 206, 301, 302, 303, 304, 307, 308];

export function isCorsHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('access-control-') || lower === 'vary';
}

/** The auth layer in front of the middleware: 401 to a request without Authorization, before CORS runs. */
export function authLayerAnswer(policy: CorsPolicy, request: PolicyRequest): MiddlewareAnswer | undefined {
  if (!policy.authBeforeCors || getHeader(request.headers, 'authorization') !== null) return undefined;
  const preflight = request.kind === 'preflight';
  return {
    status: 401,
    headers: [['Content-Type', 'text/plain; charset=utf-8']],
    body: 'Unauthorized',
    originAllowed: isOriginAllowed(policy, requestOrigin(request)),
    notes: [
      {
        code: 'auth-before-cors',
        text: preflight
          ? 'The authentication layer runs before the CORS middleware and answers 401: a preflight never carries credentials, so it never reaches the middleware and gets no CORS headers. Fix: let OPTIONS through before authentication (register the CORS middleware first).'
          : 'The authentication layer answers 401 before the CORS middleware adds its headers (the request has no Authorization header): the browser reports a missing Access-Control-Allow-Origin instead of the 401.',
      },
    ],
  };
}

/** Joins a middleware's CORS header lines in front of the application's own lines. */
export function withAppAnswer(cors: HeaderLinesOut, app: AppAnswer): [string, string][] {
  return [...cors, ...app.headers];
}

/** A note about the Origin decision, shared by the profiles. */
export function originNote(policy: CorsPolicy, origin: string | null, allowed: boolean, sentOrigin: string | null): PolicyNote {
  if (origin === null) return { code: 'no-origin', text: 'The request carries no Origin header: not a CORS request for the middleware.' };
  if (!allowed) {
    return {
      code: 'origin-refused',
      text: `The policy does not allow the origin ${origin}, so no Access-Control-Allow-Origin is sent${listsOrigins(policy) ? ` (allowed: ${[...(policy.allowOrigins as string[]), ...policy.allowOriginPatterns].join(', ') || 'none'})` : ''}.`,
    };
  }
  if (sentOrigin === '*') return { code: 'origin-wildcard', text: 'Any origin is allowed and answered with Access-Control-Allow-Origin: *.' };
  return { code: 'origin-reflected', text: `The origin ${origin} is allowed and sent back in Access-Control-Allow-Origin.` };
}

export function starWithCredentialsNote(framework: string, sent: '*' | 'reflected'): PolicyNote {
  return sent === '*'
    ? {
        code: 'star-with-credentials-sent',
        text: `${framework} sends Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true, as configured; a browser refuses that for a request with credentials. Fix: list the origins that may send credentials (or reflect the origin only for a list).`,
      }
    : {
        code: 'star-with-credentials-reflected',
        text: `${framework} turns "*" with credentials into a reflection of whatever Origin arrives: every site can now read answers with the user's cookies. Fix: list the origins that may send credentials.`,
      };
}

/**
 * Drops the CORS headers from an error answer when the policy says error answers lose them (nginx
 * without `always`, a handler that resets headers on error).
 */
export function applyHeadersOnErrors(policy: CorsPolicy, answer: MiddlewareAnswer, keeps: (status: number) => boolean, framework: string): MiddlewareAnswer {
  if (policy.headersOnErrors || keeps(answer.status)) return answer;
  if (!answer.headers.some(([name]) => isCorsHeaderName(name) && name.toLowerCase() !== 'vary')) return answer;
  return {
    ...answer,
    headers: answer.headers.filter(([name]) => !isCorsHeaderName(name)),
    notes: [
      ...answer.notes,
      {
        code: 'headers-dropped-on-error',
        text: `${framework} sends the CORS headers only with successful answers, and this one is ${answer.status}: the browser reports a missing Access-Control-Allow-Origin and script never sees the ${answer.status}. Fix: send the CORS headers on error answers too${framework === 'nginx' ? " (`add_header ... always`)" : ''}.`,
      },
    ],
  };
}
