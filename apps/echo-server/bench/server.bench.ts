// pnpm --filter @cors-playground/echo-server bench
//
// (a) a bare node:http server writing the same status, header lines and body as (b) the echo server
// answering a scenario route (records on, logging on at its default level), loaded side by side with
// 100 connections (autocannon, loopback only, every load bounded in time and in count).
//
// The main figure is CPU time per request in each server process (process.cpuUsage() delta over a load
// run / requests it answered): on a shared 2-core machine, wall-clock req/s swings with whatever else runs
// (the load generator shares the cores too), while the CPU a server spends on one request moves far less.
// At saturation, throughput is 1 / (CPU per request), so (a)/(b) of CPU per request is the throughput
// ratio the issue's target (>= 0.8) is about. req/s and p50/p99 latency are printed too, and the same
// CPU figures at one fixed, lower rate for both (the cost per request when neither is saturated).
// Then the echo server's RSS and JS heap before and after 200,000 requests over 20,000 run ids (records
// are bounded, so memory must level off).
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, createReadStream, openSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { encodeRoutes, wirePrefix } from '@cors-playground/wire';
import { buildChild } from './build-child';
import type { ChildStats } from './child';
import { BENCH_LOGICAL_PATH, BENCH_REQUEST_HEADERS, BENCH_ROUTES, benchRunId, REQUESTS_PER_RUN } from './scenario';

const CONNECTIONS = 100;
const WARMUP_S = 2;
const DURATION_S = 3;
const ROUNDS = 5;
/** Count bound of one timed load run (the time bound is DURATION_S). */
const MAX_REQUESTS_PER_LOAD = 1_000_000;
const MEMORY_REQUESTS = 200_000;
/** Time bound of each half of the memory phase. */
const MEMORY_MAX_S = 120;
const TARGET = 0.8;

interface Child {
  name: string;
  process: ChildProcess;
  port: number;
  ask<T>(message: string, field: string): Promise<T>;
  /** The next wire URL for this server: a new run id every REQUESTS_PER_RUN requests. */
  nextPath(): string;
}

const payload = encodeRoutes(BENCH_ROUTES);

async function startChild(file: string, mode: 'bare' | 'echo', stdout: number | 'ignore'): Promise<Child> {
  const child = fork(file, [mode], { execArgv: ['--expose-gc'], stdio: ['ignore', stdout, 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`bench: the ${mode} server exited (${code}) before listening`)));
  });
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
  let sent = 0;
  const nextPath = () => `${wirePrefix({ runId: benchRunId(Math.floor(sent++ / REQUESTS_PER_RUN)), payload })}${BENCH_LOGICAL_PATH}`;
  return { name: mode, process: child, port, ask, nextPath };
}

/** One request over a raw socket; the response's bytes exactly as sent (head and body). */
function rawExchange(port: number, target: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(5_000, () => socket.destroy(new Error('bench: no answer within 5 s')));
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const bytes = Buffer.concat(chunks);
      const headEnd = bytes.indexOf('\r\n\r\n');
      if (headEnd === -1) return;
      const length = /\r\ncontent-length: *(\d+)/i.exec(bytes.subarray(0, headEnd).toString('latin1'));
      if (bytes.length >= headEnd + 4 + Number(length?.[1] ?? 0)) {
        socket.destroy();
        resolve(bytes);
      }
    });
    const lines = Object.entries(BENCH_REQUEST_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(`GET ${target} HTTP/1.1\r\n${lines.join('')}connection: keep-alive\r\n\r\n`);
  });
}

interface Round {
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  answered: number;
  cpuUsPerRequest: number;
  /** Share of one core the server used during the run (1 = saturated). */
  busy: number;
}

