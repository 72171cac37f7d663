// POST /__pg/probe: off by default, and never an open proxy. The guards are cors-core's net guard,
// exercised here through the route with real servers on loopback: a real Express + cors app, servers
// that redirect inward, answer too much or never answer.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { paths } from '@cors-playground/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from './handler';
import { createProbeRoute, parseProbeAllow, type ProbeSettings } from './probe-route';
import { startServer, type Running } from './test-utils';

const PAGE = 'http://web.test';

function exchange(body: unknown, remoteAddress = '192.0.2.1'): Exchange {
  const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return { method: 'POST', target: paths.probe, rawHeaders: [], body: bytes, bodyBytes: bytes.length, bodyTooLarge: false, localPort: 0, startedAt: 0, remoteAddress };
}

async function call(settings: ProbeSettings, body: unknown, remoteAddress?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const reply = await createProbeRoute(settings, PAGE)(exchange(body, remoteAddress), { path: paths.probe, origin: PAGE });
  if (reply.type !== 'response') throw new Error(reply.type);
  return { status: reply.status, json: JSON.parse(reply.body.toString('utf8')) as Record<string, unknown> };
}

function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/** A real Express app with the cors middleware, from cors-core's dev dependencies, in a child process. */
function startExpress(): Promise<{ child: ChildProcess; origin: string }> {
  const script = `
    const express = require('express');
    const cors = require('cors');
    const app = express();
    app.use(cors({ origin: '${PAGE}', methods: ['GET', 'PUT'], allowedHeaders: ['Content-Type', 'X-Token'] }));
    app.put('/items', (req, res) => res.json({ ok: true }));
    const server = app.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port));`;
  const child = spawn(process.execPath, ['-e', script], { cwd: join(import.meta.dirname, '..', '..', '..', 'packages', 'cors-core'), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const port = /PORT (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve({ child, origin: `http://127.0.0.1:${port}` });
    });
    child.on('exit', (code) => reject(new Error(`express exited with ${code}`)));
  });
}

describe('--probe-allow', () => {
  it('takes a list of origins and names a bad entry', () => {
    expect(parseProbeAllow('https://api.example.com, http://127.0.0.1:9000/')).toEqual({ ok: true, allow: ['https://api.example.com', 'http://127.0.0.1:9000'] });
    expect(parseProbeAllow('https://api.example.com/v1')).toMatchObject({ ok: false, error: expect.stringContaining('"https://api.example.com/v1" is not an http(s) origin') });
  });
});

describe('POST /__pg/probe through the echo server', { timeout: 60_000 }, () => {
  let express: { child: ChildProcess; origin: string };
  let off: Running;
  let on: Running;
  beforeAll(async () => {
    express = await startExpress();
    off = await startServer();
    on = await startServer({}, ['--probe-allow', `${express.origin},https://api.example.com`]);
  });
  afterAll(async () => {
    express?.child.kill();
    await off?.close();
    await on?.close();
  });

  it('is off without the flag: 404 with what to do, and /__pg/config says nothing about probing', async () => {
    const response = await fetch(`http://127.0.0.1:${off.port}${paths.probe}`, { method: 'POST', body: JSON.stringify({ url: express.origin }) });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'probing is off: start the echo server with --probe-allow ORIGIN,... to probe those origins' });
    expect(await (await fetch(`http://127.0.0.1:${off.port}${paths.config}`)).json()).not.toHaveProperty('probe');
  });

  it('with the flag, /__pg/config lists the allowed origins, and a real Express + cors app is probed on loopback', async () => {
    expect(await (await fetch(`http://127.0.0.1:${on.port}${paths.config}`)).json()).toMatchObject({ probe: { allow: [express.origin, 'https://api.example.com'] } });
    const response = await fetch(`http://127.0.0.1:${on.port}${paths.probe}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ url: `${express.origin}/items`, method: 'PUT', headers: [['X-Token', 'a']] }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const result = (await response.json()) as { pass: boolean; sent: { kind: string; method: string }[]; scenario: { page: string; request: { url: string }; server: { routes: Record<string, { preflight?: { status: number; headers: [string, string][] } }> } } };
    expect(result.pass).toBe(true);
    expect(result.sent.map((sent) => `${sent.kind} ${sent.method}`)).toEqual(['preflight OPTIONS', 'actual PUT']);
    expect(result.scenario.page).toBe('{page}');
    const preflight = Object.values(result.scenario.server.routes)[0]?.preflight;
    expect(preflight?.status).toBe(204);
    // The page's origin becomes `{page}`: the scenario runs in the playground as recorded.
    expect(preflight?.headers).toContainEqual(['Access-Control-Allow-Origin', '{page}']);
  });

  it('refuses an origin that is not listed (403), and says what is wrong with a bad request (400)', async () => {
    const refused = await fetch(`http://127.0.0.1:${on.port}${paths.probe}`, { method: 'POST', body: JSON.stringify({ url: `http://127.0.0.1:${on.port}/__pg/config` }) });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toContain(`http://127.0.0.1:${on.port} is not on this server's probe allow-list`);
    const bad = await fetch(`http://127.0.0.1:${on.port}${paths.probe}`, { method: 'POST', body: JSON.stringify({ url: `${express.origin}/`, headers: [['X-A', 'one\r\nInjected: yes']] }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'headers[0]: a [name, value] pair with a token name and a value of one line is needed' });
    expect((await fetch(`http://127.0.0.1:${on.port}${paths.probe}`)).status).toBe(405);
  });
});

