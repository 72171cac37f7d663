// The request handler: from a received request (an `Exchange`) to a `Reply`. It knows nothing about
// sockets or listening, so the Node adapter (http-io.ts), the parser for methods Node refuses
// (raw-http.ts) and the tests all drive the same logic.
import { deploymentOrigins, type Origins } from '@cors-playground/cors-core';
import type { EchoConfig } from './config';
import type { Logger } from './log';
import { isRunKey, parseWirePath, paths, runIdForKey, RUN_PREFIX, INFRA_PREFIX, type ServerConfig } from '@cors-playground/wire';
import { errorReply, jsonReply } from './reply';
import { shortPath } from './log-path';
import type { RecordStore } from './records';
import { createProbeRoute } from './probe-route';
import { answerScenarioRequest, PayloadMemo, type AnswerContext, type SharedAnswer } from './scenario-answer';
import { staticFileReply, type StaticRoot } from './static-files';
import type { BackendSupervisor } from './backends/supervisor';
import { backendScenario } from './backends/backend-scenario';
import { recordScenarioRequest } from './record-request';
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
  /** The client's address (rate limits). */
  remoteAddress?: string;
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
  /** The real middleware backends (`--backends`), or null when none runs. */
  backends?: BackendSupervisor | null;
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

/** The key segment of the record paths, as the route table spells it. */
const KEY = ':key';

/**
 * The server's own endpoints, as data: each path comes from the wire protocol's `paths` (the record paths
 * with `:key` in place of the key), so the web app and the server cannot disagree on them.
 */
const INFRA_ROUTES = [
  { path: paths.config, endpoint: 'config' },
  { path: paths.healthz, endpoint: 'healthz' },
  { path: '/healthz', endpoint: 'healthz' },
  { path: paths.record(KEY), endpoint: 'record' },
  { path: paths.recordEvents(KEY), endpoint: 'recordEvents' },
  { path: paths.probe, endpoint: 'probe' },
] as const;
type Endpoint = (typeof INFRA_ROUTES)[number]['endpoint'];

const ROUTE_TABLE = INFRA_ROUTES.map((route) => ({ ...route, segments: route.path.split('/') }));