async function load(child: Child, seconds: number, overallRate?: number): Promise<Round> {
  const before = await child.ask<ChildStats>('stats', 'stats');
  const startedAt = performance.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${child.port}`,
    connections: CONNECTIONS,
    duration: seconds,
    maxOverallRequests: MAX_REQUESTS_PER_LOAD,
    ...(overallRate === undefined ? {} : { overallRate }),
    headers: BENCH_REQUEST_HEADERS,
    requests: [{ setupRequest: (request) => ({ ...request, path: child.nextPath() }) }],
  });
  const after = await child.ask<ChildStats>('stats', 'stats');
  const wallUs = (performance.now() - startedAt) * 1000;
  const answered = after.answered - before.answered;
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    answered,
    cpuUsPerRequest: (after.cpuUs - before.cpuUs) / Math.max(1, answered),
    busy: (after.cpuUs - before.cpuUs) / wallUs,
  };
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const fixed = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;
const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The log's lines: how many, how many are request lines, and the first request line. */
async function readLog(file: string): Promise<{ lines: number; requests: number; sample: string }> {
  const marker = Buffer.from('"msg":"request"');
  let lines = 0;
  let requests = 0;
  let sample = '';
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(10); end !== -1; start = end + 1, end = bytes.indexOf(10, start)) {
      lines++;
      const line = bytes.subarray(start, end);
      if (line.includes(marker)) {
        requests++;
        if (sample === '') sample = line.toString('utf8');
      }
    }
    carry = Buffer.from(bytes.subarray(start));
  }
  return { lines, requests, sample };
}

async function main(): Promise<void> {
  const logFile = path.join(os.tmpdir(), `echo-server-bench-${process.pid}.log`);
  const logFd = openSync(logFile, 'w');
  const built = await buildChild();
  // ECHO_BENCH_CHILD=./other-child.ts runs (b) from another entry (an older revision, to compare the
  // same method before and after a change); it must answer the same IPC messages as child.ts.
  const builtEcho = process.env.ECHO_BENCH_CHILD ? await buildChild(process.env.ECHO_BENCH_CHILD) : built;
  const bare = await startChild(built.file, 'bare', 'ignore');
  const echo = await startChild(builtEcho.file, 'echo', logFd);
  // ECHO_BENCH_BEFORE=<child entry of an older revision> adds (c), that revision, loaded in the same
  // rounds as (a) and (b): before and after compared under the same machine load, seconds apart.
  const builtBefore = process.env.ECHO_BENCH_BEFORE ? await buildChild(process.env.ECHO_BENCH_BEFORE) : undefined;
  const earlier = builtBefore ? await startChild(builtBefore.file, 'echo', 'ignore') : undefined;
  closeSync(logFd);
  try {
    console.log(`echo-server bench: Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);
    console.log(`  ${CONNECTIONS} connections, loopback; warm-up ${WARMUP_S} s each, then ${ROUNDS} rounds of ${DURATION_S} s alternated (a), (b)`);
    console.log(`  request: Chromium's cross-origin GET without preflight (${Object.keys(BENCH_REQUEST_HEADERS).length + 1} header lines), a new run id every ${REQUESTS_PER_RUN} requests`);

    // Fairness: both servers must put the same bytes on the wire for the same request.
    const sample = echo.nextPath();
    const [bareBytes, echoBytes] = [await rawExchange(bare.port, sample), await rawExchange(echo.port, sample)];
    if (!bareBytes.equals(echoBytes)) {
      console.error(`bench: (a) and (b) answer differently, the comparison would be unfair:\n--- (a)\n${bareBytes.toString('latin1')}\n--- (b)\n${echoBytes.toString('latin1')}`);
      process.exitCode = 1;
      return;
    }
    const head = bareBytes.toString('latin1').split('\r\n\r\n')[0]!;
    console.log(`  answer: identical bytes from (a) and (b), ${bareBytes.length} bytes: ${head.split('\r\n').join(' | ')}`);

    const memory = () => echo.ask<{ rss: number; heapUsed: number }>('memory', 'memory');
    const fresh = await memory();
    await load(bare, WARMUP_S);
    await load(echo, WARMUP_S);
    if (earlier) await load(earlier, WARMUP_S);
    const rounds: { a: Round; b: Round; c?: Round }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const a = await load(bare, DURATION_S);
      const c = earlier ? await load(earlier, DURATION_S) : undefined;
      const b = await load(echo, DURATION_S);
      rounds.push({ a, b, c });
      if (c) console.log(`  round ${round + 1}: (c) before ${fixed(c.reqPerSec).padStart(6)} req/s ${fixed(c.cpuUsPerRequest, 1).padStart(5)} µs/req   CPU ratio (a)/(c) ${(a.cpuUsPerRequest / c.cpuUsPerRequest).toFixed(2)}, (c)/(b) ${(c.cpuUsPerRequest / b.cpuUsPerRequest).toFixed(2)}`);
      console.log(
        `  round ${round + 1}: (a) ${fixed(a.reqPerSec).padStart(6)} req/s ${fixed(a.cpuUsPerRequest, 1).padStart(5)} µs/req ${percent(a.busy)} busy   (b) ${fixed(b.reqPerSec).padStart(6)} req/s ${fixed(b.cpuUsPerRequest, 1).padStart(5)} µs/req ${percent(b.busy)} busy   CPU ratio ${(a.cpuUsPerRequest / b.cpuUsPerRequest).toFixed(2)}`,
      );
    }
    const summary = (side: 'a' | 'b') => {
      const all = rounds.map((r) => r[side]);
      const best = all.reduce((x, y) => (y.reqPerSec > x.reqPerSec ? y : x));
      return { cpu: median(all.map((r) => r.cpuUsPerRequest)), busy: median(all.map((r) => r.busy)), best, errors: all.reduce((sum, r) => sum + r.errors, 0) };
    };
    const a = summary('a');
    const b = summary('b');
    console.log('');
    console.log('                     CPU µs/req  core busy   req/s (best round)   p50    p99   errors');
    for (const [name, s] of [['(a) bare node:http', a], ['(b) echo server', b]] as const) {
      console.log(`${name.padEnd(20)} ${fixed(s.cpu, 1).padStart(9)}  ${percent(s.busy).padStart(9)}   ${fixed(s.best.reqPerSec).padStart(18)}   ${`${s.best.p50} ms`.padStart(5)}  ${`${s.best.p99} ms`.padStart(5)}  ${String(s.errors).padStart(7)}`);
    }
    console.log('(CPU µs/req and core busy: medians of the rounds; p50/p99 latency: of the best round, 100 connections always busy, so mostly queueing)');
    // Each round's two runs are seconds apart, so they share the machine's state: the ratio per round
    // is steadier than a ratio of medians taken from different rounds.
    const cpuRatio = median(rounds.map((round) => round.a.cpuUsPerRequest / round.b.cpuUsPerRequest));
    console.log(`CPU ratio (a)/(b), median of the rounds: ${cpuRatio.toFixed(2)} (target >= ${TARGET}: ${cpuRatio >= TARGET ? 'met' : 'NOT met'}) = the share of (a)'s throughput (b) reaches when the server's core is saturated`);
    if (earlier) {
      const before = median(rounds.map((round) => round.a.cpuUsPerRequest / round.c!.cpuUsPerRequest));
      const gain = median(rounds.map((round) => round.c!.cpuUsPerRequest / round.b.cpuUsPerRequest));
      console.log(`(c) before, CPU ratio (a)/(c), median of the rounds: ${before.toFixed(2)}; CPU per request before/after (c)/(b): ${gain.toFixed(2)} (above 1: the change costs less per request)`);
    }
    console.log(`throughput ratio (b)/(a), best rounds: ${(b.best.reqPerSec / a.best.reqPerSec).toFixed(2)} (wall clock: the load generator and other work share the 2 cores, so this swings)`);

    // The same offered load for both (below what either can take): the CPU cost per request without
    // the difference in batching between a saturated and a not quite saturated server, and latency
    // that is not mostly queueing.
    const rate = Math.max(1_000, Math.floor((0.6 * Math.min(a.best.reqPerSec, b.best.reqPerSec)) / 1_000) * 1_000);
    const [sameA, sameB] = [await load(bare, DURATION_S, rate), await load(echo, DURATION_S, rate)];
    console.log(`at the same ${fixed(rate)} req/s for both (${DURATION_S} s each):`);
    for (const [name, r] of [['(a) bare node:http', sameA], ['(b) echo server', sameB]] as const) {
      console.log(`  ${name.padEnd(20)} ${fixed(r.cpuUsPerRequest, 1).padStart(5)} µs/req  ${percent(r.busy).padStart(4)} busy   p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}`);
    }
    console.log(`  CPU ratio (a)/(b) at the same load: ${(sameA.cpuUsPerRequest / sameB.cpuUsPerRequest).toFixed(2)}`);

    const runs = await echo.ask<{ runs: number; bytes: number; logLevel: string }>('records', 'records');
    const answered = (await echo.ask<ChildStats>('stats', 'stats')).answered;
    // Give a buffered log writer a moment to flush its last lines before counting.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const log = await readLog(logFile);
    console.log(`(b) records: on, default limits (${runs.runs} runs held, ~${mib(runs.bytes)} by the store's estimate)`);
    console.log(`(b) logging: on, level ${runs.logLevel}, to a file: ${fixed(log.requests)} request lines for ${fixed(answered)} requests answered (${fixed(log.lines)} lines in all), e.g.`);
    console.log(`    ${log.sample}`);

    if (process.env.ECHO_BENCH_MEMORY === '0') return;
    console.log('');
    const before = await memory();
    console.log(`memory of (b), each after a full GC: fresh RSS ${mib(fresh.rss)}, JS heap ${mib(fresh.heapUsed)}`);
    console.log(`  before 200,000 requests (${fixed(answered)} answered so far, records full): RSS ${mib(before.rss)}, JS heap ${mib(before.heapUsed)}`);
    for (const half of [1, 2]) {
      const start = (await echo.ask<ChildStats>('stats', 'stats')).answered;
      await autocannon({
        url: `http://127.0.0.1:${echo.port}`,
        connections: CONNECTIONS,
        duration: MEMORY_MAX_S,
        maxOverallRequests: MEMORY_REQUESTS / 2,
        headers: BENCH_REQUEST_HEADERS,
        requests: [{ setupRequest: (request) => ({ ...request, path: echo.nextPath() }) }],
      });
      const done = (await echo.ask<ChildStats>('stats', 'stats')).answered - start;
      const { rss, heapUsed } = await memory();
      const records = await echo.ask<{ runs: number; bytes: number }>('records', 'records');
      console.log(`  after ${fixed(half * (MEMORY_REQUESTS / 2))} more requests (${fixed(done)} answered in this half): RSS ${mib(rss)}, JS heap ${mib(heapUsed)}; records: ${records.runs} runs, ~${mib(records.bytes)}`);
    }
    console.log('  (records bounded by --record-max-runs 5000 / --record-max-requests / --record-max-bytes; flat RSS = no leak)');
  } finally {
    bare.process.kill();
    echo.process.kill();
    earlier?.process.kill();
    builtBefore?.remove();
    rmSync(logFile, { force: true });
    built.remove();
    builtEcho.remove();
  }
}

void main();
