// A server process for the bench: `bare` (plain node:http writing the same header lines) or `echo` (the
// echo server). It reports its port, and its RSS on request, over IPC.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { createEchoServer } from '../src/server';
import { BENCH_HEADERS, BENCH_BODY } from './scenario';

async function main(): Promise<void> {
  const mode = process.argv[2];
  let port: number;
  if (mode === 'bare') {
    const flat = [...BENCH_HEADERS.flat(), 'Content-Length', String(Buffer.byteLength(BENCH_BODY))];
    const server = http.createServer((_req, res) => {
      res.sendDate = false;
      res.removeHeader('connection');
      res.removeHeader('transfer-encoding');
      res.writeHead(200, flat);
      res.end(BENCH_BODY);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  } else {
    const result = loadConfig(['--port', '0', '--log-level', 'error', '--page-origin', 'http://web.bench', '--api-origin', 'http://api.bench', '--other-origin', 'http://other.bench'], {});
    if (result.ok !== true) throw new Error('config');
    const server = createEchoServer(result.config, createLogger('error'));
    [port] = (await server.listen()) as [number];
    process.on('message', (message) => {
      if (message === 'records') process.send?.({ records: server.store.size });
    });
  }
  process.on('message', (message) => {
    if (message === 'rss') {
      // Collected first (the bench runs with --expose-gc), so the figure is live memory, not garbage.
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      process.send?.({ memory: { rss, heapUsed } });
    }
  });
  process.on('message', (message) => {
    if (message === 'exit') process.exit(0);
  });
  process.send?.({ port });
}

void main();
