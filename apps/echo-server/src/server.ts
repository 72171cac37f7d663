// Listening: one node:http server per port, all sharing one handler, record store and set of live
// streams. This file owns what the handler must not know: sockets, timeouts, Node's own error answers,
// the hand-over of requests with methods Node refuses (raw-http.ts), logging, graceful shutdown.
import { createReadStream } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { listenPorts, type EchoConfig } from './config';
import { EVENT_STREAM_HEADERS, EventStreams } from './events';
import { createHandler, type Exchange, type Handler, type Reply } from './handler';
import { createLogger, type Logger } from './log';
import { RawConnection } from './raw-http';
import { RecordStore } from './records';
import { openStaticRoot } from './static-files';

export interface EchoServer {
  handler: Handler;
  store: RecordStore;
  logger: Logger;
  /** Starts listening; resolves with the bound ports (the main port first). */
  listen(): Promise<number[]>;
  /** Stops accepting, closes live streams, lets in-flight requests finish (up to the grace time). */
  close(): Promise<void>;
}

interface ClientError extends Error {
  code?: string;
  rawPacket?: Buffer;
  bytesParsed?: number;
}

const TAKEN_OVER = Symbol('echo-server.taken-over');
type TrackedSocket = Socket & { [TAKEN_OVER]?: RawConnection; parser?: { unconsume?: () => void } | null };

const NO_BODY = Buffer.alloc(0);
const NO_BODY_READ = { body: NO_BODY, bytes: 0, tooLarge: false } as const;

/** Whether the request announces a body (Content-Length or Transfer-Encoding), from its raw lines. */
function hasBody(rawHeaders: readonly string[]): boolean {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    // Only names of these two lengths can match: the common case costs a length check per line.
    if ((name.length === 14 || name.length === 17) && /^(content-length|transfer-encoding)$/i.test(name)) return true;
  }
  return false;
}

function readBody(req: IncomingMessage, limit: number): Promise<{ body: Buffer; bytes: number; tooLarge: boolean }> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) return Promise.resolve({ body: NO_BODY, bytes: declared, tooLarge: true });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) {
        req.pause();
        resolve({ body: NO_BODY, bytes, tooLarge: true });
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), bytes, tooLarge: false }));
    req.on('error', reject);
  });
}

/** Prepares a response so that Node writes the status line and exactly the header lines we pass. */
function exactHeaders(res: ServerResponse): void {
  res.sendDate = false; // no Date
  res.removeHeader('connection'); // no Connection / Keep-Alive: HTTP/1.1 is persistent by default
  res.removeHeader('transfer-encoding'); // no chunked framing: we pass Content-Length when there is a body
  res.removeHeader('content-length');
}

