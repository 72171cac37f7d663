// HTTP/1.1 for the requests Node's parser refuses. llhttp knows a fixed list of methods and answers any
// other token (`patch`, `Patch`, `CHICKEN`) with its own 400, which would make the lower-case-method
// lessons lie. server.ts catches that `clientError` (HPE_INVALID_METHOD, `err.rawPacket`), detaches
// Node's parser from the socket and hands the connection to `RawConnection`, which parses that request
// and every later one on the connection itself (request line, headers, Content-Length body, arriving in
// any number of packets) and answers through the same handler as every other request.
import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { isHeaderName, isSendableHeaderValue } from '@cors-playground/cors-core';
import type { Limits } from './config';
import type { Exchange, Handler, Reply } from './handler';
import { EVENT_STREAM_HEADERS, type EventStreams } from './events';
import { hasNoBody } from './scenario-answer';

const REQUEST_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) ([^\s]+) HTTP\/1\.([01])$/;
const HEADER_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[\t ]*(.*?)[\t ]*$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** `HTTP/1.1 200 OK` + header lines + the blank line, exactly as Node's writeHead would put them. */
export function serializeHead(status: number, headers: readonly [string, string][]): string {
  let head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'unknown'}\r\n`;
  for (const [name, value] of headers) {
    // The handler validated these already; checked again because this writer bypasses Node's checks.
    if (!isHeaderName(name) || !isSendableHeaderValue(value)) throw new Error(`refusing to write header ${JSON.stringify(name)}`);
    head += `${name}: ${value}\r\n`;
  }
  return `${head}\r\n`;
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

type State = 'head' | 'body' | 'handling' | 'closed';

export class RawConnection {
  private buffer: Buffer;
  private state: State = 'head';
  private timer: NodeJS.Timeout | undefined;
  private pending: { method: string; target: string; rawHeaders: string[]; length: number; keepAlive: boolean; startedAt: number } | undefined;

  constructor(
    private readonly socket: Socket,
    initial: Buffer,
    private readonly hooks: RawHooks,
  ) {
    this.buffer = initial;
    socket.on('data', (chunk: Buffer) => {
      const wasIdle = this.state === 'head' && this.buffer.length === 0;
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      // A client that keeps sending while its request is being answered is not a browser: bounded.
      if (this.buffer.length > hooks.limits.maxHeaderBytes + hooks.limits.maxBodyBytes) return void socket.destroy();
      if (wasIdle) this.arm(hooks.limits.headersTimeoutMs, 408);
      this.advance();
    });
    socket.on('close', () => this.stop());
    this.arm(hooks.limits.headersTimeoutMs, 408);
    this.advance();
  }

  /** Closes the connection if it is between requests (graceful shutdown). */
  closeIfIdle(): void {
    if (this.state === 'head' && this.buffer.length === 0) this.socket.end();
  }

  private isClosed(): boolean {
    return this.state === 'closed';
  }

  private stop(): void {
    this.state = 'closed';
    clearTimeout(this.timer);
  }

  /** Answers with an error of our own and closes the connection. */
  private fail(status: number, message: string): void {
    if (this.isClosed()) return;
    this.stop();
    const body = `${JSON.stringify({ error: message })}\n`;
    const head = serializeHead(status, [['Content-Type', 'application/json; charset=utf-8'], ['Content-Length', String(Buffer.byteLength(body))], ['Connection', 'close']]);
    this.hooks.onAnswered(this.pending?.method ?? '-', null, status, this.pending?.startedAt ?? performance.now());
    this.socket.end(head + body);
    setTimeout(() => this.socket.destroy(), 1000).unref();
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
          void this.dispatch(Buffer.alloc(0), pending.length, true);
          return;
        }
        if (this.buffer.length < pending.length) return;
        const body = Buffer.from(this.buffer.subarray(0, pending.length));
        this.buffer = this.buffer.subarray(pending.length);
        this.state = 'handling';
        clearTimeout(this.timer);
        void this.dispatch(body, body.length, false);
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

  private async dispatch(body: Buffer, bodyBytes: number, bodyTooLarge: boolean): Promise<void> {
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
    };
    this.hooks.busy(1);
    try {
      const reply = await this.hooks.handler.handle(exchange);
      if (this.isClosed()) return;
      const keepAlive = pending.keepAlive && !bodyTooLarge && !(reply.type === 'response' && reply.close);
      if (reply.type === 'events') return this.streamEvents(reply, pending.startedAt);
      if (reply.type === 'response' && reply.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (this.isClosed()) return;
      const bodyless = hasNoBody(pending.method, reply.status);
      const content = reply.type === 'file' ? readFileSync(reply.file) : reply.body;
      this.socket.write(serializeHead(reply.status, reply.headers));
      if (!bodyless && content.length > 0) this.socket.write(content);
      this.hooks.onAnswered(pending.method, reply, reply.status, pending.startedAt);
      if (!keepAlive) {
        this.stop();
        this.socket.end();
        return;
      }
      this.state = 'head';
      this.pending = undefined;
      this.arm(this.buffer.length > 0 ? this.hooks.limits.headersTimeoutMs : this.hooks.limits.keepAliveTimeoutMs, this.buffer.length > 0 ? 408 : null);
      this.advance();
    } catch (error) {
      this.hooks.onAnswered(pending.method, null, 500, pending.startedAt);
      this.fail(500, `internal error: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.hooks.busy(-1);
    }
  }

  /** A live record on this connection: no framing header, the stream ends when the connection closes. */
  private streamEvents(reply: Extract<Reply, { type: 'events' }>, startedAt: number): void {
    this.stop();
    if (this.hooks.streams.full) {
      this.fail(503, 'too many live record streams; read /__pg/record/<key> instead');
      return;
    }
    this.socket.write(serializeHead(200, EVENT_STREAM_HEADERS));
    this.hooks.onAnswered(this.pending!.method, reply, 200, startedAt);
    const socket = this.socket;
    this.hooks.streams.stream(reply.runId, reply.lastEventId, {
      write: (text) => void socket.write(text),
      end: () => socket.end(),
      backlog: () => socket.writableLength,
      onClose: (listener) => void socket.once('close', listener),
    });
  }
}
