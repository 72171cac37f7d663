// One way to write a reply, whichever parser read the request: the status line, the header lines byte for
// byte in latin-1 (exactly as listed, no line added), the body in the same write, or a file or an event
// stream with backpressure. `server.ts` writes through a Node ServerResponse, `raw-http.ts` through a
// `SocketOutput` over the socket it owns; both have the few members `writeReply` uses. And one helper
// for the server's own error answers (`errorReply`): JSON, no CORS header unless asked.
import { createReadStream } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { isHeaderName, isSendableHeaderValue } from '@cors-playground/cors-core';
import { EVENT_STREAM_HEADERS, type EventStreams } from './events';
import type { LogFields, Reply } from './handler';

/** What an answer is written to: a Node ServerResponse, or a `SocketOutput`. */
export interface Output {
  readonly destroyed: boolean;
  /** Null while an earlier pipelined answer still has the connection (Node queues the response). */
  readonly socket: Socket | null;
  /** Status line and header lines, exactly as given (flat: name, value, name, value...). */
  writeHead(status: number, flatHeaders: readonly string[]): unknown;
  flushHeaders(): void;
  write(chunk: string | Buffer, encoding: 'latin1'): boolean;
  end(chunk: string, encoding: 'latin1', done: () => void): unknown;
  end(): unknown;
  destroy(): unknown;
  once(event: 'drain' | 'close' | 'socket', listener: () => void): unknown;
  off(event: 'drain' | 'close' | 'socket', listener: () => void): unknown;
}

/** `HTTP/1.1 200 OK` + header lines + the blank line, as Node's writeHead puts them; sent as latin-1. */
export function serializeHead(status: number, flatHeaders: readonly string[]): string {
  let head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'unknown'}\r\n`;
  for (let i = 0; i + 1 < flatHeaders.length; i += 2) {
    const name = flatHeaders[i]!;
    const value = flatHeaders[i + 1]!;
    // The handler validated these already; checked again because this path bypasses Node's checks.
    if (!isHeaderName(name) || !isSendableHeaderValue(value)) throw new Error(`refusing to write header ${JSON.stringify(name)}`);
    head += `${name}: ${value}\r\n`;
  }
  return `${head}\r\n`;
}

/** The server's own JSON answers (errors, health, config, records): never a scenario answer. */
export function jsonReply(status: number, value: unknown, log: LogFields, options: { cors?: boolean; close?: boolean; extra?: [string, string][] } = {}): Reply {
  const body = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
  const headers: [string, string][] = [['Content-Type', 'application/json; charset=utf-8'], ['Cache-Control', 'no-store']];
  if (options.cors ?? true) headers.push(['Access-Control-Allow-Origin', '*']);
  headers.push(['X-Content-Type-Options', 'nosniff'], ...(options.extra ?? []));
  if (options.close) headers.push(['Connection', 'close']);
  headers.push(['Content-Length', String(body.length)]);
  const reply: Reply = { type: 'response', status, headers, body, delayMs: 0, log };
  if (options.close) reply.close = true;
  return reply;
}

/**
 * An error of the server's own: `{ "error": message }`. Without a CORS header unless `cors`: a broken
 * request must never look like a permissive server.
 */
export function errorReply(status: number, message: string, log: LogFields, options: { cors?: boolean; close?: boolean; extra?: [string, string][]; issues?: readonly unknown[] } = {}): Reply {
  const value = options.issues ? { error: message, issues: options.issues } : { error: message };
  return jsonReply(status, value, log, { cors: options.cors ?? false, close: options.close, extra: options.extra });
}

export interface WriteContext {
  streams: EventStreams;
  /** Whether the method's answer has no body (HEAD): the head only. */
  bodyless: boolean;
  /** The connection the answer goes out on (its close cancels a queued or streaming answer). */
  connection: Socket;
  /** Called once: the status written (0 when the client left first). */
  done(status: number): void;
}

/** Writes one reply to `out`: after its delay, when the connection is free (pipelining), with backpressure. */
export function writeReply(out: Output, reply: Reply, context: WriteContext): void {
  if (reply.type === 'response' && reply.delayMs > 0) {
    setTimeout(() => (out.destroyed ? context.done(0) : writeNow(out, reply, context)), reply.delayMs);
    return;
  }
  writeNow(out, reply, context);
}

function writeNow(out: Output, reply: Reply, context: WriteContext): void {
  if (reply.type === 'response') {
    out.writeHead(reply.status, reply.shared ? reply.shared.headList : reply.headers.flat());
    // As a latin1 string (the same bytes) the head and the body go out in one write.
    const body = context.bodyless ? '' : (reply.shared?.bodyText ?? reply.body.toString('latin1'));
    out.end(body, 'latin1', () => context.done(reply.status));
    return;
  }
  if (reply.type === 'events') {
    if (context.streams.full) return writeNow(out, errorReply(503, 'too many live record streams; read the record instead', reply.log, { cors: true }), context);
    out.writeHead(200, EVENT_STREAM_HEADERS.flat());
    out.flushHeaders();
    context.done(200);
    context.streams.stream(reply.runId, reply.lastEventId, {
      write: (text) => void out.write(text, 'latin1'),
      end: () => void out.end(),
      backlog: () => (out.socket?.writableLength ?? 0),
      onClose: (listener) => void out.once('close', listener),
    });
    return;
  }
  // A file: opened only once this answer has the connection (a queue of pipelined downloads holds no
  // descriptor), read only as fast as the client takes it, and closed whenever the client goes away.
  const start = () => {
    context.connection.off('close', cancel);
    if (out.destroyed || context.connection.destroyed) return context.done(0);
    out.writeHead(reply.status, reply.headers.flat());
    if (context.bodyless) return void out.end('', 'latin1', () => context.done(reply.status));
    const file = createReadStream(reply.file);
    let finished = false;
    const finish = (status: number) => {
      if (finished) return;
      finished = true;
      context.connection.off('close', abort);
      context.done(status);
    };
    const abort = () => {
      file.destroy();
      finish(0);
    };
    context.connection.once('close', abort);
    file.on('data', (chunk: string | Buffer) => {
      if (!out.write(chunk, 'latin1')) {
        file.pause();
        out.once('drain', () => file.resume());
      }
    });
    file.on('end', () => out.end('', 'latin1', () => finish(reply.status)));
    file.on('error', () => {
      out.destroy();
      abort();
    });
  };
  const cancel = () => {
    out.off('socket', start);
    context.done(0);
  };
  if (out.socket) return start();
  out.once('socket', start);
  context.connection.once('close', cancel);
}

