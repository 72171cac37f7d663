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
  locationStaysInDeployment,
  matchRoute,
  NO_ROUTE_ANSWER,
  requestKind,
  resolveRequestPlaceholders,
  ServerSchema,
  type Answer,
  type RequestKind,
  type Routes,
  utf8ByteLength,
} from '@cors-playground/cors-core';
import { inflateRawSync } from 'node:zlib';
import { DEFAULT_ORIGINS, type Origins } from '@cors-playground/cors-core';
import { validateBackend, type BackendRequestConfig } from './backends/validate';
import { cookieOutlivesRun, decodeRoutes, toWireUrl, wirePrefix, type InflateRaw, type WirePath, type WireRun } from '@cors-playground/wire';

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

/** Bytes the whole answer header block may take after reflection; Chromium refuses more than 256 KiB. */
export const MAX_ANSWER_HEADER_BYTES = 262_144;
/**
 * Bytes an answer body may take after `{request.*}` reflection: twice cors-core's 64 KiB scenario body,
 * so a body that reflects a few request headers fits, and one that reflects a 15 KB header thousands of
 * times (85 MiB) is refused before it is built.
 */
export const MAX_ANSWER_BODY_BYTES = 131_072;
/** Bytes the payload memo may take (its estimate: payload + inflated JSON, twice for the parsed objects). */
export const PAYLOAD_MEMO_BYTES = 33_554_432;

type Validated = { ok: true; routes: Routes; backend?: BackendRequestConfig } | { ok: false; error: string; issues: Issue[] };

/** zlib stops inflating at the limit (a 6 MiB deflate bomb costs what 256 KiB does). */
const inflateRaw: InflateRaw = (compressed, maxBytes) => {
  try {
    return inflateRawSync(compressed, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw error;
  }
};

/**
 * Validated routes by payload, bounded by bytes (least recently used first out). Only a memo (any
 * instance answers any request without it): it spares inflating and validating the same payload again
 * for every request of a run.
 */
export class PayloadMemo {
  private readonly entries = new Map<string, { result: Validated; bytes: number }>();
  private bytes = 0;
  // The requests of a run come in bursts with the same payload: comparing with the last one is cheaper
  // than hashing a payload of up to 8 KiB for the map.
  private lastPayload = '';
  private lastResult: Validated | undefined;

  constructor(
    private readonly maxBytes: number = PAYLOAD_MEMO_BYTES,
    /** The deployment's origins: a real backend's policy resolves its placeholders with them. */
    private readonly origins: Origins = DEFAULT_ORIGINS,
  ) {}

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  routes(payload: string): Validated {
    if (this.lastResult !== undefined && payload === this.lastPayload) return this.lastResult;
    let entry = this.entries.get(payload);
    if (entry) {
      this.entries.delete(payload);
      this.entries.set(payload, entry);
    } else {
      const { result, inflatedBytes } = decodeAndValidate(payload, this.origins);
      entry = { result, bytes: 2 * payload.length + 2 * inflatedBytes };
      if (entry.bytes <= this.maxBytes) {
        while (this.bytes + entry.bytes > this.maxBytes) {
          const [oldest, old] = this.entries.entries().next().value as [string, { bytes: number }];
          this.entries.delete(oldest);
          this.bytes -= old.bytes;
        }
        this.entries.set(payload, entry);
        this.bytes += entry.bytes;
      }
    }
    this.lastPayload = payload;
    this.lastResult = entry.result;
    return entry.result;
  }
}

function decodeAndValidate(payload: string, origins: Origins): { result: Validated; inflatedBytes: number } {
  let inflatedBytes = 0;
  const decoded = decodeRoutes(payload, (compressed, maxBytes) => {
    const out = inflateRaw(compressed, maxBytes);
    inflatedBytes = out?.length ?? 0;
    return out;
  });
  if (!decoded.ok) return { result: { ok: false, error: 'invalid scenario payload', issues: [{ path: 'payload', message: decoded.error }] }, inflatedBytes };
  const parsed = ServerSchema.safeParse({ routes: decoded.routes });
  if (!parsed.success) {
    return {
      result: {
        ok: false,
        error: 'invalid scenario',
        issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path, 'server'), message: issue.message })),
      },
      inflatedBytes,
    };
  }
  if (decoded.backend === undefined) return { result: { ok: true, routes: parsed.data.routes }, inflatedBytes };
  const backend = validateBackend(decoded.backend, origins);
  return { result: backend.ok ? { ok: true, routes: parsed.data.routes, backend: backend.backend } : backend, inflatedBytes };
}

