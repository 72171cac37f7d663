// HTTP/1.1 for the requests Node's parser refuses. llhttp knows a fixed list of methods and answers any
// other token (`patch`, `Patch`, `CHICKEN`) with its own 400, which would make the lower-case-method
// lessons lie. server.ts catches that `clientError` (HPE_INVALID_METHOD) and hands the whole connection to
// a `RawConnection`, which from then on parses every request on it itself (request line, headers,
// Content-Length body, arriving in any number of packets), one at a time: the next request is read only
// once the answer before it is written and the client has taken it (backpressure), so answers go out in
// order and a client that never reads holds at most one request and one answer. Answers are written by
// the same `writeReply` as Node's path, through a `SocketOutput`.
import type { Socket } from 'node:net';
import { hasNoBody } from '@cors-playground/cors-core';
import type { Limits } from './config';
import type { EventStreams } from './events';
import type { Exchange, Handler, LogFields, Reply } from './handler';
import { shortPath } from './log-path';
import { errorReply, serializeHead, writeReply, type Output } from './reply';

const REQUEST_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) ([^\s]+) HTTP\/1\.([01])$/;
const HEADER_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[\t ]*(.*?)[\t ]*$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** A method llhttp was still reading: what it accepted of it is a prefix of a known method (upper case, `-`). */
const METHOD_PREFIX = /^[A-Z-]*$/;

/**
 * Where, in the packet Node's parser refused, the refused request starts; undefined when that cannot be
 * told. It can be told when the packet began at a request boundary (Node had finished every request
 * before it): the requests Node read earlier in the packet are skipped by their own framing. A method
 * split across packets (`CH`, then `ICKEN ...`) cannot be told (Node consumed `CH`): it is refused rather
 * than guessed. One case is not detected: a packet holding a whole request and the first bytes of the
 * next one's method, the rest in the next packet (a client writing requests in pieces, never a browser).
 */
export function refusedRequestStart(packet: Buffer, errorAt: number, packetStartsRequest: boolean): number | undefined {
  if (!packetStartsRequest) return undefined;
  let at = 0;
  for (;;) {
    while (packet[at] === 0x0d || packet[at] === 0x0a) at++; // llhttp skips empty lines between requests
    const headEnd = packet.indexOf('\r\n\r\n', at);
    if (headEnd === -1 || headEnd >= errorAt) break;
    const head = packet.subarray(at, headEnd).toString('latin1');
    if (/\r\ntransfer-encoding:/i.test(head)) return undefined;
    const length = /\r\ncontent-length:[\t ]*(\d+)/i.exec(head);
    at = headEnd + 4 + (length ? Number(length[1]) : 0);
    if (at > errorAt) return undefined;
  }
  return METHOD_PREFIX.test(packet.subarray(at, errorAt).toString('latin1')) ? at : undefined;
}

/**
 * The connection's socket as an `Output` for `writeReply`: the head is kept until the first body bytes so
 * both go out in one write, as latin-1. `end(text, 'latin1', done)` ends one answer (the connection stays
 * open); `end()` without arguments ends the connection (an event stream has no framing of its own).
 */
export class SocketOutput implements Output {
  private head = '';

  constructor(readonly socket: Socket) {}

  get destroyed(): boolean {
    return this.socket.destroyed;
  }

  writeHead(status: number, flatHeaders: readonly string[]): void {
    this.head = serializeHead(status, flatHeaders);
  }

  flushHeaders(): void {
    if (this.head) this.socket.write(this.take(), 'latin1');
  }

  write(chunk: string | Buffer, encoding: 'latin1'): boolean {
    if (typeof chunk === 'string') return this.socket.write(this.take() + chunk, encoding);
    if (this.head) this.socket.write(this.take(), 'latin1');
    return this.socket.write(chunk);
  }

  end(chunk?: string, encoding?: 'latin1', done?: () => void): void {
    if (chunk === undefined) return void this.socket.end();
    this.socket.write(this.take() + chunk, encoding ?? 'latin1', () => done?.());
  }

  destroy(): void {
    this.socket.destroy();
  }

  once(event: 'drain' | 'close' | 'socket', listener: () => void): void {
    if (event !== 'socket') this.socket.once(event, listener);
  }

  off(event: 'drain' | 'close' | 'socket', listener: () => void): void {
    this.socket.off(event, listener);
  }

  private take(): string {
    const head = this.head;
    this.head = '';
    return head;
  }
}

export interface RawHooks {
  handler: Handler;
  limits: Limits;
  streams: EventStreams;
  /** Called once per answered request (for the log line). */
  onAnswered(method: string, reply: Reply | null, status: number, startedAt: number): void;
  /** Called while a request is being handled, and when it is done (graceful shutdown waits for these). */
  busy(delta: 1 | -1): void;
  /** True once the server is shutting down: no further request is read. */
  closing(): boolean;
}

