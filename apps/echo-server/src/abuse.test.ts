// The abuse suite (issue 14): one request, or a handful of hostile clients, must never take the server
// down. The server runs as a child process built like dist/main.js, so its file descriptors, RSS and CPU
// time are its own (read from /proc), and a slow client cannot slow it by sharing its event loop.
// Every assertion is a bound on bytes, counts, or answered-or-not; the one wall-clock bound is the one the
// issue asks for (/healthz p95 under slowloris), checked with a generous margin. Each test prints its
// figure as `[abuse] ...`, which is what the evidence quotes.
// Bounded in time: the whole file stays well under 60 s on a loaded 2-core machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Routes } from '@cors-playground/cors-core';
import { base64UrlEncode, encodeRoutes, newRunKey, paths, wirePrefix, type RunRecord } from '@cors-playground/wire';
import { listeningPort, parseResponses, request, type RawResponse } from './test-utils';

const ORIGINS = ['--page-origin', 'http://web.test', '--api-origin', 'http://api.test', '--other-origin', 'http://other.test'];
/** `ABUSE_PORT=42010` keeps the child servers in a given port range (it and the next one); 0 lets the system pick. */
const PORT = Number(process.env.ABUSE_PORT ?? '0');
const TICKS_PER_S = 100; // /proc/<pid>/stat counts CPU time in clock ticks (USER_HZ, 100 on Linux)
const BIG_FILE_BYTES = 8 * 1_048_576;

let bundle: string;
let work: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'echo-abuse-'));
  bundle = join(work, 'main.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./main.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'warning',
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  });
  const web = join(work, 'web');
  rmSync(web, { recursive: true, force: true });
  await import('node:fs').then((fs) => fs.mkdirSync(web));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>page</title>\n');
  writeFileSync(join(web, 'big.bin'), Buffer.alloc(BIG_FILE_BYTES, 0x61));
}, 30_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Child {
  port: number;
  process: ChildProcess;
  fds(): number;
  rssMiB(): number;
  cpuMs(): number;
  stop(): Promise<void>;
}

async function spawnEcho(args: string[] = [], listenPort = PORT): Promise<Child> {
  const child = spawn(process.execPath, [bundle, '--host', '127.0.0.1', '--port', String(listenPort), ...ORIGINS, '--web-dir', join(work, 'web'), '--log-level', 'error', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await listeningPort(child);
  const pid = child.pid!;
  return {
    port,
    process: child,
    fds: () => readdirSync(`/proc/${pid}/fd`).length,
    rssMiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024,
    cpuMs: () => {
      // Fields 14 and 15 (utime, stime) after the command name in parentheses.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends packets (15 ms apart) and collects responses until `count` are complete, the server closes, or `timeoutMs`. */
async function exchange(port: number, packets: (string | Buffer)[], count = 1, timeoutMs = 5_000): Promise<{ responses: RawResponse[]; bytes: number; closed: boolean }> {
  const socket = await connect(port);
  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ responses: parseResponses(received).responses, bytes: received.length, closed });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (parseResponses(received).responses.length >= count) finish(false);
    });
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    void (async () => {
      for (const [index, packet] of packets.entries()) {
        if (index > 0) await new Promise((r) => setTimeout(r, 15));
        if (!socket.destroyed) socket.write(packet);
      }
    })();
  });
}

/** Reads a whole answer over one connection and counts its bytes (the head says how many to wait for). */
async function answerBytes(port: number, text: string, timeoutMs = 20_000): Promise<{ status: number; bytes: number }> {
  const result = await exchange(port, [text], 1, timeoutMs);
  const response = result.responses[0];
  return { status: response?.status ?? 0, bytes: result.bytes };
}

/** /healthz over a new connection each time; latencies in ms (Infinity when not answered within 2 s). */
async function healthz(port: number, times: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1');
    const ok = await new Promise<boolean>((resolve) => {
      let text = '';
      const timer = setTimeout(() => resolve(false), 2_000);
      socket.on('connect', () => socket.write(request(['GET /healthz HTTP/1.1', 'Host: api.test', 'Connection: close'])));
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1');
        if (text.includes('{"ok":true}')) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      socket.on('error', () => resolve(false));
      socket.on('close', () => resolve(text.includes('{"ok":true}')));
    });
    socket.destroy();
    latencies.push(ok ? performance.now() - started : Infinity);
  }
  return latencies;
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds or `ms` pass; returns the last value seen. */
async function settle<T>(read: () => T, check: (value: T) => boolean, ms: number): Promise<T> {
  const until = performance.now() + ms;
  let value = read();
  while (!check(value) && performance.now() < until) {
    await sleep(100);
    value = read();
  }
  return value;
}

async function scenario(routes: Routes) {
  const { key, runId } = await newRunKey();
  return { key, prefix: wirePrefix({ runId, payload: encodeRoutes(routes) }) };
}