export function createEchoServer(config: EchoConfig, logger: Logger = createLogger(config.logLevel)): EchoServer {
  const { limits } = config;
  const store = new RecordStore(limits);
  const streams = new EventStreams(store, { heartbeatMs: limits.sseHeartbeatMs, maxStreams: limits.maxEventStreams });
  const handler = createHandler({ config, store, logger, staticRoot: openStaticRoot(config.webDir) });
  if (config.webDir !== null && handler.context.staticRoot === null) logger.log('warn', 'web directory not found: static paths will answer 404', { webDir: config.webDir });
  const rawConnections = new Set<RawConnection>();
  let inFlight = 0;
  let closing = false;
  let idleWaiters: (() => void)[] = [];
  const busy = (delta: 1 | -1) => {
    inFlight += delta;
    if (inFlight === 0) for (const wake of idleWaiters.splice(0)) wake();
  };

  function logAnswered(method: string, reply: Reply | null, status: number, startedAt: number): void {
    const level = status >= 500 ? 'error' : 'info';
    if (!logger.enabled(level)) return;
    logger.request(level, {
      method,
      path: reply?.log.path,
      status,
      ms: Math.round((performance.now() - startedAt) * 100) / 100,
      runId: reply?.log.runId,
      origin: reply?.log.origin,
    });
  }

  async function deliver(reply: Reply, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (reply.type === 'events') {
      if (streams.full) {
        exactHeaders(res);
        res.writeHead(503, ['Content-Type', 'application/json; charset=utf-8', 'Access-Control-Allow-Origin', '*', 'Content-Length', '58']);
        res.end('{"error":"too many live record streams; read the record"}\n');
        return;
      }
      res.sendDate = false;
      res.writeHead(200, EVENT_STREAM_HEADERS.flat());
      res.flushHeaders();
      streams.stream(reply.runId, reply.lastEventId, {
        write: (text) => void res.write(text),
        end: () => res.end(),
        backlog: () => res.writableLength,
        onClose: (listener) => void res.once('close', listener),
      });
      return;
    }
    if (reply.type === 'response' && reply.delayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (res.destroyed) return;
    }
    exactHeaders(res);
    if (reply.type === 'response' && reply.close) res.shouldKeepAlive = false;
    res.writeHead(reply.status, reply.type === 'response' && reply.shared ? reply.shared.headList : reply.headers.flat());
    if (reply.type === 'file') {
      const file = createReadStream(reply.file);
      file.on('error', () => res.destroy());
      file.pipe(res);
      await new Promise((resolve) => res.once('close', resolve));
    } else {
      // As a latin1 string (same bytes), Node sends the head and the body in one write instead of a writev.
      const body = reply.shared?.bodyText ?? reply.body.toString('latin1');
      await new Promise<void>((resolve) => res.end(body, 'latin1', () => resolve()));
    }
    void req;
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = performance.now();
    busy(1);
    let reply: Reply | null = null;
    /** Whether `finally` ends the request's busy time (a plain answer ends it when Node has written it). */
    let settleHere = true;
    try {
      // Most requests (GET, preflights) carry no body: no stream machinery, no promise for them.
      const { body, bytes, tooLarge } = hasBody(req.rawHeaders) ? await readBody(req, limits.maxBodyBytes) : (req.resume(), NO_BODY_READ);
      const exchange: Exchange = {
        method: req.method ?? 'GET',
        target: req.url ?? '/',
        rawHeaders: req.rawHeaders,
        body,
        bodyBytes: bytes,
        bodyTooLarge: tooLarge,
        localPort: req.socket.localPort ?? 0,
        startedAt,
      };
      const handled = handler.handle(exchange);
      reply = handled instanceof Promise ? await handled : handled;
      if (reply.type === 'response' && reply.delayMs === 0) {
        // The common case, without the promises of `deliver`: log and settle once Node has written it.
        exactHeaders(res);
        if (reply.close) res.shouldKeepAlive = false;
        const shared = reply.shared;
        res.writeHead(reply.status, shared ? shared.headList : reply.headers.flat());
        const answered = reply;
        // As a latin1 string (same bytes), Node sends the head and the body in one write instead of a writev.
        res.end(shared ? shared.bodyText : reply.body.toString('latin1'), 'latin1', () => {
          try {
            logAnswered(exchange.method, answered, answered.status, startedAt);
          } finally {
            busy(-1);
          }
        });
        settleHere = false;
        return;
      }
      await deliver(reply, req, res);
      logAnswered(exchange.method, reply, reply.type === 'events' ? 200 : reply.status, startedAt);
    } catch (error) {
      logger.log('error', 'request failed', { method: req.method, path: reply?.log.path, error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent && !res.destroyed) {
        const body = `${JSON.stringify({ error: 'internal error' })}\n`;
        exactHeaders(res);
        res.writeHead(500, ['Content-Type', 'application/json; charset=utf-8', 'Content-Length', String(Buffer.byteLength(body))]);
        res.end(body);
      } else res.destroy();
    } finally {
      if (settleHere) busy(-1);
    }
  }

  /** Node's parser refused the request: take over methods it does not know, answer the rest ourselves. */
  function onClientError(error: ClientError, socket: TrackedSocket): void {
    if (socket[TAKEN_OVER]) return; // later errors of Node's detached parser on a connection we own
    if (error.code === 'HPE_INVALID_METHOD' && error.rawPacket && !closing) {
      const packet = error.rawPacket;
      // The refused request starts at the beginning of its line (earlier bytes of the packet belonged to
      // requests Node already parsed).
      const at = Math.min(error.bytesParsed ?? 0, packet.length);
      const start = at <= 0 ? 0 : packet.lastIndexOf('\n', at - 1) + 1; // (a negative offset would count from the end)
      socket.parser?.unconsume?.();
      socket.removeAllListeners('data');
      for (const listener of socket.listeners('end')) if ((listener as { name?: string }).name === 'socketOnEnd') socket.removeListener('end', listener as () => void);
      const connection = new RawConnection(socket, packet.subarray(start), { handler, limits, streams, onAnswered: logAnswered, busy, closing: () => closing });
      socket[TAKEN_OVER] = connection;
      rawConnections.add(connection);
      socket.once('close', () => rawConnections.delete(connection));
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'ECONNRESET' ? 0 : 400;
    const message =
      status === 431 ? `the header block is larger than ${limits.maxHeaderBytes} bytes` : status === 408 ? 'request timeout: the request did not arrive in time' : `malformed request (${error.code ?? error.message})`;
    logger.log('warn', 'client error', { status, code: error.code });
    const response = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    if (status !== 0 && socket.writable && (!response || !response.headersSent)) {
      const body = `${JSON.stringify({ error: message })}\n`;
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      setTimeout(() => socket.destroy(), 1000).unref();
    } else socket.destroy();
  }

  // Connections with no byte in or out for idleTimeoutMs (a half-open client, a reader that stopped
  // reading its answer or its event stream) are destroyed. Checked every quarter of that time, like
  // Node checks its own timeouts, rather than with Node's `server.timeout`, which re-arms a timer on
  // every read and every write of every request.
  const connections = new Map<Socket, { progress: number; since: number }>();
  function watchIdle(socket: Socket): void {
    connections.set(socket, { progress: 0, since: performance.now() });
    socket.once('close', () => connections.delete(socket));
  }
  function closeIdle(): void {
    const now = performance.now();
    for (const [socket, seen] of connections) {
      const progress = socket.bytesRead + socket.bytesWritten;
      if (progress !== seen.progress) {
        seen.progress = progress;
        seen.since = now;
      } else if (now - seen.since >= limits.idleTimeoutMs) socket.destroy();
    }
  }

  const ports = listenPorts(config);
  const servers = ports.map(() => {
    const server = http.createServer({
      maxHeaderSize: limits.maxHeaderBytes,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often Node checks the two timeouts above (its default, 30 s, would let a short timeout slip).
      connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(limits.headersTimeoutMs / 4))),
      requireHostHeader: false,
      noDelay: true,
    });
    server.maxConnections = limits.maxConnections;
    server.on('connection', watchIdle);
    server.on('request', (req, res) => void onRequest(req, res));
    server.on('clientError', onClientError);
    return server;
  });

  const sweeper = setInterval(() => store.sweep(), Math.min(60_000, Math.max(1_000, limits.recordMaxAgeMs / 4)));
  sweeper.unref();
  const idleCheck = setInterval(closeIdle, Math.max(50, Math.min(30_000, Math.floor(limits.idleTimeoutMs / 4))));
  idleCheck.unref();

  return {
    handler,
    store,
    logger,
    async listen() {
      const bound: number[] = [];
      for (const [index, server] of servers.entries()) {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(ports[index], config.host, () => {
            server.off('error', reject);
            resolve();
          });
        });
        bound.push((server.address() as AddressInfo).port);
      }
      return bound;
    },
    async close() {
      closing = true;
      clearInterval(sweeper);
      clearInterval(idleCheck);
      const closed = Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
      streams.closeAll();
      store.closeAll();
      for (const connection of rawConnections) connection.closeIfIdle();
      for (const server of servers) server.closeIdleConnections();
      const drained = inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve));
      const grace = new Promise<void>((resolve) => setTimeout(resolve, limits.shutdownGraceMs).unref());
      await Promise.race([drained, grace]);
      idleWaiters = [];
      for (const server of servers) {
        server.closeIdleConnections();
        setImmediate(() => server.closeAllConnections());
      }
      await Promise.race([closed, grace]);
    },
  };
}
