// pnpm --filter @cors-playground/echo-server exec tsx bench/profile.ts [seconds] [bare|echo]
// Runs one bench server (built like dist/main.js) under `node --cpu-prof` with the bench's load (100
// connections, loopback, at most 60 s and 2,000,000 requests; the echo server's log goes to /dev/null),
// then prints the top functions by self time. The .cpuprofile is kept in the temporary directory printed
// first, for Chrome DevTools or speedscope.
import { fork } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { encodeRoutes, wirePrefix } from '@cors-playground/wire';
import { buildChild } from './build-child';
import { BENCH_LOGICAL_PATH, BENCH_REQUEST_HEADERS, BENCH_ROUTES, benchRunId, REQUESTS_PER_RUN } from './scenario';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
}

async function main(): Promise<void> {
  const seconds = Math.min(60, Math.max(1, Number(process.argv[2] ?? '8') || 8));
  const mode = process.argv[3] === 'bare' ? 'bare' : 'echo';
  const dir = path.join(os.tmpdir(), `echo-server-profile-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const built = await buildChild();
  const child = fork(built.file, [mode], {
    execArgv: ['--cpu-prof', '--cpu-prof-dir', dir],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve) => child.once('message', (message: { port: number }) => resolve(message.port)));
  const payload = encodeRoutes(BENCH_ROUTES);
  let sent = 0;
  await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 100,
    duration: seconds,
    maxOverallRequests: 2_000_000,
    headers: BENCH_REQUEST_HEADERS,
    requests: [{ setupRequest: (request) => ({ ...request, path: `${wirePrefix({ runId: benchRunId(Math.floor(sent++ / REQUESTS_PER_RUN)), payload })}${BENCH_LOGICAL_PATH}` }) }],
  });
  child.send('exit');
  await new Promise((resolve) => child.once('exit', resolve));
  built.remove();
  const file = path.join(dir, readdirSync(dir)[0]!);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[] };
  const total = profile.nodes.reduce((sum, node) => sum + node.hitCount, 0);
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + node.hitCount);
  }
  console.log(`${file}: ${total} samples`);
  for (const [key, hits] of [...self].sort((x, y) => y[1] - x[1]).slice(0, 40)) console.log(`${((hits / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}

void main();