/** The endpoint a path names, and its key when it has one. */
export function matchInfraRoute(pathname: string): { endpoint: Endpoint; path: string; key?: string } | undefined {
  const segments = pathname.split('/');
  for (const route of ROUTE_TABLE) {
    if (route.segments.length !== segments.length) continue;
    let key: string | undefined;
    let matches = true;
    for (let i = 0; i < segments.length && matches; i++) {
      if (route.segments[i] === KEY) key = segments[i];
      else matches = route.segments[i] === segments[i];
    }
    if (matches) return key === undefined ? { endpoint: route.endpoint, path: route.path } : { endpoint: route.endpoint, path: route.path, key };
  }
  return undefined;
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

/** Added to scenario answers on the page origin that a browser may render (see `scenario`). */
export const PAGE_ORIGIN_SANDBOX: [string, string] = ['Content-Security-Policy', 'sandbox'];

export function createHandler(context: HandlerContext): Handler {
  const { config, store } = context;
  const ownOrigins = deploymentOrigins(config.origins);
  const servingOrigin = originResolver(config.origins);
  const probeAllow = config.probeAllow ?? [];
  const serverConfig: ServerConfig = { origins: config.origins, version: VERSION, ...(probeAllow.length > 0 ? { probe: { allow: [...probeAllow] } } : {}) };
  const probeRoute = createProbeRoute({ allow: probeAllow }, config.origins.page);
  const answerContext: AnswerContext = {
    ownOrigins,
    maxDelayMs: config.limits.maxDelayMs,
    memo: new PayloadMemo(config.limits.payloadMemoBytes, config.origins),
    maxAnswerHeaderBytes: config.limits.maxAnswerHeaderBytes,
    maxAnswerBodyBytes: config.limits.maxAnswerBodyBytes,
  };

  function handle(exchange: Exchange): Reply | Promise<Reply> {
    const origin = servingOrigin(headerValue(exchange.rawHeaders, 'host'), exchange.localPort);
    // --- the route table ------------------------------------------------------------------------
    if (exchange.target.startsWith(RUN_PREFIX)) return scenario(exchange, origin);
    return infrastructure(exchange, origin);
  }

  async function infrastructure(exchange: Exchange, origin: string): Promise<Reply> {
    const target = exchange.target;
    const log: LogFields = { path: shortPath(target, config.limits.logPathChars), origin };
    const method = exchange.method;
    const readOnly = method === 'GET' || method === 'HEAD';
    const notAllowed = () => errorReply(405, `method ${method} is not allowed here; use GET`, log, { cors: true, extra: [['Allow', 'GET, HEAD']] });

    if (!target.startsWith('/')) return errorReply(400, 'the request target must be a path starting with "/"', log, { cors: true });

    const queryStart = target.indexOf('?');
    const pathname = queryStart === -1 ? target : target.slice(0, queryStart);
    const route = matchInfraRoute(pathname);
    if (route) {
      log.path = route.path;
      if (route.endpoint === 'probe') return probeRoute(exchange, log);
      if (!readOnly) return notAllowed();
      if (route.endpoint === 'config') return jsonReply(200, context.backends ? { ...serverConfig, backends: context.backends.status() } : serverConfig, log);
      if (route.endpoint === 'healthz') return jsonReply(200, { ok: true }, log);
      if (!isRunKey(route.key!)) return errorReply(400, 'not a record key (22 base64url characters)', log, { cors: true });
      const runId = await runIdForKey(route.key!);
      log.runId = runId;
      if (route.endpoint === 'recordEvents') {
        const lastEventId = Number(headerValue(exchange.rawHeaders, 'last-event-id') ?? '-1');
        return { type: 'events', runId, lastEventId: Number.isInteger(lastEventId) ? lastEventId : -1, log };
      }
      return jsonReply(200, store.get(runId), log);
    }
    if (pathname.startsWith(INFRA_PREFIX)) return errorReply(404, `no such endpoint: ${pathname.slice(0, 100)}`, log, { cors: true });
    if (!readOnly) return notAllowed();
    return staticFileReply(context.staticRoot, pathname, origin === config.origins.page, exchange.rawHeaders, method, log);
  }

  function scenario(exchange: Exchange, origin: string): Reply | Promise<Reply> {
    const wire = parseWirePath(exchange.target);
    if (!wire) return errorReply(400, 'not a scenario URL: expected /r/<runId>/<payload>/<path>', { path: shortPath(exchange.target, config.limits.logPathChars), origin });
    const log: LogFields = { path: shortPath(wire.logicalPath, config.limits.logPathChars), runId: wire.runId, origin };
    if (!exchange.bodyTooLarge) {
      // Policy mode run by a real middleware: the payload names the backend (validated with the routes).
      const routes = answerContext.memo.routes(wire.payload);
      if (routes.ok && routes.backend) return backendScenario({ exchange, origin, wire, log, backend: routes.backend, supervisor: context.backends ?? null, answerContext, store, config });
    }
    let answer = exchange.bodyTooLarge
      ? ({ ok: false, kind: 'actual', route: null, status: 413, error: 'request body too large', issues: [{ path: 'body', message: `the body has more than ${config.limits.maxBodyBytes} bytes` }] } as const)
      : answerScenarioRequest(wire, { method: exchange.method, origin, rawHeaders: exchange.rawHeaders }, answerContext);
    if (answer.ok && origin === config.origins.page && headerValue(exchange.rawHeaders, 'sec-fetch-dest') !== 'empty') {
      // The page origin holds the playground's saved state: a scenario answer the browser would render
      // there (a navigation, a frame: anything but fetch/XHR, which send `Sec-Fetch-Dest: empty`) is
      // sandboxed, so its script never runs with that origin (README.md, "The page origin").
      answer = { ...answer, headers: [...answer.headers, PAGE_ORIGIN_SANDBOX], shared: undefined };
    }
    const delayMs = answer.ok ? answer.delayMs : 0;
    recordScenarioRequest(store, config, exchange, origin, wire, {
      kind: answer.kind,
      route: answer.route,
      answer: answer.ok
        ? (answer.shared?.record ?? { status: answer.status, headers: answer.headers })
        : { error: `${answer.status} ${answer.error}: ${answer.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}` },
      delayMs,
    });
    if (!answer.ok) {
      // An error is not a scenario answer, but it carries no CORS header either: the page learns the
      // problem from the record, and a broken scenario never looks like a permissive server.
      return errorReply(answer.status, answer.error, log, { issues: answer.issues, close: answer.status === 413 });
    }
    return { type: 'response', status: answer.status, headers: answer.headers, body: answer.body, delayMs, log, shared: answer.shared };
  }

  return { handle, servingOrigin, context };
}