function figure(text: string): void {
  console.log(`[abuse] ${text}`);
}

let server: Child;
beforeAll(async () => {
  server = await spawnEcho();
}, 30_000);
afterAll(() => server?.stop());

describe('finding 1: file descriptors of aborted static downloads', () => {
  it('closes the file of every download whose client went away (200 aborts, then 300 pipelined GETs on one connection)', async () => {
    await healthz(server.port, 1);
    const baseline = server.fds();
    const get = request(['GET /big.bin HTTP/1.1', 'Host: web.test']);
    for (let batch = 0; batch < 4; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          const socket = await connect(server.port);
          await new Promise<void>((resolve) => {
            socket.once('data', () => resolve());
            socket.write(get);
            setTimeout(resolve, 3_000);
          });
          socket.destroy();
        }),
      );
    }
    const pipelined = await connect(server.port);
    await new Promise<void>((resolve) => {
      pipelined.once('data', () => resolve());
      pipelined.write(get.repeat(300));
      setTimeout(resolve, 3_000);
    });
    const during = server.fds();
    pipelined.destroy();
    const after = await settle(() => server.fds(), (fds) => fds <= baseline + 2, 5_000);
    figure(`fds: baseline ${baseline}, with one connection holding 300 pipelined GETs ${during}, 1 s after all clients left ${after}`);
    expect(during).toBeLessThanOrEqual(baseline + 10);
    expect(after).toBeLessThanOrEqual(baseline + 2);
    expect((await healthz(server.port, 1))[0]).toBeLessThan(Infinity);
  }, 30_000);
});

describe('finding 2: reflection amplification', () => {
  it('caps the body after {request.*} reflection: a 15 KB header reflected thousands of times gets a 400, not 85 MiB', async () => {
    const placeholders = '{request.a}'.repeat(5_000);
    const { prefix } = await scenario({ '/amp': { actual: { status: 200, headers: [], body: placeholders } } });
    const text = request([`GET ${prefix}/amp HTTP/1.1`, 'Host: api.test', `a: ${'x'.repeat(15_000)}`]);
    const rssBefore = server.rssMiB();
    const cpuBefore = server.cpuMs();
    const answers = await Promise.all([0, 1, 2].map(() => answerBytes(server.port, text)));
    const cpuPerRequest = (server.cpuMs() - cpuBefore) / answers.length;
    const rssGrowth = server.rssMiB() - rssBefore;
    figure(`reflection: answer ${answers[0]!.bytes} bytes (status ${answers[0]!.status}), server CPU ${cpuPerRequest.toFixed(0)} ms per request, RSS +${rssGrowth.toFixed(0)} MiB for 3 requests`);
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.bytes).toBeLessThan(4_096);
    }
    expect(rssGrowth).toBeLessThan(64);
    expect(cpuPerRequest).toBeLessThan(200);
  }, 30_000);
});

describe('finding 4: deflate bomb', () => {
  it('stops inflating at the 256 KiB limit: 20 different 5 MiB bombs cost little CPU each', async () => {
    // 5 MiB of JSON whitespace in about 5 KB of deflate, compressed once; each bomb starts with a
    // different stored block (`{"v":1,"n":i,...`), so each is a new payload for the memo.
    const body = deflateRawSync(Buffer.concat([Buffer.alloc(5 * 1_048_576, 0x20), Buffer.from('}')]), { level: 9 });
    const cpuBefore = server.cpuMs();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const prefix = Buffer.from(`{"v":1,"n":${i},"routes":{}`);
      const stored = Buffer.from([0x00, prefix.length & 0xff, prefix.length >> 8, ~prefix.length & 0xff, (~prefix.length >> 8) & 0xff]);
      const bomb = Buffer.concat([stored, prefix, body]);
      const payload = base64UrlEncode(bomb);
      expect(payload.length).toBeLessThanOrEqual(8_192);
      const { runId } = await newRunKey();
      const { responses } = await exchange(server.port, [request([`GET ${wirePrefix({ runId, payload })}/x HTTP/1.1`, 'Host: api.test'])]);
      statuses.push(responses[0]?.status ?? 0);
    }
    const cpuPerRequest = (server.cpuMs() - cpuBefore) / 20;
    figure(`deflate bomb: server CPU ${cpuPerRequest.toFixed(1)} ms per request (20 different 5 MiB bombs)`);
    expect(statuses.every((status) => status === 400)).toBe(true);
    expect(cpuPerRequest).toBeLessThan(20);
  }, 30_000);
});

