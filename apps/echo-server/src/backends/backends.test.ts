// The real middleware in the loop: the echo server started with --backends forwards a policy scenario's
// requests to the real framework and passes on what it answered. Over middleware-check's table of
// policies, what comes back through the echo server is what cors-core's model of that framework predicts
// (the same comparison middleware-check makes with the exported files), so a run through a real backend
// and the prediction can be compared in a browser. Plus: hostile policies never reach a backend, a
// crashed or oversized backend is started again and reported, and without --backends the answer is a
// clear 503.
import { request as httpRequest } from 'node:http';
import { CorsPolicySchema, policyAnswer, resolveOriginPlaceholders, type CorsPolicy, type Routes } from '@cors-playground/cors-core';
import { nginxVersion } from '@cors-playground/middleware-check/backends';
import { POLICY_CASES } from '@cors-playground/middleware-check/cases';
import { browserRequests, corsView, type WireRequest } from '@cors-playground/middleware-check/wire';
import { encodeRoutes, newRunKey, type RecordedRequest, type RunRecord, type ServerConfig } from '@cors-playground/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGINS, startServer, type Running } from '../test-utils';

const FRAMEWORKS = ['express-cors', 'fastify-cors', 'hono', 'koa-cors', ...(nginxVersion() ? (['nginx'] as const) : [])] as const;

interface Answer {
  status: number;
  headers: [string, string][];
  body: string;
}

function send(port: number, path: string, wire: Pick<WireRequest, 'method' | 'headers' | 'body'>, host = 'api.test'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: string[] = ['Host', host];
    for (const [name, value] of wire.headers) headers.push(name, value);
    if (wire.body !== null) headers.push('Content-Length', String(Buffer.byteLength(wire.body)));
    const req = httpRequest({ host: '127.0.0.1', port, method: wire.method, path, headers, setHost: false }, (res) => {
      const lines: [string, string][] = [];
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) lines.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: lines, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.once('error', reject);
    req.end(wire.body ?? undefined);
  });
}

async function getJson<T>(port: number, path: string): Promise<T> {
  const answer = await send(port, path, { method: 'GET', headers: [], body: null });
  return JSON.parse(answer.body) as T;
}

function resolved(input: unknown): CorsPolicy {
  const policy = CorsPolicySchema.parse(input);
  return Array.isArray(policy.allowOrigins) ? { ...policy, allowOrigins: policy.allowOrigins.map((origin) => resolveOriginPlaceholders(origin, ORIGINS)) } : policy;
}

/** A run's wire path prefix and its record key, for a policy run by `framework` in front of `routes`. */
async function run(framework: string, policy: unknown, routes: Routes): Promise<{ prefix: string; key: string }> {
  const { key, runId } = await newRunKey();
  return { prefix: `/r/${runId}/${encodeRoutes(routes, { framework, policy })}`, key };
}

const appRoutes = (path: string, status: number): Routes => ({ [path]: { actual: { status, headers: [['Content-Type', 'text/plain']], body: 'ok\n' } } });

let server: Running;
beforeAll(async () => {
  server = await startServer({}, ['--backends', FRAMEWORKS.join(','), '--backend-timeout-ms', '20000']);
  await server.server.handler.context.backends?.warmUp();
}, 120_000);
afterAll(async () => server?.close());

describe('a policy run by the real middleware through the echo server agrees with the model of that middleware', () => {
  for (const framework of FRAMEWORKS) {
    it(`${framework}: ${POLICY_CASES.length} policies, preflight and actual request`, async () => {
      for (const policyCase of POLICY_CASES) {
        const policy = resolved(policyCase.policy);
        const path = new URL(policyCase.request.url.replace('{api}', ORIGINS.api)).pathname;
        const appStatus = policyCase.appStatus ?? 200;
        const { prefix, key } = await run(framework, policyCase.policy, appRoutes(path, appStatus));
        const requests = browserRequests(policyCase.request, ORIGINS);
        for (const wire of requests) {
          const real = corsView(await send(server.port, `${prefix}${wire.path}`, wire));
          const predicted = policyAnswer(policy, framework, { method: wire.method, kind: wire.kind, headers: wire.headers }, { status: appStatus, headers: [], body: 'ok\n' });
          expect(real, `${framework} / ${policyCase.name} / ${wire.kind}`).toEqual(corsView({ status: predicted.status, headers: predicted.headers }));
        }
        const record = await getJson<RunRecord>(server.port, `/__pg/record/${key}`);
        expect(record.requests.map((entry) => entry.backend?.framework)).toEqual(requests.map(() => framework));
      }
    }, 120_000);
  }
});

