// pnpm --filter @cors-playground/echo-server bench
// Requests per second and latency with 100 connections (autocannon, loopback, 5 s each) for (a) a bare
// node:http server writing the same header lines and (b) the echo server answering a scenario route; the
// ratio (target >= 0.8); then the echo server's RSS before and after 200,000 requests spread over many
// run ids (records are bounded, so memory must level off).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { encodeRoutes, wirePrefix } from '../src/protocol';
import { BENCH_ROUTES } from './scenario';

const CONNECTIONS = 100;
const DURATION_S = 5;
const ROUNDS = 2;
const MEMORY_REQUESTS = 200_000;
const RUN_IDS = 50_000;

interface Child {
  process: ChildProcess;
  port: number;
  ask<T>(message: string, field: string): Promise<T>;
}

async function startChild(mode: 'bare' | 'echo'): Promise<Child> {
  const child = fork(fileURLToPath(new URL('./child.ts', import.meta.url)), [mode], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) => child.once('message', (message: { port: number }) => resolve(message.port)));
  const ask = <T>(message: string, field: string) =>
    new Promise<T>((resolve) => {
      const listener = (reply: Record<string, unknown>) => {
        if (field in reply) {
          child.off('message', listener);
          resolve(reply[field] as T);
        }
      };
      child.on('message', listener);
      child.send(message);
    });
  return { process: child, port, ask };
}

function runId(n: number): string {
  return `bench${String(n).padStart(17, '0')}`;
}

async function load(port: number, path: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: CONNECTIONS, duration: seconds, headers: { host: 'api.bench', origin: 'http://web.bench' } });
}

function summary(name: string, result: autocannon.Result): string {
  return `${name.padEnd(22)} ${result.requests.average.toFixed(0).padStart(8)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   errors ${result.errors + result.non2xx}`;
}

const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

async function main(): Promise<void> {
  const bare = await startChild('bare');
  const echo = await startChild('echo');
  const path = `${wirePrefix({ runId: runId(0), payload: encodeRoutes(BENCH_ROUTES) })}/resource`;
  try {
    console.log(`echo-server bench: ${CONNECTIONS} connections, ${DURATION_S} s per run, ${ROUNDS} rounds alternated, loopback`);
    await load(bare.port, '/resource', 1);
    await load(echo.port, path, 1);
    // Alternated, best of ROUNDS for each: the machine is shared, and a burst of load elsewhere should
    // not decide the ratio.
    let a: autocannon.Result | undefined;
    let b: autocannon.Result | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      const bareResult = await load(bare.port, '/resource', DURATION_S);
      const echoResult = await load(echo.port, path, DURATION_S);
      console.log(`  round ${round + 1}: bare ${bareResult.requests.average.toFixed(0)} req/s, echo ${echoResult.requests.average.toFixed(0)} req/s`);
      if (!a || bareResult.requests.average > a.requests.average) a = bareResult;
      if (!b || echoResult.requests.average > b.requests.average) b = echoResult;
    }
    console.log(summary('(a) bare node:http', a!));
    console.log(summary('(b) echo server', b!));
    console.log(`ratio (b)/(a): ${(b!.requests.average / a!.requests.average).toFixed(2)} (target >= 0.8)`);

    const payload = encodeRoutes(BENCH_ROUTES);
    const memory = () => echo.ask<{ rss: number; heapUsed: number }>('rss', 'memory');
    const before = await memory();
    let n = 0;
    const checkpoints: string[] = [];
    for (const half of [1, 2]) {
      await autocannon({
        url: `http://127.0.0.1:${echo.port}`,
        connections: CONNECTIONS,
        amount: MEMORY_REQUESTS / 2,
        headers: { host: 'api.bench', origin: 'http://web.bench' },
        requests: [{ setupRequest: (request) => ({ ...request, path: `${wirePrefix({ runId: runId(n++ % RUN_IDS), payload })}/resource` }) }],
      });
      const { rss, heapUsed } = await memory();
      const records = await echo.ask<{ runs: number; bytes: number }>('records', 'records');
      checkpoints.push(`after ${(half * MEMORY_REQUESTS) / 2} requests: RSS ${mib(rss)}, JS heap ${mib(heapUsed)} (records: ${records.runs} runs, ~${mib(records.bytes)})`);
    }
    console.log(`before: RSS ${mib(before.rss)}, JS heap ${mib(before.heapUsed)}`);
    for (const line of checkpoints) console.log(line);
    console.log(`(${RUN_IDS} run ids; records bounded by --record-max-runs / --record-max-bytes)`);
  } finally {
    bare.process.kill();
    echo.process.kill();
  }
}

void main();