describe('finding 5: raw-HTTP parsing', () => {
  const routes: Routes = { '/x': { actual: { status: 200, headers: [['X-Latin', 'caf\u00e9 \u00ff']], body: 'ok' } }, '/slow': { actual: { status: 200, headers: [], body: 'slow', delayMs: 400 } } };

  async function records(key: string): Promise<RunRecord> {
    const { responses } = await exchange(server.port, [request([`GET ${paths.record(key)} HTTP/1.1`, 'Host: api.test'])]);
    return JSON.parse(responses[0]!.body.toString()) as RunRecord;
  }

  it('never records or answers a method split across packets as a shorter one', async () => {
    const { key, prefix } = await scenario(routes);
    const { responses } = await exchange(server.port, ['CH', `ICKEN ${prefix}/x HTTP/1.1\r\nHost: api.test\r\n\r\n`]);
    const methods = (await records(key)).requests.map((r) => r.method);
    figure(`split method: status ${responses[0]?.status}, recorded methods ${JSON.stringify(methods)}`);
    expect(methods).not.toContain('ICKEN');
    expect(responses[0]?.status === 400 || methods[0] === 'CHICKEN').toBe(true);
  });

  it('takes the method of a request glued to the body of the one before (POST body "hello" + CHICKEN)', async () => {
    const { key, prefix } = await scenario(routes);
    const post = request([`POST ${prefix}/x HTTP/1.1`, 'Host: api.test', 'Content-Length: 5'], 'hello');
    const { responses } = await exchange(server.port, [post + request([`CHICKEN ${prefix}/x HTTP/1.1`, 'Host: api.test'])], 2);
    const methods = (await records(key)).requests.map((r) => r.method);
    figure(`glued body: statuses ${responses.map((r) => r.status).join(',')}, recorded methods ${JSON.stringify(methods)}`);
    expect(methods).toEqual(['POST', 'CHICKEN']);
  });

  it('answers pipelined requests in order across the hand-over (a delayed GET, then CHICKEN with Connection: close)', async () => {
    const { prefix } = await scenario(routes);
    const { responses } = await exchange(server.port, [request([`GET ${prefix}/slow HTTP/1.1`, 'Host: api.test']) + request([`CHICKEN ${prefix}/x HTTP/1.1`, 'Host: api.test', 'Connection: close'])], 2);
    figure(`pipelining across the hand-over: bodies in order ${JSON.stringify(responses.map((r) => r.body.toString()))}`);
    expect(responses.map((r) => r.body.toString())).toEqual(['slow', 'ok']);
  });

  it('answers pipelined requests in order on the raw parser (CHICKEN, a delayed GET, CHICKEN)', async () => {
    const { prefix } = await scenario(routes);
    const chicken = request([`CHICKEN ${prefix}/x HTTP/1.1`, 'Host: api.test']);
    const { responses } = await exchange(server.port, [chicken + request([`GET ${prefix}/slow HTTP/1.1`, 'Host: api.test']) + chicken], 3);
    expect(responses.map((r) => r.body.toString())).toEqual(['ok', 'slow', 'ok']);
  });

  it('sends header values byte for byte in latin-1 on both parsers', async () => {
    const { prefix } = await scenario(routes);
    for (const method of ['GET', 'CHICKEN']) {
      const socket = await connect(server.port);
      const raw = await new Promise<Buffer>((resolve) => {
        let bytes = Buffer.alloc(0);
        socket.on('data', (chunk: Buffer) => {
          bytes = Buffer.concat([bytes, chunk]);
          if (bytes.includes('\r\n\r\nok')) resolve(bytes);
        });
        socket.write(request([`${method} ${prefix}/x HTTP/1.1`, 'Host: api.test']));
      });
      socket.destroy();
      figure(`latin-1 header on ${method}: ${raw.subarray(raw.indexOf('X-Latin'), raw.indexOf('\r\n', raw.indexOf('X-Latin'))).toString('hex')}`);
      expect(raw.includes(Buffer.from('X-Latin: caf\xe9 \xff\r\n', 'latin1'))).toBe(true);
    }
  });

  it('splits and glues packets anywhere on the raw parser: one byte at a time, and two requests in one packet', async () => {
    const { key, prefix } = await scenario(routes);
    const text = request([`CHICKEN ${prefix}/x HTTP/1.1`, 'Host: api.test', 'Content-Length: 3'], 'abc');
    const first = await connect(server.port);
    first.write(request([`CHICKEN ${prefix}/x HTTP/1.1`, 'Host: api.test']));
    let received = '';
    first.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    await settle(() => received, (text_) => text_.includes('\r\n\r\nok'), 3_000);
    // Now the connection belongs to the raw parser: a request dribbled one byte per packet, then two in one.
    for (const byte of text) {
      first.write(byte);
      await sleep(1);
    }
    first.write(text + text);
    await settle(() => received.split('HTTP/1.1 200').length - 1, (n) => n >= 4, 5_000);
    first.destroy();
    const recorded = (await records(key)).requests;
    expect(recorded.map((r) => [r.method, r.body])).toEqual([['CHICKEN', null], ['CHICKEN', 'abc'], ['CHICKEN', 'abc'], ['CHICKEN', 'abc']]);
  }, 20_000);
});

