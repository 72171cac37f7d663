// The answer to a scenario request (`/r/<runId>/<payload>/<path>`): the routes come from the payload,
// are validated with cors-core's schema, and matched with cors-core's `matchRoute`, so the prediction and
// the server cannot disagree on which answer a request gets. Headers are returned exactly as listed, plus
// at most one framing header (`Content-Length`, see README.md "Framing"). Nothing here writes to a socket.
import {
  echoServerFramingHeaders,
  formatPath,
  hasNoBody,
  isHeaderName,
  isSendableHeaderValue,
  matchRoute,
  NO_ROUTE_ANSWER,
  requestKind,
  resolveRequestPlaceholders,
  ServerSchema,
  type RequestKind,
  type Routes,
} from '@cors-playground/cors-core';
import { decodeRoutes, toWireUrl, wirePrefix, type WirePath } from './protocol';

export interface Issue {
  path: string;
  message: string;
}

export interface ScenarioRequest {
  method: string;
  /** The serialized origin the request was sent to. */
  origin: string;
  /** Header lines as received, in order, with case. */
  headers: readonly [string, string][];
}

export type ScenarioAnswer =
  | { ok: true; kind: RequestKind; route: string | null; status: number; headers: [string, string][]; body: Buffer; delayMs: number }
  | { ok: false; kind: RequestKind; route: string | null; status: 400; error: string; issues: Issue[] };

// The framing rule (`hasNoBody`, `echoServerFramingHeaders`) lives in cors-core, so the prediction knows
// exactly which Content-Length the browser will be able to read.
export { hasNoBody };

/** Bytes the whole response header block may take; Chromium refuses more than 256 KiB. */
export const MAX_RESPONSE_HEADER_BYTES = 262_144;

// Validated routes by payload. Only a memo (any instance can answer any request without it): it spares
// inflating and validating the same payload again for every request of a run.
const MEMO_SIZE = 512;
const memo = new Map<string, { ok: true; routes: Routes } | { ok: false; error: string; issues: Issue[] }>();

export function routesOfPayload(payload: string): { ok: true; routes: Routes } | { ok: false; error: string; issues: Issue[] } {
  const cached = memo.get(payload);
  if (cached) return cached;
  const result = decodeAndValidate(payload);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(payload, result);
  return result;
}

function decodeAndValidate(payload: string): { ok: true; routes: Routes } | { ok: false; error: string; issues: Issue[] } {
  const decoded = decodeRoutes(payload);
  if (!decoded.ok) return { ok: false, error: 'invalid scenario payload', issues: [{ path: 'payload', message: decoded.error }] };
  const parsed = ServerSchema.safeParse({ routes: decoded.routes });
  if (!parsed.success) {
    return {
      ok: false,
      error: 'invalid scenario',
      issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path, 'server'), message: issue.message })),
    };
  }
  return { ok: true, routes: parsed.data.routes };
}

export interface AnswerContext {
  /** The server's own origins: Locations there are rewritten, anywhere else refused. */
  ownOrigins: readonly string[];
  maxDelayMs: number;
}

