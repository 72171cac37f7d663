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
  type Answer,
  type RequestKind,
  type Routes,
} from '@cors-playground/cors-core';
import { decodeRoutes, toWireUrl, wirePrefix, type WirePath, type WireRun } from './protocol';

export interface Issue {
  path: string;
  message: string;
}

export interface ScenarioRequest {
  method: string;
  /** The serialized origin the request was sent to. */
  origin: string;
  /** Header lines as received, in order, with case, flat as Node's `rawHeaders` (name, value, name, value...). */
  rawHeaders: readonly string[];
}

/**
 * An answer that is the same for every request (see `isFixedAnswer`): built and checked once, and kept
 * in the forms the server sends and records, shared (frozen) by every request that gets it.
 */
export interface SharedAnswer {
  /** Header lines flat, as Node's writeHead takes them (frozen: writeHead only reads it). */
  headList: string[];
  /** The body as latin1 text: the same bytes, sent with the head in one write. */
  bodyText: string;
  /** The record's `answer`. */
  record: { readonly status: number; readonly headers: [string, string][] };
}

export type ScenarioAnswer =
  | { ok: true; kind: RequestKind; route: string | null; status: number; headers: [string, string][]; body: Buffer; delayMs: number; shared?: SharedAnswer }
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

// The requests of a run come in bursts with the same payload: comparing with the last one is cheaper
// than hashing a payload of up to 8 KiB for the map.
let lastPayload = '';
let lastRoutes: { ok: true; routes: Routes } | { ok: false; error: string; issues: Issue[] } | undefined;

export function routesOfPayload(payload: string): { ok: true; routes: Routes } | { ok: false; error: string; issues: Issue[] } {
  if (lastRoutes !== undefined && payload === lastPayload) return lastRoutes;
  let result = memo.get(payload);
  if (!result) {
    result = decodeAndValidate(payload);
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
    memo.set(payload, result);
  }
  lastPayload = payload;
  lastRoutes = result;
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
  // Only an OPTIONS request can be a preflight: other methods need not look at the header names.
  const kind = requestKind(request.method, request.method === 'OPTIONS' ? headerNames(request.rawHeaders) : []);

  const routes = routesOfPayload(wire.payload);
  if (!routes.ok) return { ok: false, kind, route: null, status: 400, error: routes.error, issues: routes.issues };

  const match = matchRouteAgain(routes.routes, request.origin, wire.logicalPath, kind);
  const answer = match?.answer ?? NO_ROUTE_ANSWER;
  const route = match?.answer ? match.key : null;
  const bodyless = hasNoBody(request.method, answer.status);
  const delayMs = Math.min(answer.delayMs ?? 0, context.maxDelayMs);
  let built = fixedAnswers.get(answer);
  if (!built) fixedAnswers.set(answer, (built = { fixed: isFixedAnswer(answer) }));
  if (!built.fixed) return buildAnswer(answer, route, kind, bodyless, delayMs, wire, request, context);

  // The same answer for every request: built and checked once, then shared (frozen) by every reply and
  // record that uses it.
  let fixed = bodyless ? built.bodyless : built.withBody;
  if (!fixed) {
    const first = buildAnswer(answer, route, kind, bodyless, delayMs, wire, request, context);
    if (!first.ok) return first;
    const headers = Object.freeze(first.headers.map((line) => Object.freeze(line))) as [string, string][];
    fixed = {
      headers,
      body: first.body,
      shared: Object.freeze({ headList: Object.freeze(headers.flat()) as string[], bodyText: first.body.toString('latin1'), record: Object.freeze({ status: answer.status, headers }) }),
    };
    if (bodyless) built.bodyless = fixed;
    else built.withBody = fixed;
  }
  return { ok: true, kind, route, status: answer.status, headers: fixed.headers, body: fixed.body, delayMs, shared: fixed.shared };
}

// cors-core's matchRoute builds up to four route keys per request; a run sends the same request again
// and again, so the last match is kept (it depends on nothing else than these four values).
let lastMatch: { routes: Routes; origin: string; path: string; kind: RequestKind; match: ReturnType<typeof matchRoute> } | undefined;

function matchRouteAgain(routes: Routes, origin: string, path: string, kind: RequestKind): ReturnType<typeof matchRoute> {
  const last = lastMatch;
  if (last !== undefined && last.routes === routes && last.kind === kind && last.origin === origin && last.path === path) return last.match;
  const match = matchRoute(routes, origin, path, kind);
  lastMatch = { routes, origin, path, kind, match };
  return match;
}

function headerNames(rawHeaders: readonly string[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) names.push(rawHeaders[i]!);
  return names;
}

function headerPairs(rawHeaders: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) pairs.push([rawHeaders[i]!, rawHeaders[i + 1]!]);
  return pairs;
}

/**
 * Whether an answer comes out the same for every request: nothing reflected (`{request.NAME}`), no
 * Location (rewritten with the run's prefix and the serving origin) and no Set-Cookie (checked against
 * the serving host). Then only "does the answer have a body" (HEAD, 1xx, 204, 304) changes it.
 */