describe('what the record and the answer show', () => {
  it("Express cors with origin '*' and credentials: the real answer carries '*' and credentials, and the framework's own headers", async () => {
    const { prefix, key } = await run('express-cors', { allowOrigins: '*', credentials: true }, appRoutes('/profile', 200));
    const answer = await send(server.port, `${prefix}/profile`, { method: 'GET', headers: [['Origin', ORIGINS.page], ['Sec-Fetch-Dest', 'empty']], body: null });
    expect(answer.status).toBe(200);
    expect(answer.headers).toContainEqual(['Access-Control-Allow-Origin', '*']);
    expect(answer.headers).toContainEqual(['Access-Control-Allow-Credentials', 'true']);
    expect(answer.headers).toContainEqual(['X-Powered-By', 'Express']);
    expect(answer.body).toBe('ok\n');
    const [entry] = (await getJson<RunRecord>(server.port, `/__pg/record/${key}`)).requests as [RecordedRequest];
    expect(entry.backend).toMatchObject({ framework: 'express-cors', version: expect.stringMatching(/^express \d+\.\d+\.\d+, cors \d+\.\d+\.\d+$/), restarted: null });
    expect(entry.backend?.dropped.map((name) => name.toLowerCase())).toContain('connection');
    expect(entry.answer).toMatchObject({ status: 200, headers: answer.headers });
    // The browser's request is recorded as sent: no header of the playground's own.
    expect(entry.rawHeaders.map(([name]) => name.toLowerCase())).not.toContain('x-playground-config');
  });

  it('/__pg/config lists the backends this server runs, with versions and states', async () => {
    const config = await getJson<ServerConfig>(server.port, '/__pg/config');
    expect(config.backends?.map((backend) => backend.framework)).toEqual([...FRAMEWORKS]);
    for (const backend of config.backends ?? []) expect(backend.version).toMatch(/\d+\.\d+\.\d+/);
    expect(config.backends?.find((backend) => backend.framework === 'express-cors')?.state).toBe('up');
  });
});

describe('a policy is data: hostile values never reach a backend', () => {
  const hostile: [string, unknown][] = [
    ['an nginx directive in an origin', { allowOrigins: ['http://a.test"; add_header X-Evil 1; #'] }],
    ['a JavaScript expression in an origin', { allowOrigins: ["http://a.test'+process.exit(1)+'"] }],
    ['a template literal in a method', { allowOrigins: '*', allowMethods: ['GET${process.exit(1)}'] }],
    ['a newline in a header name', { allowOrigins: '*', allowHeaders: ['X-A\r\nX-Evil: 1'] }],
    ['a regular expression in a pattern', { allowOrigins: [], allowOriginPatterns: ['http://*.(a|b).test/.*'] }],
    ['an unknown option', { allowOrigins: '*', preflightContinue: true }],
  ];
  for (const framework of FRAMEWORKS) {
    for (const [name, policy] of hostile) {
      it(`${framework}: ${name} is refused with 400 before any backend sees it`, async () => {
        const { prefix, key } = await run(framework, policy, appRoutes('/x', 200));
        const answer = await send(server.port, `${prefix}/x`, { method: 'GET', headers: [['Origin', ORIGINS.page]], body: null });
        expect(answer.status).toBe(400);
        expect(answer.headers.some(([header]) => /^(x-evil|access-control-)/i.test(header))).toBe(false);
        const [entry] = (await getJson<RunRecord>(server.port, `/__pg/record/${key}`)).requests as [RecordedRequest];
        expect(entry.answer).toMatchObject({ error: expect.stringContaining('server.policy') });
        expect(entry.backend).toBeUndefined();
      });
    }
  }

  it('a share link can only choose among the real backends', async () => {
    const { prefix } = await run('/usr/bin/env', { allowOrigins: '*' }, appRoutes('/x', 200));
    const answer = await send(server.port, `${prefix}/x`, { method: 'GET', headers: [], body: null });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('invalid scenario');
  });

  it("the browser's own x-playground-* headers are not passed on (a scenario cannot configure the backend)", async () => {
    const star = Buffer.from(JSON.stringify({ framework: 'express-cors', origin: { kind: 'star' }, options: {}, authBeforeCors: false })).toString('base64url');
    const { prefix } = await run('express-cors', { allowOrigins: ['{other}'] }, appRoutes('/x', 200));
    const answer = await send(server.port, `${prefix}/x`, { method: 'GET', headers: [['Origin', ORIGINS.page], ['X-Playground-Config', star]], body: null });
    expect(answer.status).toBe(200);
    expect(answer.headers.some(([name]) => name.toLowerCase() === 'access-control-allow-origin')).toBe(false);
  });
});

