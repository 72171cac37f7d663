// The request handler: from a received request (an `Exchange`) to a `Reply`. It knows nothing about
// sockets or listening, so the Node adapter (http-io.ts), the parser for methods Node refuses
// (raw-http.ts) and the tests all drive the same logic.
import { deploymentOrigins, type Origins } from '@cors-playground/cors-core';
import type { EchoConfig } from './config';
import type { Logger } from './log';
import { isRunKey, parseWirePath, paths, runIdForKey, RUN_PREFIX, INFRA_PREFIX, type ServerConfig } from './protocol';
import { RECORD_BODY_BYTES, type RecordStore } from './records';
import { answerScenarioRequest, type SharedAnswer } from './scenario-answer';
import { staticFileReply, type StaticRoot } from './static-files';
import pkg from '../package.json';

export const VERSION: string = pkg.version;

/** A request as received, whoever parsed it. */
export interface Exchange {
  /** Exactly as received ("patch", "CHICKEN"). */
  method: string;
  /** The request target ("/r/.../resource?x=1"). */
  target: string;
  /** Header lines in order, flat: name, value, name, value... (Node's `rawHeaders`). */
  rawHeaders: string[];
  /** The body as received, at most `maxBodyBytes`. */
  body: Buffer;
  /** Body bytes received in total (more than `body.length` when the body was too large). */
  bodyBytes: number;
  bodyTooLarge: boolean;
  /** The port the request arrived on (identifies the origin in LAN mode). */
  localPort: number;
  /** When the request arrived (performance.now()). */
  startedAt: number;
}

export interface LogFields {
  /** The logical path for scenario requests (the payload is left out), the target otherwise. */
  path: string;
  runId?: string;
  origin: string;
}

export type Reply =
  | { type: 'response'; status: number; headers: [string, string][]; body: Buffer; delayMs: number; close?: boolean; log: LogFields; shared?: SharedAnswer }
  | { type: 'file'; status: number; headers: [string, string][]; file: string; log: LogFields }
  | { type: 'events'; runId: string; lastEventId: number; log: LogFields };

export interface HandlerContext {
  config: EchoConfig;
  store: RecordStore;
  logger: Logger;
  staticRoot: StaticRoot | null;
}

export interface Handler {
  /** A scenario request is answered at once (no promise); the other routes may have to wait. */
  handle(exchange: Exchange): Reply | Promise<Reply>;
  /** The serving origin of a request, from its Host (and port). */
  servingOrigin(host: string | undefined, localPort: number): string;
  context: HandlerContext;
}

function headerValue(flat: readonly string[], lowerName: string): string | undefined {
  for (let i = 0; i + 1 < flat.length; i += 2) if (flat[i]!.toLowerCase() === lowerName) return flat[i + 1];
  return undefined;
}

/** The logged form of a path: at most 200 characters. */
function shortPath(path: string): string {
  return path.length > 200 ? `${path.slice(0, 200)}...` : path;
}

/** JSON with the headers every infrastructure endpoint sends (never used for scenario answers). */
function json(status: number, value: unknown, log: LogFields, cors = true, extra: [string, string][] = []): Reply {
  const body = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
  const headers: [string, string][] = [['Content-Type', 'application/json; charset=utf-8'], ['Cache-Control', 'no-store']];
  if (cors) headers.push(['Access-Control-Allow-Origin', '*']);
  headers.push(['X-Content-Type-Options', 'nosniff'], ...extra, ['Content-Length', String(body.length)]);
  return { type: 'response', status, headers, body, delayMs: 0, log };
}

/** Maps Host (and port) to one of the configured origins. */
function originResolver(origins: Origins): (host: string | undefined, localPort: number) => string {
  const byHost = new Map<string, string>();
  const byPort = new Map<number, string[]>();
  for (const origin of deploymentOrigins(origins)) {
    const url = new URL(origin);
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    byHost.set(url.host, origin);
    if (url.port === '') byHost.set(`${url.hostname}:${port}`, origin);
    byPort.set(port, [...(byPort.get(port) ?? []), origin]);
  }
  const scheme = new URL(origins.api).protocol;
  return (host, localPort) => {
    const normalized = host?.trim().toLowerCase();
    const known = normalized === undefined ? undefined : byHost.get(normalized);
    if (known) return known;
    const onPort = byPort.get(localPort);
    if (onPort?.length === 1) return onPort[0]!;
    // Not one of ours (e.g. 127.0.0.1:8787): the literal origin, so path-only routes still match.
    if (normalized && /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/.test(normalized)) return `${scheme}//${normalized}`;
    return origins.api;
  };
}