function isFixedAnswer(answer: Answer): boolean {
  let fixed = !(answer.body ?? '').includes('{request.');
  for (const [name, value] of answer.headers) {
    const lower = name.toLowerCase();
    if (value.includes('{request.') || lower === 'location' || lower === 'set-cookie') fixed = false;
  }
  return fixed;
}

// Keyed by the validated answer objects of the payload memo, so they live as long as their payload does.
interface FixedAnswer {
  headers: [string, string][];
  body: Buffer;
  shared: SharedAnswer;
}
const fixedAnswers = new WeakMap<Answer, { fixed: boolean; withBody?: FixedAnswer; bodyless?: FixedAnswer }>();

/** The answer's header lines (reflected, checked, Location rewritten) and body, plus the framing line. */
function buildAnswer(
  answer: Answer,
  route: string | null,
  kind: RequestKind,
  bodyless: boolean,
  delayMs: number,
  wire: WirePath,
  request: ScenarioRequest,
  context: AnswerContext,
): ScenarioAnswer {
  const fail = (error: string, issues: Issue[]): ScenarioAnswer => ({ ok: false, kind, route, status: 400, error, issues });
  const at = (index: number) => (route === null ? `answer.headers[${index}]` : formatPath(['routes', route, kind, 'headers', index], 'server'));

  const headers: [string, string][] = [];
  let requestHeaders: [string, string][] | undefined;
  const reflect = (text: string) => (text.includes('{request.') ? resolveRequestPlaceholders(text, (requestHeaders ??= headerPairs(request.rawHeaders))) : text);
  const body = Buffer.from(reflect(answer.body ?? ''), 'utf8');
  let headBytes = 0;
  for (const [index, [name, template]] of answer.headers.entries()) {
    let value = reflect(template);
    // Re-validated after reflection: a reflected request header must not smuggle a line into the answer.
    if (!isHeaderName(name)) return fail('invalid header name', [{ path: `${at(index)}[0]`, message: `${JSON.stringify(name)} is not a token` }]);
    if (!isSendableHeaderValue(value)) {
      return fail('unsendable header value', [{ path: `${at(index)}[1]`, message: `after {request.*} reflection the value ${JSON.stringify(value)} cannot be sent (control character or character above U+00FF)` }]);
    }
    const lower = name.toLowerCase();
    if (lower === 'transfer-encoding' || lower === 'trailer') {
      return fail('framing header refused', [{ path: `${at(index)}[0]`, message: `the server frames every answer with Content-Length; a ${name} header would make the response unreadable or split it` }]);
    }
    if (lower === 'content-length') {
      if (!bodyless && value.trim() !== String(body.length)) {
        return fail('wrong Content-Length', [{ path: `${at(index)}[1]`, message: `Content-Length ${JSON.stringify(value)} differs from the body's ${body.length} bytes: the connection would fall out of step` }]);
      }
    }
    if (lower === 'location') {
      const rewritten = rewriteLocation(value, request.origin, wire, context.ownOrigins);
      if (!rewritten.ok) return fail('redirect refused', [{ path: `${at(index)}[1]`, message: rewritten.message }]);
      value = rewritten.value;
    }
    if (lower === 'set-cookie') {
      const problem = cookieDomainProblem(value, request.origin);
      if (problem) return fail('cookie refused', [{ path: `${at(index)}[1]`, message: problem }]);
      value = rewriteCookiePath(value, wire);
    }
    headBytes += name.length + value.length + 4;
    if (headBytes > MAX_RESPONSE_HEADER_BYTES) return fail('answer too large', [{ path: at(index), message: `the header block would exceed ${MAX_RESPONSE_HEADER_BYTES} bytes` }]);
    headers.push([name, value]);
  }
  headers.push(...echoServerFramingHeaders(headers, request.method, answer.status, body.toString('utf8')));
  return { ok: true, kind, route, status: answer.status, headers, body: bodyless ? Buffer.alloc(0) : body, delayMs };
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

/**
 * A cookie's `Path` attribute gets the run's wire prefix, as a Location does: the scenario's paths are
 * logical, so `Path=/` means every path of this run (`/r/<runId>/<payload>/`). A cookie without Path gets
 * the default path of the wire URL, which is the prefix plus the logical default path already. So the
 * cookies of a run stay in that run: a browser's jar never carries them into another run of the playground.
 */
export function rewriteCookiePath(setCookie: string, wire: WireRun): string {
  // A `__Host-` cookie must keep `Path=/` or the browser refuses it (RFC 6265bis 4.1.3.2): it is left
  // as written, so it is the one kind of cookie that outlives its run in a playground browser.
  if (/^\s*__host-/i.test(setCookie)) return setCookie;
  return setCookie.replace(/(;[ \t]*path[ \t]*=[ \t]*)(\/[^;]*)/gi, (_whole, attribute: string, path: string) => `${attribute}${wirePrefix(wire)}${path}`);
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