type State = 'waiting' | 'head' | 'body' | 'handling' | 'closed';

interface Pending {
  method: string;
  target: string;
  rawHeaders: string[];
  length: number;
  keepAlive: boolean;
  startedAt: number;
}

export class RawConnection {
  private buffer: Buffer;
  /** 'waiting' until Node's own answers on this connection are written (see `start`). */
  private state: State = 'waiting';
  private timer: NodeJS.Timeout | undefined;
  private pending: Pending | undefined;
  private readonly out: SocketOutput;

  /** `initial`: the bytes of the refused request and whatever followed it. */
  constructor(
    private readonly socket: Socket,
    initial: Buffer,
    private readonly hooks: RawHooks,
  ) {
    this.buffer = initial;
    this.out = new SocketOutput(socket);
    // Adding a 'data' listener is also what detaches Node's parser from the socket (Node's http server
    // wraps `socket.on` for exactly this: a user reading the socket itself).
    socket.on('data', (chunk: Buffer) => {
      const wasIdle = this.state === 'head' && this.buffer.length === 0;
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      // Read no further than one request ahead: the rest waits in the kernel (the client's window fills).
      if (this.state !== 'head' && this.state !== 'body') return void socket.pause();
      if (wasIdle) this.arm(hooks.limits.headersTimeoutMs, 408);
      this.advance();
    });
    socket.on('close', () => this.stop());
  }

  /**
   * Starts answering, once the answers Node's parser still owed on this connection are written (HTTP/1.1
   * answers go out in request order). `refuse`: answer this 400 instead and close (the start of the
   * refused request could not be told, see server.ts).
   */
  start(refuse?: string): void {
    if (this.state !== 'waiting') return;
    this.state = 'head';
    this.socket.setTimeout(0); // Node's keep-alive timer, if it set one, is no longer Node's to honour
    if (refuse !== undefined) return this.fail(400, refuse);
    this.arm(this.hooks.limits.headersTimeoutMs, 408);
    this.socket.resume();
    this.advance();
  }

  /** Closes the connection if it is between requests (graceful shutdown). */
  closeIfIdle(): void {
    if (this.state === 'head' && this.buffer.length === 0) this.socket.end();
  }

  private stop(): void {
    this.state = 'closed';
    clearTimeout(this.timer);
  }

  private log(): LogFields {
    return { path: shortPath(this.pending?.target ?? '-', this.hooks.limits.logPathChars), origin: '-' };
  }

  /** Answers with an error of our own and closes the connection. */
  private fail(status: number, message: string): void {
    if (this.state === 'closed' || this.state === 'handling') return;
    this.state = 'handling';
    clearTimeout(this.timer);
    const reply = errorReply(status, message, this.log(), { close: true });
    const method = this.pending?.method ?? '-';
    const startedAt = this.pending?.startedAt ?? performance.now();
    this.socket.pause();
    writeReply(this.out, reply, {
      streams: this.hooks.streams,
      bodyless: false,
      connection: this.socket,
      done: (written) => {
        this.hooks.onAnswered(method, null, written || status, startedAt);
        this.stop();
        this.socket.end();
        setTimeout(() => this.socket.destroy(), 1000).unref();
      },
    });
  }