export function createHandler(context: HandlerContext): Handler {
  const { config, store } = context;
  const ownOrigins = deploymentOrigins(config.origins);
  const servingOrigin = originResolver(config.origins);
  const serverConfig: ServerConfig = { origins: config.origins, version: VERSION };

  function handle(exchange: Exchange): Reply | Promise<Reply> {
    const origin = servingOrigin(headerValue(exchange.rawHeaders, 'host'), exchange.localPort);
    // --- the route table ------------------------------------------------------------------------
    if (exchange.target.startsWith(RUN_PREFIX)) return scenario(exchange, origin);
    return infrastructure(exchange, origin);
  }

  async function infrastructure(exchange: Exchange, origin: string): Promise<Reply> {
    const target = exchange.target;
    const log: LogFields = { path: shortPath(target), origin };
    const method = exchange.method;
    const readOnly = method === 'GET' || method === 'HEAD';
    const notAllowed = () => json(405, { error: `method ${method} is not allowed here; use GET` }, log, true, [['Allow', 'GET, HEAD']]);

    if (!target.startsWith('/')) return json(400, { error: 'the request target must be a path starting with "/"' }, log);

    const queryStart = target.indexOf('?');
    const pathname = queryStart === -1 ? target : target.slice(0, queryStart);
    if (pathname === paths.config) return readOnly ? json(200, serverConfig, log) : notAllowed();
    if (pathname === paths.healthz || pathname === '/healthz') return readOnly ? json(200, { ok: true }, log) : notAllowed();
    const record = /^\/__pg\/record\/([^/]*)(\/events)?$/.exec(pathname);
    if (record) {
      log.path = `${INFRA_PREFIX}record/<key>${record[2] ?? ''}`;
      if (!readOnly) return notAllowed();
      const key = record[1]!;
      if (!isRunKey(key)) return json(400, { error: 'not a record key (22 base64url characters)' }, log);
      const runId = await runIdForKey(key);
      log.runId = runId;
      if (record[2]) {
        const lastEventId = Number(headerValue(exchange.rawHeaders, 'last-event-id') ?? '-1');
        return { type: 'events', runId, lastEventId: Number.isInteger(lastEventId) ? lastEventId : -1, log };
      }
      return json(200, store.get(runId), log);
    }
    if (pathname.startsWith(INFRA_PREFIX)) return json(404, { error: `no such endpoint: ${pathname.slice(0, 100)}` }, log);
    if (!readOnly) return notAllowed();
    return staticFileReply(context.staticRoot, pathname, origin === config.origins.page, exchange.rawHeaders, method, log);
  }

  function scenario(exchange: Exchange, origin: string): Reply {
    const wire = parseWirePath(exchange.target);
    if (!wire) return json(400, { error: 'not a scenario URL: expected /r/<runId>/<payload>/<path>' }, { path: shortPath(exchange.target), origin }, false);
    const log: LogFields = { path: shortPath(wire.logicalPath), runId: wire.runId, origin };
    const answer = exchange.bodyTooLarge
      ? ({ ok: false, kind: 'actual', route: null, status: 413, error: 'request body too large', issues: [{ path: 'body', message: `the body has more than ${config.limits.maxBodyBytes} bytes` }] } as const)
      : answerScenarioRequest(wire, { method: exchange.method, origin, rawHeaders: exchange.rawHeaders }, { ownOrigins, maxDelayMs: config.limits.maxDelayMs });
    const stored = exchange.bodyBytes === 0 ? null : exchange.body.subarray(0, RECORD_BODY_BYTES);
    const delayMs = answer.ok ? answer.delayMs : 0;
    // Recorded before the answer is written: the page reads the record as soon as its request settles.
    store.add(wire.runId, {
      origin,
      method: exchange.method,
      path: wire.logicalPath,
      rawHeaders: exchange.rawHeaders,
      body: stored === null ? null : stored.toString('utf8'),
      bodyBytes: exchange.bodyBytes,
      bodyTruncated: exchange.bodyBytes > (stored?.length ?? 0),
      kind: answer.kind,
      route: answer.route,
      answer: answer.ok
        ? (answer.shared?.record ?? { status: answer.status, headers: answer.headers })
        : { error: `${answer.status} ${answer.error}: ${answer.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}` },
      durationMs: Math.round((performance.now() - exchange.startedAt + delayMs) * 1000) / 1000,
    });
    if (!answer.ok) {
      // An error is not a scenario answer, but it carries no CORS header either: the page learns the
      // problem from the record, and a broken scenario never looks like a permissive server.
      const reply = json(answer.status, { error: answer.error, issues: answer.issues }, log, false);
      if (answer.status === 413 && reply.type === 'response') reply.close = true;
      return reply;
    }
    return { type: 'response', status: answer.status, headers: answer.headers, body: answer.body, delayMs, log, shared: answer.shared };
  }

  return { handle, servingOrigin, context };
}
