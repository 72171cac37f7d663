// A server process for the bench: `bare` (plain node:http writing the same status, header lines and body
// as the echo server) or `echo` (the echo server with its defaults: records on, log level info, one JSON
// line per request on stdout). Over IPC it reports its port, then on request its CPU time and the
// requests it answered (`stats`), its memory after a GC (`memory`), and the record store's size (`records`).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { createEchoServer } from '../src/server';
import { BENCH_BODY, BENCH_HEADERS, PAGE_ORIGIN } from './scenario';

export interface ChildStats {
  /** process.cpuUsage() user + system, µs, since the process started (all threads: GC, libuv pool...). */
  cpuUs: number;
  /** Requests answered since the process started. */
  answered: number;
}

let answered = 0;

async function startBare(): Promise<number> {
  // The echo server's own listening options (server.ts), so the comparison is about the request path only.
  const server = http.createServer({ maxHeaderSize: 16_384, headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 2_500, requireHostHeader: false, noDelay: true });
  const flat = [...BENCH_HEADERS.flat(), 'Content-Length', String(Buffer.byteLength(BENCH_BODY))];
  const body = Buffer.from(BENCH_BODY, 'utf8').toString('latin1');
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    answered++;
    // The same writes as the echo server's `exactHeaders` + `writeHead` + `end`.
    res.sendDate = false;
    res.removeHeader('connection');
    res.removeHeader('transfer-encoding');
    res.removeHeader('content-length');
    res.writeHead(200, flat);
    res.end(body, 'latin1');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function startEcho(): Promise<number> {
  // Defaults everywhere (log level info, record limits) except the port and the bench's origins.
  const result = loadConfig(['--port', '0', '--page-origin', PAGE_ORIGIN, '--api-origin', 'http://api.bench', '--other-origin', 'http://other.bench'], {});
  if (result.ok !== true) throw new Error('bench: the echo server config was refused');
  const server = createEchoServer(result.config, createLogger(result.config.logLevel));
  const handle = server.handler.handle;
  server.handler.handle = (exchange) => {
    answered++;
    return handle(exchange);
  };
  const [port] = await server.listen();
  process.on('message', (message) => {
    if (message === 'records') process.send?.({ records: { ...server.store.size, logLevel: result.config.logLevel } });
  });
  return port!;
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  const port = mode === 'bare' ? await startBare() : await startEcho();
  process.on('message', (message) => {
    if (message === 'stats') {
      const { user, system } = process.cpuUsage();
      const stats: ChildStats = { cpuUs: user + system, answered };
      process.send?.({ stats });
    } else if (message === 'memory') {
      // Collected first (the bench runs with --expose-gc), so the figure is live memory, not garbage.
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      process.send?.({ memory: { rss, heapUsed } });
    } else if (message === 'exit') process.exit(0);
  });
  process.send?.({ port });
}

void main();
