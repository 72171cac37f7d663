// Listening: one node:http server per port, all sharing one handler, record store and set of live
// streams. This file owns what the handler must not know: sockets, timeouts, Node's own error answers,
// the hand-over of requests with methods Node refuses (raw-http.ts), logging, graceful shutdown.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { listenPorts, type EchoConfig } from './config';
import { EventStreams } from './events';
import { createHandler, type Exchange, type Handler, type Reply } from './handler';
import { createLogger, type Logger } from './log';
import { RawConnection, refusedRequestStart, SocketOutput } from './raw-http';
import { errorReply, writeReply, type Output, type WriteContext } from './reply';
import { RecordStore } from './records';
import { openStaticRoot } from './static-files';
import { createSupervisor } from './backends/create';

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

/** Node's own listeners on a connection, as its http server attached them (taken off when raw-http takes over). */
const NODE_SOCKET_EVENTS = ['data', 'end', 'timeout', 'resume', 'pause'] as const;

/** What the server knows about one connection. */
interface Connection {
  /** Requests Node's parser has handed us whose answers are not written yet, oldest first, with what ends each. */
  outstanding: Map<ServerResponse, (status: number) => void>;
  /** Called when `outstanding` is empty. */
  waiters: (() => void)[];
  /** A live record stream is open on it. */
  streaming: boolean;
  /** `socket.bytesRead` when the last request read by Node's parser was complete, and the value before. */
  completedAt: number;
  completedBefore: number;
  /** Node's listeners, to take off if raw-http takes the connection over. */
  nodeListeners: [string, ((...args: unknown[]) => void)[]][];
  raw: RawConnection | null;
  /** A client error was answered: the connection is being closed. */
  failed: boolean;
  /** For the idle check. */
  progress: number;
  since: number;
}

const CONNECTION = Symbol('echo-server.connection');
type TrackedSocket = Socket & { [CONNECTION]?: Connection };

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

/** Records that Node's parser has read a whole request on this connection (see `refusedRequestStart`). */
function completed(connection: Connection, socket: Socket): void {
  const at = socket.bytesRead;
  if (at !== connection.completedAt) {
    connection.completedBefore = connection.completedAt;
    connection.completedAt = at;
  }
}

