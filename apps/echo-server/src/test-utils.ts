// Helpers for the socket tests: a server on 127.0.0.1 port 0 with short limits, raw TCP requests, a
// byte-level response parser, and the port a spawned echo server says it listens on. Not a test file itself.
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import { loadConfig, type EchoConfig, type Limits } from './config';
import { createLogger } from './log';
import { createEchoServer, type EchoServer } from './server';

export const ORIGINS = { page: 'http://web.test', api: 'http://api.test', other: 'http://other.test' };

/** The first port an echo server started as a child process prints (main.ts: `listening on …, port N`). */
export function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /port (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the echo server exited (${code}) before listening: ${out}`)));
  });
}

export interface Running {
  server: EchoServer;
  port: number;
  config: EchoConfig;
  close: () => Promise<void>;
}

export async function startServer(limits: Partial<Limits> = {}, extraArgs: string[] = []): Promise<Running> {
  const result = loadConfig(
    ['--port', '0', '--page-origin', ORIGINS.page, '--api-origin', ORIGINS.api, '--other-origin', ORIGINS.other, '--log-level', 'error', ...extraArgs],
    {},
  );
  if (result.ok !== true) throw new Error(String(result.ok === false ? result.error : 'help'));
  const config: EchoConfig = { ...result.config, limits: { ...result.config.limits, ...limits } };
  const server = createEchoServer(config, createLogger('error', () => {}));
  const [port] = await server.listen();
  return { server, port: port!, config, close: () => server.close() };
}

export interface RawResponse {
  statusLine: string;
  status: number;
  /** Header lines exactly as received. */
  lines: string[];
  headers: [string, string][];
  body: Buffer;
}

/** Parses responses from raw bytes; returns those complete and the rest. */
export function parseResponses(bytes: Buffer, headRequests = 0): { responses: RawResponse[]; rest: Buffer } {
  const responses: RawResponse[] = [];
  let rest = bytes;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end === -1) break;
    const [statusLine = '', ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n');
    const headers = lines.map((line): [string, string] => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon), line.slice(colon + 1).trim()];
    });
    const status = Number(statusLine.split(' ')[1]);
    const lengthHeader = headers.find(([name]) => name.toLowerCase() === 'content-length');
    const noBody = responses.length < headRequests || status === 204 || status === 304;
    const length = noBody ? 0 : lengthHeader ? Number(lengthHeader[1]) : rest.length - end - 4;
    if (rest.length < end + 4 + length) break;
    responses.push({ statusLine, status, lines, headers, body: rest.subarray(end + 4, end + 4 + length) });
    rest = rest.subarray(end + 4 + length);
  }
  return { responses, rest };
}

/**
 * Sends raw bytes (one string per packet, sent in order with a pause between) and collects what comes
 * back until `count` responses are complete or the server closes the connection.
 */
export function rawExchange(port: number, packets: (string | Buffer)[], count = 1, headRequests = 0): Promise<{ responses: RawResponse[]; raw: Buffer; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ responses: parseResponses(received, headRequests).responses, raw: received, closed });
    };
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (parseResponses(received, headRequests).responses.length >= count) finish(false);
    });
    socket.on('close', () => finish(true));
    socket.on('error', (error) => (done ? undefined : reject(error)));
    socket.on('connect', async () => {
      for (const [index, packet] of packets.entries()) {
        if (index > 0) await new Promise((r) => setTimeout(r, 15));
        socket.write(packet);
      }
    });
  });
}

/** A request text with CRLF line ends. */
export function request(lines: string[], body = ''): string {
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
