// pnpm --filter @cors-playground/echo-server exec tsx bench/backends.bench.ts (and part of `pnpm bench`)
//
// What a real middleware backend costs through the echo server (policy mode, `server.backend: "real"`)
// against the echo server's own answer to the same policy (`backend: "model"`: cors-core's policyRoutes,
// answered from the payload), in the same command: one echo server process (the production bundle)
// started with --backends auto, the browser's preflight and PUT of one credentialed policy sent in turn
// to every target over one keep-alive connection each (targets taking turns request by request, so load
// from elsewhere on a shared machine falls on all alike). Median latency per target and its ratio to
// the echo server's own answer. Then the supervisor's memory with every backend up: the echo server's
// RSS plus each backend's (as /__pg/config reports it from its 2-second check).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { policyRoutes, ScenarioSchema, type Origins } from '@cors-playground/cors-core';
import { browserRequests, type WireRequest } from '@cors-playground/middleware-check/wire';
import { encodeRoutes, newRunKey, type ServerConfig } from '@cors-playground/wire';
import { listeningPort } from '../src/test-utils';
import { buildChild } from './build-child';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const WARMUP = 50;
const ORIGINS: Origins = { page: 'http://web.bench', api: 'http://api.bench', other: 'http://other.bench' };
const POLICY = { allowOrigins: ['{page}'], allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Token'], exposeHeaders: ['X-Total'], credentials: true, maxAge: 600 };
const REQUEST = { url: '{api}/resource', method: 'PUT', headers: [['X-Token', '1']] as [string, string][], credentials: 'include' as const };
const APP = { '/resource': { actual: { status: 200, headers: [['Content-Type', 'text/plain']] as [string, string][], body: 'ok\n' } } };

// Inside apps/echo-server/dist (ignored by git): the bundle resolves packages/middleware-check from there.
const built = await buildChild('../src/main.ts', fileURLToPath(new URL('../dist/', import.meta.url)));
const bundle = built.file;

const child = spawn(process.execPath, [bundle, '--port', '0', '--page-origin', ORIGINS.page, '--api-origin', ORIGINS.api, '--other-origin', ORIGINS.other, '--backends', 'auto', '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await listeningPort(child);

function send(wire: Pick<WireRequest, 'method' | 'headers' | 'body'>, path: string, agent?: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: string[] = ['Host', 'api.bench'];
    for (const [name, value] of wire.headers) headers.push(name, value);
    if (wire.body !== null) headers.push('Content-Length', String(Buffer.byteLength(wire.body)));
    const req = httpRequest({ host: '127.0.0.1', port, method: wire.method, path, headers, setHost: false, ...(agent ? { agent } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.once('error', reject);
    req.end(wire.body ?? undefined);
  });
}

async function config(): Promise<ServerConfig> {
  return JSON.parse((await send({ method: 'GET', headers: [], body: null }, '/__pg/config')).body) as ServerConfig;
}

function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

try {
  for (let i = 0; i < 200 && (await config()).backends?.some((backend) => backend.framework !== 'nginx' && backend.state !== 'up'); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  const frameworks = ((await config()).backends ?? []).map((backend) => backend.framework);
  const wire = browserRequests(REQUEST, ORIGINS);
  const scenario = ScenarioSchema.parse({ request: REQUEST, server: { framework: 'echo', policy: POLICY, routes: APP } });
  const model = policyRoutes(scenario, { origins: ORIGINS });
  if (!model.ok) throw new Error(model.error);
  const targets = [{ name: 'echo server (model)', payload: encodeRoutes(model.routes) }, ...frameworks.map((framework) => ({ name: framework, payload: encodeRoutes(APP, { framework, policy: POLICY }) }))];
  const prefixes = await Promise.all(targets.map(async (target) => `/r/${(await newRunKey()).runId}/${target.payload}`));
  const agents = targets.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
  const timings: number[][] = targets.map(() => []);
  for (let index = 0; index < REQUESTS + WARMUP; index++) {
    const request = wire[index % wire.length]!;
    for (const [at, prefix] of prefixes.entries()) {
      const started = process.hrtime.bigint();
      const answer = await send(request, `${prefix}${request.path}`, agents[at]);
      if (answer.status >= 400) throw new Error(`${targets[at]!.name}: ${answer.status} ${answer.body}`);
      if (index >= WARMUP) timings[at]!.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  for (const agent of agents) agent.destroy();
  const medians = timings.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!);
  console.log(`policy mode through real middleware: median latency of ${REQUESTS} sequential keep-alive requests per target (preflight and credentialed PUT alternating, targets taking turns); machine shared, ratios only`);
  for (const [at, target] of targets.entries()) console.log(`  ${target.name.padEnd(20)} ${medians[at]!.toFixed(3)} ms  ratio ${(medians[at]! / medians[0]!).toFixed(2)} x the echo server's own answer`);
  await new Promise((resolve) => setTimeout(resolve, 2500)); // one memory check of the supervisor
  const backends = (await config()).backends ?? [];
  const echo = rssMiB(child.pid!);
  const children = backends.reduce((sum, backend) => sum + (backend.rssMiB ?? 0), 0);
  console.log(`  supervisor memory, every backend up: echo server ${echo.toFixed(1)} MiB + backends ${children.toFixed(1)} MiB = ${(echo + children).toFixed(1)} MiB RSS`);
  for (const backend of backends) console.log(`    ${backend.framework.padEnd(13)} ${backend.version.padEnd(40)} ${backend.rssMiB === null ? '-' : `${backend.rssMiB.toFixed(1)} MiB`}  restarts ${backend.restarts}`);
} finally {
  child.kill('SIGTERM');
  built.remove();
}