export function createEchoServer(config: EchoConfig, logger: Logger = createLogger(config.logLevel)): EchoServer {
  const { limits } = config;
  const store = new RecordStore(limits);
  const streams = new EventStreams(store, { heartbeatMs: limits.sseHeartbeatMs, maxStreams: limits.maxEventStreams });
  const backends = createSupervisor(config, logger);
  const handler = createHandler({ config, store, logger, staticRoot: openStaticRoot(config.webDir), backends });
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

  /** Calls `then` once every answer Node owes on the connection is written. */
  function whenNodeIdle(connection: Connection, then: () => void): void {
    if (connection.outstanding.size === 0) then();
    else connection.waiters.push(then);
  }

  function settle(connection: Connection, res: ServerResponse): void {
    connection.outstanding.delete(res);
    if (connection.outstanding.size === 0) for (const wake of connection.waiters.splice(0)) wake();
  }

  /**
   * One request read by Node's parser, from its arrival to its answer written. Its own `WriteContext`
   * (one object per request, no closures but `done`: this is the path every request takes).
   */
  class NodeRequest implements WriteContext {
    reply: Reply | null = null;
    settled = false;
    readonly streams = streams;
    readonly bodyless: boolean;
    readonly done: (status: number) => void;

    constructor(
      readonly req: IncomingMessage,
      readonly res: ServerResponse,
      readonly connection: TrackedSocket,
      readonly state: Connection,
      readonly method: string,
      readonly startedAt: number,
    ) {
      this.bodyless = method === 'HEAD';
      this.done = (status) => this.finish(status);
      // (When the connection closes first, the tracker ends every request still outstanding on it.)
      state.outstanding.set(res, this.done);
    }

    handle(read: { body: Buffer; bytes: number; tooLarge: boolean }): void {
      const exchange: Exchange = {
        method: this.method,
        target: this.req.url ?? '/',
        rawHeaders: this.req.rawHeaders,
        body: read.body,
        bodyBytes: read.bytes,
        bodyTooLarge: read.tooLarge,
        localPort: this.connection.localPort ?? 0,
        startedAt: this.startedAt,
        remoteAddress: this.connection.remoteAddress,
      };
      const handled = handler.handle(exchange);
      if (handled instanceof Promise) handled.then((reply) => this.answer(reply), (error: unknown) => this.fail(error));
      else this.answer(handled);
    }

    answer(reply: Reply): void {
      this.reply = reply;
      const res = this.res;
      if (reply.type !== 'events' || streams.full) exactHeaders(res);
      else res.sendDate = false; // a live stream keeps Node's chunked framing
      if (reply.type === 'response' && reply.close) res.shouldKeepAlive = false;
      writeReply(res as unknown as Output, reply, this);
    }

    fail(error: unknown): void {
      logger.log('error', 'request failed', { method: this.method, path: this.reply?.log.path, error: error instanceof Error ? error.message : String(error) });
      if (!this.res.headersSent && !this.res.destroyed) this.answer(errorReply(500, 'internal error', this.reply?.log ?? { path: '-', origin: '-' }));
      else {
        this.res.destroy();
        this.finish(0);
      }
    }

    finish(status: number): void {
      if (this.settled) return;
      this.settled = true;
      try {
        logAnswered(this.method, this.reply, status, this.startedAt);
      } finally {
        busy(-1);
        // A live stream keeps its connection busy until it closes (idle connections are evicted first).
        if (this.reply?.type === 'events' && status === 200) this.state.streaming = true;
        settle(this.state, this.res);
      }
    }
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const startedAt = performance.now();
    const socket = req.socket as TrackedSocket;
    const state = socket[CONNECTION]!;
    busy(1);
    const request = new NodeRequest(req, res, socket, state, req.method ?? 'GET', startedAt);
    try {
      // Most requests (GET, preflights) carry no body: no stream machinery, no promise for them.
      if (!hasBody(req.rawHeaders)) {
        completed(state, socket);
        req.resume();
        request.handle(NO_BODY_READ);
      } else {
        readBody(req, limits.maxBodyBytes)
          .then((read) => {
            if (!read.tooLarge) completed(state, socket);
            request.handle(read);
          })
          .catch((error: unknown) => request.fail(error));
      }
    } catch (error) {
      request.fail(error);
    }
  }

  /** Writes an error of our own on a connection Node's parser gave up on, after the answers Node still owes. */
  function answerClientError(socket: TrackedSocket, connection: Connection, status: number, message: string): void {
    connection.failed = true;
    // The answer Node is writing (the oldest outstanding) goes out first; one that has not started is
    // the request that failed (a request timeout): the error is its answer, as Node itself would do.
    const [current] = connection.outstanding.keys();
    const write = (then: () => void) => (current === undefined || current.headersSent ? whenNodeIdle(connection, then) : then());
    write(() => {
      if (!socket.writable) return void socket.destroy();
      const out = new SocketOutput(socket);
      writeReply(out, errorReply(status, message, { path: '-', origin: '-' }, { close: true }), {
        streams,
        bodyless: false,
        connection: socket,
        done: () => {
          socket.end();
          setTimeout(() => socket.destroy(), 1000).unref();
        },
      });
    });
  }

  /** Node's parser refused the request: take over methods it does not know, answer the rest ourselves. */
  function onClientError(error: ClientError, socket: TrackedSocket): void {
    const connection = socket[CONNECTION];
    if (!connection || connection.raw || connection.failed) return; // later errors of Node's detached parser
    if (error.code === 'HPE_INVALID_METHOD' && error.rawPacket && !closing) {
      const packet = error.rawPacket;
      const errorAt = Math.max(0, Math.min(error.bytesParsed ?? 0, packet.length));
      // Did the packet begin where a request began? Node had finished a request exactly at its first byte.
      const before = socket.bytesRead - packet.length;
      const boundary = connection.completedAt === socket.bytesRead ? connection.completedBefore : connection.completedAt;
      const start = refusedRequestStart(packet, errorAt, before === boundary);
      // Node's listeners come off (our 'data' listener detaches its parser); its answers still owed are written first.
      for (const [event, listeners] of connection.nodeListeners) for (const listener of listeners) socket.removeListener(event, listener);
      const raw = new RawConnection(socket, start === undefined ? NO_BODY : packet.subarray(start), { handler, limits, streams, onAnswered: logAnswered, busy, closing: () => closing });
      connection.raw = raw;
      rawConnections.add(raw);
      socket.once('close', () => rawConnections.delete(raw));
      whenNodeIdle(connection, () => raw.start(start === undefined ? 'the request line arrived in pieces that split its method: it cannot be told where the request starts (send the request line in one packet)' : undefined));
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'ECONNRESET' ? 0 : 400;
    logger.log('warn', 'client error', { status, code: error.code });
    if (status === 0) return void socket.destroy();
    const message =
      status === 431 ? `the header block is larger than ${limits.maxHeaderBytes} bytes` : status === 408 ? 'request timeout: the request did not arrive in time' : `malformed request (${error.code ?? error.message})`;
    answerClientError(socket, connection, status, message);
  }

  // Connections, oldest first. Those with no byte in or out for idleTimeoutMs (a half-open client, a reader
  // that stopped reading its answer or its event stream) are destroyed, checked every quarter of that
  // time (like Node checks its own timeouts) rather than with a timer re-armed on every read and write.
  // At --max-connections, a new connection first evicts the oldest one that is not being answered (idle
  // keep-alive, slowloris, never spoke), so /healthz and record reads still get in.
  function tracker(): (socket: Socket) => void {
    const connections = new Map<Socket, Connection>();
    trackers.push(connections);
    return (socket: TrackedSocket) => {
      const nodeListeners = NODE_SOCKET_EVENTS.map((event): [string, ((...args: unknown[]) => void)[]] => [event, socket.listeners(event) as ((...args: unknown[]) => void)[]]);
      const connection: Connection = { outstanding: new Map(), waiters: [], streaming: false, completedAt: 0, completedBefore: 0, nodeListeners, raw: null, failed: false, progress: 0, since: performance.now() };
      socket[CONNECTION] = connection;
      connections.set(socket, connection);
      socket.once('close', () => {
        connections.delete(socket);
        for (const done of connection.outstanding.values()) done(0);
      });
      if (connections.size > limits.maxConnections) evictOne(connections, socket);
    };
  }
  const trackers: Map<Socket, Connection>[] = [];

  function evictOne(connections: Map<Socket, Connection>, newcomer: Socket): void {
    for (const [socket, connection] of connections) {
      if (socket !== newcomer && connection.outstanding.size === 0 && !connection.streaming && connection.raw === null) return void socket.destroy();
    }
    newcomer.destroy();
  }

  function closeIdle(): void {
    const now = performance.now();
    for (const connections of trackers) {
      for (const [socket, seen] of connections) {
        const progress = socket.bytesRead + socket.bytesWritten;
        if (progress !== seen.progress) {
          seen.progress = progress;
          seen.since = now;
        } else if (now - seen.since >= limits.idleTimeoutMs) socket.destroy();
      }
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
    server.on('connection', tracker());
    server.on('request', onRequest);
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
      // The real backends start in the background: the first request to one waits for it.
      void backends?.warmUp();
      return bound;
    },
    async close() {
      closing = true;
      const backendsStopped = backends?.close();
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
      await backendsStopped;
    },
  };
}