export interface AnswerContext {
  /** The server's own origins: Locations there are rewritten, anywhere else refused. */
  ownOrigins: readonly string[];
  maxDelayMs: number;
  memo: PayloadMemo;
  /** After reflection (defaults MAX_ANSWER_HEADER_BYTES, MAX_ANSWER_BODY_BYTES). */
  maxAnswerHeaderBytes?: number;
  maxAnswerBodyBytes?: number;
}

/**
 * Builds the answer for a scenario request. Never throws. `asApplication`: the answer of the application
 * behind a real middleware, which answers every method with its route's `actual` answer (as cors-core's
 * policy model has it); `kind` still says what the request was.
 */
export function answerScenarioRequest(wire: WirePath, request: ScenarioRequest, context: AnswerContext, asApplication: boolean | 'actual' = false): ScenarioAnswer {
  // Only an OPTIONS request can be a preflight: other methods need not look at the header names.
  const kind: RequestKind = asApplication === 'actual' ? 'actual' : requestKind(request.method, request.method === 'OPTIONS' ? headerNames(request.rawHeaders) : []);
  if (asApplication && kind === 'preflight') return { ...answerScenarioRequest(wire, request, context, 'actual'), kind };

  const routes = context.memo.routes(wire.payload);
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
  const maxBodyBytes = context.maxAnswerBodyBytes ?? MAX_ANSWER_BODY_BYTES;
  const maxHeaderBytes = context.maxAnswerHeaderBytes ?? MAX_ANSWER_HEADER_BYTES;
  const bodyText = reflectBounded(answer.body ?? '', (requestHeaders ??= headerPairs(request.rawHeaders)), maxBodyBytes);
  if (bodyText === undefined) {
    return fail('answer too large', [{ path: route === null ? 'answer.body' : formatPath(['routes', route, kind, 'body'], 'server'), message: `after {request.*} reflection the body would exceed ${maxBodyBytes} bytes` }]);
  }
  const body = Buffer.from(bodyText, 'utf8');
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
      if (hasNoBody('GET', answer.status)) {
        return fail('framing header refused', [{ path: `${at(index)}[0]`, message: `a ${answer.status} answer has no body, so it may not carry Content-Length (RFC 9110 §8.6): a client or proxy reading it would fall out of step` }]);
      }
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
    if (headBytes > maxHeaderBytes) return fail('answer too large', [{ path: at(index), message: `the header block would exceed ${maxHeaderBytes} bytes` }]);
    headers.push([name, value]);
  }
  headers.push(...echoServerFramingHeaders(headers, request.method, answer.status, body.toString('utf8')));
  return { ok: true, kind, route, status: answer.status, headers, body: bodyless ? Buffer.alloc(0) : body, delayMs };
}

/**
 * `{request.NAME}` filled in, or undefined as soon as the text passes `maxBytes` (UTF-8): the text is
 * filled in piece by piece (each piece starts at a placeholder), so an amplifying body stops at the limit
 * instead of being built whole first.
 */
function reflectBounded(text: string, requestHeaders: readonly (readonly [string, string])[], maxBytes: number): string | undefined {
  if (!text.includes('{request.')) return utf8ByteLength(text) > maxBytes ? undefined : text;
  let out = '';
  let bytes = 0;
  let from = 0;
  while (from < text.length) {
    const next = text.indexOf('{request.', from + 1);
    const piece = resolveRequestPlaceholders(text.slice(from, next === -1 ? text.length : next), requestHeaders);
    bytes += utf8ByteLength(piece);
    if (bytes > maxBytes) return undefined;
    out += piece;
    from = next === -1 ? text.length : next;
  }
  return out;
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
  // AD-HOC: browsers read "\\" as "/" in http(s) URLs, other URL parsers do not
  // (`http://api.localhost:8787\\@evil.example/` is the own origin to one, evil.example to the other).
  if (location.includes('\\')) return { ok: false, message: `Location ${JSON.stringify(location)} holds a backslash, which URL parsers read differently (browsers as "/", others not): the echo server is not an open redirect; write "/"` };
  let target: URL;
  try {
    target = new URL(location, `${servingOrigin}${wire.logicalPath}`);
  } catch {
    return { ok: false, message: `Location ${JSON.stringify(location)} is not a URL` };
  }
  // The decision is cors-core's Location rule, so the prediction and the server refuse the same Locations.
  if (!locationStaysInDeployment(location, `${servingOrigin}${wire.logicalPath}`, ownOrigins)) {
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
  if (cookieOutlivesRun(setCookie)) return setCookie;
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