describe('supervision', () => {
  it('a crashed backend is started again at once; the next request records why; /__pg/config counts it', async () => {
    const supervisor = server.server.handler.context.backends!;
    const before = supervisor.status().find((backend) => backend.framework === 'koa-cors')!.restarts;
    supervisor.crash('koa-cors');
    // Started again without waiting for a request (a second after the crash).
    let state: string | undefined;
    for (let i = 0; i < 80 && state !== 'up'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const koa = (await getJson<ServerConfig>(server.port, '/__pg/config')).backends?.find((backend) => backend.framework === 'koa-cors');
      state = koa?.restarts === before + 1 ? koa.state : undefined;
    }
    expect(state).toBe('up');
    const { prefix, key } = await run('koa-cors', { allowOrigins: ['{page}'] }, appRoutes('/x', 200));
    const answer = await send(server.port, `${prefix}/x`, { method: 'GET', headers: [['Origin', ORIGINS.page]], body: null });
    expect(answer.status).toBe(200);
    expect(answer.headers).toContainEqual(['Access-Control-Allow-Origin', ORIGINS.page]);
    const [entry] = (await getJson<RunRecord>(server.port, `/__pg/record/${key}`)).requests as [RecordedRequest];
    expect(entry.backend?.restarted).toMatch(/killed by SIGKILL/);
    const after = (await getJson<ServerConfig>(server.port, '/__pg/config')).backends?.find((backend) => backend.framework === 'koa-cors');
    expect(after).toMatchObject({ restarts: before + 1, state: 'up', lastFailure: expect.stringMatching(/SIGKILL/) });
  }, 60_000);
});

describe('bounds', () => {
  it('a backend over its memory cap is killed and started again, and the failure is reported', async () => {
    const small = await startServer({}, ['--backends', 'hono', '--backend-max-rss-mib', '32']);
    try {
      const { prefix } = await run('hono', { allowOrigins: '*' }, appRoutes('/x', 200));
      await send(small.port, `${prefix}/x`, { method: 'GET', headers: [['Origin', ORIGINS.page]], body: null });
      // Node itself takes more than 32 MiB: the next memory check (every 2 s) kills it.
      let status: ServerConfig['backends'];
      for (let i = 0; i < 40; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = (await getJson<ServerConfig>(small.port, '/__pg/config')).backends;
        if (status?.[0]?.lastFailure) break;
      }
      expect(status?.[0]?.lastFailure).toMatch(/^RSS \d+(\.\d)? MiB passed the 32 MiB cap$/);
      const again = await send(small.port, `${prefix}/x`, { method: 'GET', headers: [['Origin', ORIGINS.page]], body: null });
      // Hono writes its header names in lower case.
      expect(again.headers, JSON.stringify(again)).toContainEqual(['access-control-allow-origin', '*']);
    } finally {
      await small.close();
    }
  }, 60_000);

  it("a route's answer too large to pass to a backend is refused with a clear 503, not a backend's 431", async () => {
    const big: Routes = { '/x': { actual: { status: 200, headers: [], body: 'x'.repeat(60_000) } } };
    const { prefix } = await run('express-cors', { allowOrigins: '*' }, big);
    const answer = await send(server.port, `${prefix}/x`, { method: 'GET', headers: [['Origin', ORIGINS.page]], body: null });
    expect(answer.status).toBe(503);
    expect(answer.body).toContain('too large to pass to a real backend');
  });

  it('without --backends, a real-backend scenario gets a 503 that says how to start one', async () => {
    const plain = await startServer();
    try {
      const { prefix, key } = await run('express-cors', { allowOrigins: '*' }, appRoutes('/x', 200));
      const answer = await send(plain.port, `${prefix}/x`, { method: 'GET', headers: [['Origin', ORIGINS.page]], body: null });
      expect(answer.status).toBe(503);
      expect(answer.body).toContain('--backends express-cors');
      const [entry] = (await getJson<RunRecord>(plain.port, `/__pg/record/${key}`)).requests as [RecordedRequest];
      expect(entry.answer).toMatchObject({ error: expect.stringContaining('503') });
      expect((await getJson<ServerConfig>(plain.port, '/__pg/config')).backends).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});