describe('the probe route guards', { timeout: 30_000 }, () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((server) => server.close()));
  const start = async (handler: Parameters<typeof createServer>[1]) => {
    const started = await listen(handler);
    servers.push(started.server);
    return started.origin;
  };

  it('a listed name that resolves to a private address is refused (only a listed address is trusted as such)', async () => {
    const result = await call({ allow: ['http://intranet.example'], resolve: async () => ['10.0.0.5'] }, { url: 'http://intranet.example/x' });
    expect(result.status).toBe(403);
    expect(result.json.error).toContain('resolves to 10.0.0.5, a private address: refused');
  });

  it('a redirect to a private address, or to an origin not listed, is refused', async () => {
    const toPrivate = await start((_req, res) => res.writeHead(307, { Location: 'http://10.1.2.3/admin', 'Access-Control-Allow-Origin': '*' }).end());
    const result = await call({ allow: [toPrivate] }, { url: `${toPrivate}/start` });
    expect(result.status).toBe(403);
    expect(result.json.error).toContain('http://10.1.2.3 is not on the probe allow-list');
    const toListedName = await start((_req, res) => res.writeHead(302, { Location: 'http://inside.example/secret', 'Access-Control-Allow-Origin': '*' }).end());
    const listed = await call({ allow: [toListedName, 'http://inside.example'], resolve: async () => ['169.254.169.254'] }, { url: `${toListedName}/start` });
    expect(listed.status).toBe(403);
    expect(listed.json.error).toContain('169.254.169.254, a link-local address: refused');
  });

  it('caps the answer size and the time', async () => {
    const big = await start((_req, res) => res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('x'.repeat(1_000_000)));
    const sized = await call({ allow: [big], maxBodyBytes: 1000 }, { url: `${big}/` });
    expect(sized.status).toBe(200);
    const answers = sized.json.answers as { body: string; bodyTruncated: boolean }[];
    expect(answers[0]?.bodyTruncated).toBe(true);
    expect(answers[0]?.body.length).toBe(1000);
    const silent = await start(() => undefined);
    const timed = await call({ allow: [silent], timeoutMs: 300 }, { url: `${silent}/` });
    expect(timed.status).toBe(502);
    expect(timed.json.error).toContain('within 300 ms');
  });

  it('limits each client to a few probes a minute', async () => {
    const target = await start((_req, res) => res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('ok'));
    let clock = 1_000_000;
    const route = createProbeRoute({ allow: [target], perMinute: 2, now: () => clock }, PAGE);
    const status = async (client: string) => {
      const reply = await route(exchange({ url: `${target}/` }, client), { path: paths.probe, origin: PAGE });
      return reply.type === 'response' ? reply.status : 0;
    };
    expect([await status('a'), await status('a'), await status('a'), await status('b')]).toEqual([200, 200, 429, 200]);
    clock += 61_000;
    expect(await status('a')).toBe(200);
  });
});