/** Builds the answer for a scenario request. Never throws. */
export function answerScenarioRequest(wire: WirePath, request: ScenarioRequest, context: AnswerContext): ScenarioAnswer {
  const kind = requestKind(request.method, request.headers.map(([name]) => name));
  const fail = (route: string | null, error: string, issues: Issue[]): ScenarioAnswer => ({ ok: false, kind, route, status: 400, error, issues });

  const routes = routesOfPayload(wire.payload);
  if (!routes.ok) return fail(null, routes.error, routes.issues);

  const match = matchRoute(routes.routes, request.origin, wire.logicalPath, kind);
  const answer = match?.answer ?? NO_ROUTE_ANSWER;
  const route = match?.answer ? match.key : null;
  const at = (index: number) => (route === null ? `answer.headers[${index}]` : formatPath(['routes', route, kind, 'headers', index], 'server'));

  const headers: [string, string][] = [];
  const reflect = (text: string) => (text.includes('{request.') ? resolveRequestPlaceholders(text, request.headers) : text);
  const body = Buffer.from(reflect(answer.body ?? ''), 'utf8');
  const bodyless = hasNoBody(request.method, answer.status);
  let headBytes = 0;
  for (const [index, [name, template]] of answer.headers.entries()) {
    let value = reflect(template);
    // Re-validated after reflection: a reflected request header must not smuggle a line into the answer.
    if (!isHeaderName(name)) return fail(route, 'invalid header name', [{ path: `${at(index)}[0]`, message: `${JSON.stringify(name)} is not a token` }]);
    if (!isSendableHeaderValue(value)) {
      return fail(route, 'unsendable header value', [{ path: `${at(index)}[1]`, message: `after {request.*} reflection the value ${JSON.stringify(value)} cannot be sent (control character or character above U+00FF)` }]);
    }
    const lower = name.toLowerCase();
    if (lower === 'transfer-encoding' || lower === 'trailer') {
      return fail(route, 'framing header refused', [{ path: `${at(index)}[0]`, message: `the server frames every answer with Content-Length; a ${name} header would make the response unreadable or split it` }]);
    }
    if (lower === 'content-length') {
      if (!bodyless && value.trim() !== String(body.length)) {
        return fail(route, 'wrong Content-Length', [{ path: `${at(index)}[1]`, message: `Content-Length ${JSON.stringify(value)} differs from the body's ${body.length} bytes: the connection would fall out of step` }]);
      }
    }
    if (lower === 'location') {
      const rewritten = rewriteLocation(value, request.origin, wire, context.ownOrigins);
      if (!rewritten.ok) return fail(route, 'redirect refused', [{ path: `${at(index)}[1]`, message: rewritten.message }]);
      value = rewritten.value;
    }
    if (lower === 'set-cookie') {
      const problem = cookieDomainProblem(value, request.origin);
      if (problem) return fail(route, 'cookie refused', [{ path: `${at(index)}[1]`, message: problem }]);
    }
    headBytes += name.length + value.length + 4;
    if (headBytes > MAX_RESPONSE_HEADER_BYTES) return fail(route, 'answer too large', [{ path: at(index), message: `the header block would exceed ${MAX_RESPONSE_HEADER_BYTES} bytes` }]);
    headers.push([name, value]);
  }
  headers.push(...echoServerFramingHeaders(headers, request.method, answer.status, body.toString('utf8')));
  return { ok: true, kind, route, status: answer.status, headers, body: bodyless ? Buffer.alloc(0) : body, delayMs: Math.min(answer.delayMs ?? 0, context.maxDelayMs) };
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * A Location on one of the server's own origins gets the run's wire prefix (an absolute one keeps its
 * user info and spelling; a relative one is resolved against the logical URL and sent path-absolute);
 * a Location anywhere else is refused, so the server is never an open redirect.
 */
export function rewriteLocation(
  location: string,
  servingOrigin: string,
  wire: WirePath,
  ownOrigins: readonly string[],
): { ok: true; value: string } | { ok: false; message: string } {
  let target: URL;
  try {
    target = new URL(location, `${servingOrigin}${wire.logicalPath}`);
  } catch {
    return { ok: false, message: `Location ${JSON.stringify(location)} is not a URL` };
  }
  if (!ownOrigins.includes(target.origin)) {
    return { ok: false, message: `Location ${JSON.stringify(location)} leaves the server's own origins (${ownOrigins.join(', ')}): the echo server is not an open redirect` };
  }
  const prefix = wirePrefix(wire);
  if (ABSOLUTE.test(location)) return { ok: true, value: toWireUrl(location, wire, ownOrigins) };
  const pathAndRest = `${target.pathname}${target.search}${target.hash}`;
  if (location.startsWith('//')) return { ok: true, value: `//${target.host}${prefix}${pathAndRest}` };
  return { ok: true, value: target.origin === servingOrigin ? `${prefix}${pathAndRest}` : `${target.origin}${prefix}${pathAndRest}` };
}

/** A `Domain` attribute naming anything but the serving host is refused (a share link must not set cookies elsewhere). */
export function cookieDomainProblem(setCookie: string, servingOrigin: string): string | undefined {
  const host = new URL(servingOrigin).hostname.toLowerCase();
  for (const attribute of setCookie.split(';').slice(1)) {
    const eq = attribute.indexOf('=');
    const name = (eq === -1 ? attribute : attribute.slice(0, eq)).trim().toLowerCase();
    if (name !== 'domain') continue;
    const domain = (eq === -1 ? '' : attribute.slice(eq + 1)).trim().replace(/^\./, '').toLowerCase();
    if (domain !== host) return `Set-Cookie Domain ${JSON.stringify(domain)} is not this server's host ${JSON.stringify(host)}`;
  }
  return undefined;
}
