// `pnpm bench`: what a real middleware backend costs per request against the echo server's own way of
// answering a policy (a precomputed answer on bare node:http: in policy mode the echo server answers the
// routes the policy model wrote, see cors-core `policyRoutes`). All in one command, so the ratios hold on
// a loaded machine; plus the memory of every backend up at once.
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { CorsPolicySchema, DEFAULT_ORIGINS, exportPolicy, policyAnswer, resolveOriginPlaceholders, type CorsPolicy } from '@cors-playground/cors-core';
import { freeLoopbackPort, nginxVersion, startBackend, type Backend } from '../src/backends';
import { browserRequests, send, type WireRequest } from '../src/wire';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);

const input = CorsPolicySchema.parse({ allowOrigins: ['{page}'], allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Token'], exposeHeaders: ['X-Total'], credentials: true, maxAge: 600 });
const policy: CorsPolicy = { ...input, allowOrigins: (input.allowOrigins as string[]).map((origin) => resolveOriginPlaceholders(origin, DEFAULT_ORIGINS)) };
const wire = browserRequests({ url: '{api}/resource', method: 'PUT', headers: [['X-Token', '1']], credentials: 'include' });

/** A bare node:http server sending the policy model's answers, chosen by request kind, precomputed. */
function baselineServer(): string {
  const answers = Object.fromEntries(
    wire.map((request: WireRequest) => {
      const answer = policyAnswer(policy, 'echo', { method: request.method, kind: request.kind, headers: request.headers }, { status: 200, headers: [['Content-Type', 'text/plain']], body: 'ok\n' });
      return [request.kind, { status: answer.status, headers: answer.headers.flat(), body: answer.body }];
    }),
  );
  return [
    "import { createServer } from 'node:http';",
    `const answers = ${JSON.stringify(answers)};`,
    "createServer((req, res) => { const a = answers[req.method === 'OPTIONS' && req.headers['access-control-request-method'] ? 'preflight' : 'actual']; req.resume(); res.writeHead(a.status, [...a.headers, 'Content-Length', String(Buffer.byteLength(a.body))]); res.end(a.body); })",
    "  .listen(Number(process.env.PORT), process.env.HOST);",
    '',
  ].join('\n');
}

function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/**
 * Median latency per backend. The backends take turns request by request (one keep-alive connection
 * each), so a burst of load from elsewhere on the machine falls on all of them alike.
 */
async function measure(list: readonly Backend[]): Promise<number[]> {
  const agents = list.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
  const timings: number[][] = list.map(() => []);
  for (let index = 0; index < REQUESTS + 50; index += 1) {
    const request = wire[index % wire.length] as WireRequest;
    for (const [at, backend] of list.entries()) {
      const started = process.hrtime.bigint();
      await send(backend.port, request, 10_000, agents[at]);
      if (index >= 50) timings[at]?.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  for (const agent of agents) agent.destroy();
  return timings.map((list) => {
    list.sort((a, b) => a - b);
    return list[Math.floor(list.length / 2)] as number;
  });
}

const targets = ['baseline', 'express-cors', 'fastify-cors', 'hono', 'koa-cors', ...(nginxVersion() ? ['nginx' as const] : [])] as const;
const backends: { name: string; backend: Backend }[] = [];
try {
  for (const name of targets) {
    const port = await freeLoopbackPort();
    const text = name === 'baseline' ? baselineServer() : exportPolicy(policy, name, { port, host: '127.0.0.1' }).text;
    backends.push({ name, backend: await startBackend(name, text, port) });
  }
  const medians = await measure(backends.map(({ backend }) => backend));
  const rows = backends.map(({ name, backend }, at) => ({ name, medianMs: medians[at] as number, rssMiB: rssMiB(backend.pid) }));
  const base = rows[0] as (typeof rows)[number];
  console.log(`middleware backends: median latency of ${REQUESTS} sequential keep-alive requests to each (preflight and PUT alternating, backends taking turns), machine shared`);
  for (const row of rows) {
    console.log(`  ${row.name.padEnd(13)} ${row.medianMs.toFixed(3)} ms  ratio ${(row.medianMs / base.medianMs).toFixed(2)} x baseline  RSS ${row.rssMiB.toFixed(1)} MiB`);
  }
  console.log(`  all ${rows.length - 1} backends up at once: RSS ${rows.slice(1).reduce((sum, row) => sum + row.rssMiB, 0).toFixed(1)} MiB (baseline ${base.rssMiB.toFixed(1)} MiB)`);
  if (!nginxVersion()) console.log('  nginx: SKIPPED (not installed)');
} finally {
  for (const { backend } of backends) await backend.stop();
}
