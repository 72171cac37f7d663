import http from 'node:http';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { createEchoServer } from '../src/server';
import { PAGE_ORIGIN } from './scenario';
let answered = 0;
async function main() {
  const v = process.argv[2]!;
  if (v === 'bare') {
    const { BENCH_HEADERS, BENCH_BODY } = await import('./scenario');
    const server = http.createServer({ maxHeaderSize: 16_384, headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 2_500, requireHostHeader: false, noDelay: true });
    const flat = [...BENCH_HEADERS.flat(), 'Content-Length', String(Buffer.byteLength(BENCH_BODY))];
    server.on('request', (_q, res) => { answered++; res.sendDate = false; res.removeHeader('connection'); res.removeHeader('transfer-encoding'); res.removeHeader('content-length'); res.writeHead(200, flat); res.end(BENCH_BODY, 'latin1'); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    process.on('message', (m) => {
      if (m === 'stats') { const { user, system } = process.cpuUsage(); process.send?.({ stats: { cpuUs: user + system, answered } }); }
      if (m === 'mem') { process.send?.({ mem: process.memoryUsage() }); }
      if (m === 'exit') process.exit(0);
    });
    process.send?.({ port: (server.address() as any).port });
    return;
  }
  const result = loadConfig(['--port', '0', '--page-origin', PAGE_ORIGIN, '--api-origin', 'http://api.bench', '--other-origin', 'http://other.bench', ...(v.includes('nolog') ? ['--log-level', 'warn'] : [])], {});
  if (result.ok !== true) throw new Error('x');
  const server = createEchoServer(result.config, createLogger(result.config.logLevel));
  if (v.includes('norec')) (server.store as any).add = () => ({});
  const handle = server.handler.handle;
  server.handler.handle = (e) => { answered++; return handle(e); };
  const [port] = await server.listen();
  process.on('message', (m) => {
    if (m === 'stats') { const { user, system } = process.cpuUsage(); process.send?.({ stats: { cpuUs: user + system, answered } }); }
    if (m === 'mem') { (globalThis as any).gc?.(); process.send?.({ mem: process.memoryUsage() }); }
    if (m === 'exit') process.exit(0);
  });
  process.send?.({ port });
  void http;
}
void main();