  /** Timer for the current phase: on expiry, `status` (408) or, between requests, a silent close. */
  private arm(ms: number, status: number | null): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (status === null) this.socket.destroy();
      else this.fail(status, 'request timeout: the request did not arrive in time');
    }, ms);
    this.timer.unref();
  }

  private advance(): void {
    while (this.state === 'head' || this.state === 'body') {
      if (this.state === 'head') {
        if (this.buffer.length === 0) return;
        if (this.hooks.closing()) return this.fail(503, 'the server is shutting down');
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end === -1 || end + 4 > this.hooks.limits.maxHeaderBytes) {
          if (this.buffer.length > this.hooks.limits.maxHeaderBytes) return this.fail(431, `the header block is larger than ${this.hooks.limits.maxHeaderBytes} bytes`);
          return;
        }
        const head = this.buffer.subarray(0, end).toString('latin1');
        this.buffer = this.buffer.subarray(end + 4);
        if (!this.parseHead(head)) return;
        this.state = 'body';
        this.arm(this.hooks.limits.requestTimeoutMs, 408);
      }
      if (this.state === 'body') {
        const pending = this.pending!;
        if (pending.length > this.hooks.limits.maxBodyBytes) {
          this.state = 'handling';
          clearTimeout(this.timer);
          this.socket.pause();
          this.dispatch(Buffer.alloc(0), pending.length, true);
          return;
        }
        if (this.buffer.length < pending.length) return;
        const body = Buffer.from(this.buffer.subarray(0, pending.length));
        this.buffer = this.buffer.subarray(pending.length);
        this.state = 'handling';
        this.socket.pause();
        clearTimeout(this.timer);
        this.dispatch(body, body.length, false);
      }
    }
  }

  /** Parses a request line and header lines; answers 400 and returns false on anything malformed. */
  private parseHead(head: string): boolean {
    const lines = head.split('\r\n');
    const requestLine = REQUEST_LINE.exec(lines[0] ?? '');
    if (!requestLine) {
      this.fail(400, 'malformed request line (expected METHOD /path HTTP/1.1)');
      return false;
    }
    const rawHeaders: string[] = [];
    let length: number | undefined;
    let keepAlive = requestLine[3] === '1';
    for (const line of lines.slice(1)) {
      const header = HEADER_LINE.exec(line);
      if (!header || !HEADER_VALUE.test(header[2]!)) {
        this.fail(400, `malformed header line ${JSON.stringify(line.slice(0, 80))}`);
        return false;
      }
      const [, name = '', value = ''] = header;
      const lower = name.toLowerCase();
      if (lower === 'transfer-encoding') {
        this.fail(501, 'a request body in Transfer-Encoding is not supported for this method; send Content-Length');
        return false;
      }
      if (lower === 'content-length') {
        if (!/^\d{1,15}$/.test(value) || (length !== undefined && length !== Number(value))) {
          this.fail(400, `invalid Content-Length ${JSON.stringify(value)}`);
          return false;
        }
        length = Number(value);
      }
      if (lower === 'connection') {
        const tokens = value.toLowerCase().split(',').map((token) => token.trim());
        if (tokens.includes('close')) keepAlive = false;
        else if (tokens.includes('keep-alive')) keepAlive = true;
      }
      rawHeaders.push(name, value);
    }
    this.pending = { method: requestLine[1]!, target: requestLine[2]!, rawHeaders, length: length ?? 0, keepAlive, startedAt: performance.now() };
    return true;
  }

  private dispatch(body: Buffer, bodyBytes: number, bodyTooLarge: boolean): void {
    const pending = this.pending!;
    const exchange: Exchange = {
      method: pending.method,
      target: pending.target,
      rawHeaders: pending.rawHeaders,
      body,
      bodyBytes,
      bodyTooLarge,
      localPort: this.socket.localPort ?? 0,
      startedAt: pending.startedAt,
      remoteAddress: this.socket.remoteAddress,
    };
    this.hooks.busy(1);
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      this.hooks.busy(-1);
    };
    const answer = (reply: Reply) => {
      if (this.state === 'closed') return settle();
      const keepAlive = pending.keepAlive && !bodyTooLarge && !(reply.type === 'response' && reply.close) && reply.type !== 'events';
      writeReply(this.out, reply, {
        streams: this.hooks.streams,
        bodyless: hasNoBody(pending.method, reply.type === 'response' || reply.type === 'file' ? reply.status : 200),
        connection: this.socket,
        done: (status) => {
          settle();
          this.hooks.onAnswered(pending.method, reply, status, pending.startedAt);
          if (reply.type === 'events') {
            // The stream owns the connection until it ends; nothing after it is read.
            this.stop();
            if (status !== 200) this.socket.end();
            return;
          }
          if (status === 0 || !keepAlive) {
            this.stop();
            this.socket.end();
            return;
          }
          this.pending = undefined;
          // The next request is read once the client has taken this answer.
          if (this.socket.writableNeedDrain) this.socket.once('drain', () => this.next());
          else this.next();
        },
      });
    };
    try {
      const handled = this.hooks.handler.handle(exchange);
      if (handled instanceof Promise) {
        handled.then(answer, (error: unknown) => {
          settle();
          this.internalError(pending, error);
        });
      } else answer(handled);
    } catch (error) {
      settle();
      this.internalError(pending, error);
    }
  }

  private internalError(pending: Pending, error: unknown): void {
    if (this.state === 'closed') return;
    this.state = 'body'; // so that `fail` answers
    this.pending = pending;
    this.fail(500, `internal error: ${error instanceof Error ? error.message : String(error)}`);
  }

  private next(): void {
    if (this.state === 'closed') return;
    this.state = 'head';
    this.arm(this.buffer.length > 0 ? this.hooks.limits.headersTimeoutMs : this.hooks.limits.keepAliveTimeoutMs, this.buffer.length > 0 ? 408 : null);
    this.socket.resume();
    this.advance();
  }
}