describe('finding 3: backpressure on both parsers', () => {
  for (const parser of ['node', 'raw'] as const) {
    it(`holds little memory for clients that pipeline big answers and never read (${parser} parser)`, async () => {
      await healthz(server.port, 1);
      const rssBefore = server.rssMiB();
      const clients = await Promise.all(
        Array.from({ length: 4 }, async () => {
          const socket = await connect(server.port);
          socket.pause(); // never reads
          const first = parser === 'raw' ? 'CHICKEN /__pg/healthz HTTP/1.1\r\nHost: api.test\r\n\r\n' : '';
          socket.write(first + request(['GET /big.bin HTTP/1.1', 'Host: web.test']).repeat(12));
          return socket;
        }),
      );
      await sleep(1_500);
      const growth = server.rssMiB() - rssBefore;
      const health = await healthz(server.port, 3);
      for (const socket of clients) socket.destroy();
      figure(`backpressure (${parser} parser): RSS +${growth.toFixed(0)} MiB with 4 clients holding 12 pipelined 8 MiB answers each; /healthz ${health.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      expect(growth).toBeLessThan(64);
      expect(health.every((ms) => ms < Infinity)).toBe(true);
    }, 20_000);
  }
});

describe('finding 6: live record streams when the stream cap is full', () => {
  it('answers 503 on the raw parser too', async () => {
    const small = await spawnEcho(['--max-event-streams', '1'], PORT === 0 ? 0 : PORT + 1);
    try {
      const { key } = await newRunKey();
      const holder = await connect(small.port);
      holder.write(request([`GET ${paths.recordEvents(key)} HTTP/1.1`, 'Host: api.test']));
      await sleep(300);
      const { responses } = await exchange(small.port, [request(['CHICKEN /__pg/healthz HTTP/1.1', 'Host: api.test']) + request([`GET ${paths.recordEvents(key)} HTTP/1.1`, 'Host: api.test'])], 2, 3_000);
      holder.destroy();
      figure(`event stream over the cap on the raw parser: statuses ${JSON.stringify(responses.map((r) => r.status))}`);
      expect(responses.map((r) => r.status)).toEqual([405, 503]);
    } finally {
      await small.stop();
    }
  }, 20_000);
});

describe('connections: slowloris and thousands of idle connections', () => {
  it('answers /healthz within 100 ms p95 while 200 slowloris clients dribble their headers', async () => {
    const LORIS = 200;
    // The bound is 100 ms on an idle machine. On a shared one, the same loop without any
    // slowloris client measures the machine's own delay first, and that is added to the bound.
    const quiet = p95(await healthz(server.port, 30));
    const loris = await Promise.all(
      Array.from({ length: LORIS }, async () => {
        const socket = await connect(server.port);
        socket.on('error', () => {});
        socket.write('GET /healthz HTTP/1.1\r\nHost: api.test\r\n');
        return socket;
      }),
    );
    // One more header line per client every second: each connection stays open until the headers timeout.
    const drip = setInterval(() => {
      for (const socket of loris) if (!socket.destroyed) socket.write('X-a: b\r\n');
    }, 1_000);
    try {
      const latencies = await healthz(server.port, 60);
      figure(`slowloris: /healthz p95 ${p95(latencies).toFixed(1)} ms with ${LORIS} slowloris clients, ${quiet.toFixed(1)} ms without (${latencies.filter((ms) => ms === Infinity).length} unanswered of 60)`);
      expect(p95(latencies)).toBeLessThan(100 + quiet);
    } finally {
      clearInterval(drip);
      for (const socket of loris) socket.destroy();
    }
  }, 30_000);

  it('still serves /healthz and records with 2,500 idle connections open (idle ones are evicted first)', async () => {
    const idle: net.Socket[] = [];
    for (let i = 0; i < 2_500; i++) {
      const socket = net.connect(server.port, '127.0.0.1');
      socket.on('error', () => {});
      idle.push(socket);
      if (i % 250 === 249) await sleep(50);
    }
    await sleep(500);
    try {
      const latencies = await healthz(server.port, 10);
      const { key } = await newRunKey();
      const record = await exchange(server.port, [request([`GET ${paths.record(key)} HTTP/1.1`, 'Host: api.test'])]);
      figure(`2,500 idle connections: /healthz answered ${latencies.filter((ms) => ms < Infinity).length} of 10, record read status ${record.responses[0]?.status}`);
      expect(latencies.every((ms) => ms < Infinity)).toBe(true);
      expect(record.responses[0]?.status).toBe(200);
    } finally {
      for (const socket of idle) socket.destroy();
    }
  }, 30_000);
});
