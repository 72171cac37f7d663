// The server over real sockets on 127.0.0.1, with raw TCP where bytes matter.
import http from 'node:http';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Routes } from '@cors-playground/cors-core';
import { encodeRoutes, newRunKey, paths, wirePrefix, type RunRecord } from '@cors-playground/wire';
import { ORIGINS, rawExchange, request, startServer, type Running } from './test-utils';

let running: Running;
let port: number;
beforeAll(async () => {
  running = await startServer();
  port = running.port;
});
afterAll(() => running.close());

async function run(routes: Routes) {
  const { key, runId } = await newRunKey();
  const payload = encodeRoutes(routes);
  return { key, runId, payload, prefix: wirePrefix({ runId, payload }) };
}

/** GET over node:http (Host set explicitly, since *.test does not resolve). */
function get(path: string, host = 'api.test', headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers: { Host: host, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function readRecord(key: string): Promise<RunRecord> {
  const response = await get(paths.record(key));
  expect(response.headers['access-control-allow-origin']).toBe('*');
  return JSON.parse(response.body) as RunRecord;
}

describe('answers exactly as the scenario says', () => {
  it('sends header lines byte for byte: case, order, duplicates, empty values, and nothing else but Content-Length', async () => {
    const { prefix } = await run({
      '/resource': {
        actual: {
          status: 200,
          headers: [['access-control-ALLOW-origin', '*'], ['X-Dup', 'one'], ['Vary', ''], ['x-dup', 'two'], ['X-Dup', 'one']],
          body: 'hello',
        },
      },
    });
    const { responses } = await rawExchange(port, [request([`GET ${prefix}/resource HTTP/1.1`, 'Host: api.test'])]);
    expect(responses[0]!.statusLine).toBe('HTTP/1.1 200 OK');
    expect(responses[0]!.lines).toEqual(['access-control-ALLOW-origin: *', 'X-Dup: one', 'Vary: ', 'x-dup: two', 'X-Dup: one', 'Content-Length: 5']);
    expect(responses[0]!.body.toString()).toBe('hello');
  });

  it('adds no Date, Connection, Keep-Alive or Transfer-Encoding, and no Content-Length on 204 or HEAD', async () => {
    const { prefix } = await run({ '/r': { preflight: { status: 204, headers: [['Access-Control-Allow-Methods', 'PUT']] }, actual: { status: 200, headers: [], body: 'x' } } });
    const preflight = request([`OPTIONS ${prefix}/r HTTP/1.1`, 'Host: api.test', 'Access-Control-Request-Method: PUT', 'Origin: http://web.test']);
    const head = request([`HEAD ${prefix}/r HTTP/1.1`, 'Host: api.test']);
    const { responses } = await rawExchange(port, [preflight + head], 2, 0);
    expect(responses[0]!.lines).toEqual(['Access-Control-Allow-Methods: PUT']);
    expect(responses[1]!.lines).toEqual([]);
  });

  it('keeps a Content-Length the scenario lists, and refuses one that would desynchronize the connection', async () => {
    const { prefix } = await run({
      '/ok': { actual: { status: 200, headers: [['content-length', '2']], body: 'ok' } },
      '/wrong': { actual: { status: 200, headers: [['Content-Length', '10']], body: 'ok' } },
    });
    const { responses } = await rawExchange(port, [request([`GET ${prefix}/ok HTTP/1.1`, 'Host: api.test']) + request([`GET ${prefix}/wrong HTTP/1.1`, 'Host: api.test'])], 2);
    expect(responses[0]!.lines).toEqual(['content-length: 2']);
    expect(responses[1]!.status).toBe(400);
    expect(JSON.parse(responses[1]!.body.toString())).toMatchObject({ issues: [{ path: 'server.routes["/wrong"].actual.headers[0][1]' }] });
  });

  it('reflects {request.NAME} and keeps the answer on one line whatever the request carried', async () => {
    const { prefix } = await run({ '/echo': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{request.origin}'], ['X-Seen', '{request.x-a}']], body: '{request.x-a}' } } });
    const { responses } = await rawExchange(port, [request([`GET ${prefix}/echo HTTP/1.1`, 'Host: api.test', 'Origin: http://web.test', 'X-A: 1', 'x-a: 2'])]);
    expect(responses[0]!.lines).toEqual(['Access-Control-Allow-Origin: http://web.test', 'X-Seen: 1, 2', 'Content-Length: 4']);
  });

  it('answers 404 with no CORS header when no route matches, and routes by origin first', async () => {
    const { prefix } = await run({ 'http://other.test/a': { actual: { status: 201, headers: [] } }, '/a': { actual: { status: 202, headers: [] } } });
    const { responses } = await rawExchange(port, [
      request([`GET ${prefix}/a HTTP/1.1`, 'Host: other.test']) + request([`GET ${prefix}/a HTTP/1.1`, 'Host: api.test']) + request([`GET ${prefix}/b HTTP/1.1`, 'Host: api.test']),
    ], 3);
    expect(responses.map((r) => r.status)).toEqual([201, 202, 404]);
    expect(responses[2]!.lines.join('\n')).not.toMatch(/access-control/i);
  });

  it('names the path and the problem of an invalid scenario in a 400, without CORS headers', async () => {
    const { prefix, key } = await run({ '/x': { actual: { status: 100, headers: [['Bad Name', 'v']] } } } as unknown as Routes);
    const { responses } = await rawExchange(port, [request([`GET ${prefix}/x HTTP/1.1`, 'Host: api.test'])]);
    expect(responses[0]!.status).toBe(400);
    expect(responses[0]!.lines.join('\n')).not.toMatch(/access-control/i);
    const body = JSON.parse(responses[0]!.body.toString()) as { error: string; issues: { path: string; message: string }[] };
    expect(body.error).toBe('invalid scenario');
    expect(body.issues).toContainEqual({ path: 'server.routes["/x"].actual.status', message: expect.stringContaining('200-599') });
    expect(body.issues.map((issue) => issue.path)).toContain('server.routes["/x"].actual.headers[0][0]');
    expect((await readRecord(key)).requests[0]!.answer).toEqual({ error: expect.stringContaining('actual.status') });
  });

  it('answers a payload that is not a scenario with a 400 naming the payload', async () => {
    const { responses } = await rawExchange(port, [request(['GET /r/AAAAAAAAAAAAAAAAAAAAAA/not-deflate/x HTTP/1.1', 'Host: api.test'])]);
    expect(responses[0]!.status).toBe(400);
    expect(JSON.parse(responses[0]!.body.toString())).toMatchObject({ issues: [{ path: 'payload' }] });
  });
});

describe('the page origin', () => {
  it('sandboxes a scenario answer a browser may render there, and leaves fetch/XHR answers byte for byte', async () => {
    const { prefix } = await run({ '/page': { actual: { status: 200, headers: [['Content-Type', 'text/html'], ['Refresh', '0; url=/x']], body: '<script>1</script>' } } });
    const navigate = await rawExchange(port, [request([`GET ${prefix}/page HTTP/1.1`, 'Host: web.test', 'Sec-Fetch-Dest: document'])]);
    expect(navigate.responses[0]!.lines).toEqual(['Content-Type: text/html', 'Refresh: 0; url=/x', 'Content-Length: 18', 'Content-Security-Policy: sandbox']);
    const fetched = await rawExchange(port, [request([`GET ${prefix}/page HTTP/1.1`, 'Host: web.test', 'Sec-Fetch-Dest: empty'])]);
    expect(fetched.responses[0]!.lines).toEqual(['Content-Type: text/html', 'Refresh: 0; url=/x', 'Content-Length: 18']);
    const elsewhere = await rawExchange(port, [request([`GET ${prefix}/page HTTP/1.1`, 'Host: api.test', 'Sec-Fetch-Dest: document'])]);
    expect(elsewhere.responses[0]!.lines).toEqual(['Content-Type: text/html', 'Refresh: 0; url=/x', 'Content-Length: 18']);
  });
});

describe('any method token', () => {
  it.each(['patch', 'CHICKEN', 'Patch', 'PATCH', 'M-SEARCH'])('receives, records and answers %s like any method', async (method) => {
    const { prefix, key } = await run({ '/m': { actual: { status: 200, headers: [['X-Method', 'yes']], body: 'answered' } } });
    const { responses } = await rawExchange(port, [request([`${method} ${prefix}/m?q=1 HTTP/1.1`, 'Host: api.test', 'X-Case: Kept', 'Content-Length: 5'], 'hello')]);
    expect(responses[0]!.statusLine).toBe('HTTP/1.1 200 OK');
    expect(responses[0]!.lines).toEqual(['X-Method: yes', 'Content-Length: 8']);
    const record = await readRecord(key);
    expect(record.requests[0]).toMatchObject({ method, path: '/m?q=1', body: 'hello', bodyBytes: 5, kind: 'actual', route: '/m' });
    expect(record.requests[0]!.rawHeaders).toEqual([['Host', 'api.test'], ['X-Case', 'Kept'], ['Content-Length', '5']]);
  });

  it('parses a refused method split over several packets, then keeps serving the connection (keep-alive)', async () => {
    const { prefix, key } = await run({ '/m': { actual: { status: 200, headers: [], body: 'ok' } } });
    const first = request([`patch ${prefix}/m HTTP/1.1`, 'Host: api.test', 'Content-Length: 6'], 'abcdef');
    const second = request([`GET ${prefix}/m HTTP/1.1`, 'Host: api.test']);
    const third = request([`CHICKEN ${prefix}/m HTTP/1.1`, 'Host: api.test']);
    const { responses, closed } = await rawExchange(port, [first.slice(0, 7), first.slice(7, 40), first.slice(40, -3), first.slice(-3), second, third], 3);
    expect(closed).toBe(false);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await readRecord(key)).requests.map((r) => [r.method, r.body])).toEqual([['patch', 'abcdef'], ['GET', null], ['CHICKEN', null]]);
  });

  it('answers a known method after a refused one in the same packet', async () => {
    const { prefix } = await run({ '/m': { actual: { status: 200, headers: [], body: 'ok' } } });
    const { responses } = await rawExchange(port, [request([`GET ${prefix}/m HTTP/1.1`, 'Host: api.test']) + request([`chicken ${prefix}/m HTTP/1.1`, 'Host: api.test'])], 2);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
  });

  it('treats a lower-case options as an actual request (a preflight is OPTIONS exactly)', async () => {
    const { prefix, key } = await run({ '/p': { preflight: { status: 204, headers: [] }, actual: { status: 200, headers: [], body: 'actual' } } });
    const { responses } = await rawExchange(port, [request([`options ${prefix}/p HTTP/1.1`, 'Host: api.test', 'Access-Control-Request-Method: GET'])]);
    expect(responses[0]!.body.toString()).toBe('actual');
    expect((await readRecord(key)).requests[0]!.kind).toBe('actual');
  });

  it('refuses a malformed request line of a refused method with a specific 400', async () => {
    const { responses, closed } = await rawExchange(port, ['chicken /a\r\n\r\n']);
    expect(responses[0]!.status).toBe(400);
    expect(responses[0]!.body.toString()).toMatch(/request line/);
    expect(closed || responses.length === 1).toBe(true);
  });
});

describe('redirects', () => {
  it('gives a Location on another own origin the same wire prefix, user info kept', async () => {
    const { prefix, key } = await run({
      '/start': { actual: { status: 307, headers: [['Location', 'http://user:pw@other.test/final?x=1']] } },
      '/a/rel': { actual: { status: 302, headers: [['Location', '../final#frag']] } },
      '/scheme-relative': { actual: { status: 302, headers: [['location', '//web.test/back']] } },
      'http://other.test/final': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '*']] } },
    });
    const { responses } = await rawExchange(port, [
      request([`GET ${prefix}/start HTTP/1.1`, 'Host: api.test']) + request([`GET ${prefix}/a/rel HTTP/1.1`, 'Host: api.test']) + request([`GET ${prefix}/scheme-relative HTTP/1.1`, 'Host: api.test']),
    ], 3);
    expect(responses[0]!.lines[0]).toBe(`Location: http://user:pw@other.test${prefix}/final?x=1`);
    expect(responses[1]!.lines[0]).toBe(`Location: ${prefix}/final#frag`);
    expect(responses[2]!.lines[0]).toBe(`location: //web.test${prefix}/back`);
    const followed = await rawExchange(port, [request([`GET ${prefix}/final?x=1 HTTP/1.1`, 'Host: other.test'])]);
    expect(followed.responses[0]!.status).toBe(200);
    expect((await readRecord(key)).requests.map((r) => [r.origin, r.path])).toContainEqual(['http://other.test', '/final?x=1']);
  });

  it.each(['https://example.com/', '//evil.test/x', 'http://api.test.evil.test/', '/\\evil.test/'])('refuses a Location to a foreign origin (%s): no open redirect', async (location) => {
    const { prefix } = await run({ '/go': { actual: { status: 302, headers: [['Location', location]] } } });
    const { responses } = await rawExchange(port, [request([`GET ${prefix}/go HTTP/1.1`, 'Host: api.test'])]);
    expect(responses[0]!.status).toBe(400);
    expect(responses[0]!.body.toString()).toMatch(/open redirect/);
  });

  it("refuses a Set-Cookie Domain other than the serving host, and accepts the host's own", async () => {
    const { prefix } = await run({
      '/own': { actual: { status: 200, headers: [['Set-Cookie', 'a=1; Domain=.API.test; Path=/']] } },
      '/foreign': { actual: { status: 200, headers: [['Set-Cookie', 'a=1; domain=test']] } },
    });
    const { responses } = await rawExchange(port, [request([`GET ${prefix}/own HTTP/1.1`, 'Host: api.test']) + request([`GET ${prefix}/foreign HTTP/1.1`, 'Host: api.test'])], 2);
    expect(responses.map((r) => r.status)).toEqual([200, 400]);
    expect(JSON.parse(responses[1]!.body.toString()).issues[0].message).toMatch(/Domain "test" is not this server's host "api.test"/);
  });
});

describe('records', () => {
  it('records a preflight and an actual request, with raw header lines in order, before answering', async () => {
    const { prefix, key, runId } = await run({ '/r': { preflight: { status: 204, headers: [['Access-Control-Allow-Origin', '*']] }, actual: { status: 200, headers: [], body: 'b' } } });
    await rawExchange(port, [request([`OPTIONS ${prefix}/r HTTP/1.1`, 'Host: api.test', 'Origin: http://web.test', 'Access-Control-Request-Method: PUT', 'access-control-request-headers: x-a'])]);
    await rawExchange(port, [request([`PUT ${prefix}/r HTTP/1.1`, 'Host: api.test', 'Origin: http://web.test', 'X-A: 1', 'Content-Length: 2'], '{}')]);
    const record = await readRecord(key);
    expect(record.runId).toBe(runId);
    expect(record.requests).toHaveLength(2);
    expect(record.requests[0]).toMatchObject({
      seq: 0,
      origin: 'http://api.test',
      method: 'OPTIONS',
      path: '/r',
      kind: 'preflight',
      route: '/r',
      rawHeaders: [['Host', 'api.test'], ['Origin', 'http://web.test'], ['Access-Control-Request-Method', 'PUT'], ['access-control-request-headers', 'x-a']],
      answer: { status: 204, headers: [['Access-Control-Allow-Origin', '*']] },
      body: null,
    });
    expect(record.requests[1]).toMatchObject({ seq: 1, method: 'PUT', kind: 'actual', body: '{}', answer: { status: 200, headers: [['Content-Length', '1']] } });
  });

  it('keeps one run from reading another: a record is read with its key, never with its run id', async () => {
    const a = await run({ '/a': { actual: { status: 200, headers: [] } } });
    const b = await run({ '/b': { actual: { status: 200, headers: [] } } });
    await rawExchange(port, [request([`GET ${a.prefix}/a HTTP/1.1`, 'Host: api.test'])]);
    expect((await readRecord(b.key)).requests).toEqual([]);
    expect((await readRecord(a.key)).requests).toHaveLength(1);
    // The run id is public (it is in every URL); used as a key it names a different, empty run.
    expect((await readRecord(a.runId)).requests).toEqual([]);
    expect((await get(paths.record('short'))).status).toBe(400);
  });

  it('truncates a long body to 4 KiB and says so', async () => {
    const { prefix, key } = await run({ '/big': { actual: { status: 200, headers: [] } } });
    const body = 'x'.repeat(10_000);
    await rawExchange(port, [request([`POST ${prefix}/big HTTP/1.1`, 'Host: api.test', `Content-Length: ${body.length}`], body)]);
    const [entry] = (await readRecord(key)).requests;
    expect(entry).toMatchObject({ bodyBytes: 10_000, bodyTruncated: true });
    expect(entry!.body).toHaveLength(4096);
  });

  it('streams the record live as Server-Sent Events: replay, then new requests', async () => {
    const { prefix, key } = await run({ '/s': { actual: { status: 200, headers: [] } } });
    await rawExchange(port, [request([`GET ${prefix}/s?n=0 HTTP/1.1`, 'Host: api.test'])]);
    const events: string[] = [];
    const stream = await new Promise<http.IncomingMessage>((resolve) => http.get({ host: '127.0.0.1', port, path: paths.recordEvents(key), headers: { Host: 'web.test' } }, resolve));
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(stream.headers['access-control-allow-origin']).toBe('*');
    const twoEvents = new Promise<void>((resolve) => {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        events.push(...chunk.split('\n\n').filter((block) => block.includes('event: request')));
        if (events.length >= 2) resolve();
      });
    });
    await rawExchange(port, [request([`GET ${prefix}/s?n=1 HTTP/1.1`, 'Host: api.test'])]);
    await twoEvents;
    stream.destroy();
    const paths_ = events.map((block) => (JSON.parse(block.split('data: ')[1]!) as { path: string }).path);
    expect(paths_).toEqual(['/s?n=0', '/s?n=1']);
    expect(events[1]).toMatch(/^id: 1\n/);
  });
});

describe('limits and hostile input', () => {
  it('answers 413 to a body over the limit and records it', async () => {
    const small = await startServer({ maxBodyBytes: 100 });
    try {
      const { prefix, runId } = await run({ '/u': { actual: { status: 200, headers: [] } } });
      const { responses } = await rawExchange(small.port, [request([`POST ${prefix}/u HTTP/1.1`, 'Host: api.test', 'Content-Length: 101'], 'x'.repeat(101))]);
      expect(responses[0]!.status).toBe(413);
      const chicken = await rawExchange(small.port, [request([`CHICKEN ${prefix}/u HTTP/1.1`, 'Host: api.test', 'Content-Length: 500'])]);
      expect(chicken.responses[0]!.status).toBe(413);
      expect(small.server.store.get(runId).requests.map((r) => r.answer)).toEqual([{ error: expect.stringContaining('413') }, { error: expect.stringContaining('413') }]);
    } finally {
      await small.close();
    }
  });

  it('answers 431 to a header block over the limit, for known and refused methods', async () => {
    const big = 'X-Big: ' + 'a'.repeat(20_000);
    const known = await rawExchange(port, [request(['GET /__pg/healthz HTTP/1.1', 'Host: api.test', big])]);
    expect(known.responses[0]!.status).toBe(431);
    const refused = await rawExchange(port, [request(['chicken /__pg/healthz HTTP/1.1', 'Host: api.test', big])]);
    expect(refused.responses[0]!.status).toBe(431);
  });

  it('cuts off a slow client (slowloris) and a silent one, with 408, and keeps serving others', async () => {
    const quick = await startServer({ headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 200 });
    try {
      // (count 2: wait for the server to close the connection after its one answer)
      const slow = rawExchange(quick.port, ['GET /__pg/healthz HTTP/1.1\r\n', 'Host: api.test\r\n'], 2);
      const slowRefused = rawExchange(quick.port, ['chicken /__pg/healthz HTTP/1.1\r\n', 'Host: api.test\r\n'], 2);
      const silentBody = rawExchange(quick.port, [request(['PATCH /__pg/healthz HTTP/1.1', 'Host: api.test', 'Content-Length: 10'], 'abc')], 2);
      const healthy = await rawExchange(quick.port, [request(['GET /__pg/healthz HTTP/1.1', 'Host: api.test'])]);
      expect(healthy.responses[0]!.status).toBe(200);
      for (const cut of await Promise.all([slow, slowRefused, silentBody])) {
        expect(cut.closed).toBe(true);
        expect(cut.responses[0]?.status).toBe(408);
      }
      // An idle kept-alive connection is closed after the keep-alive timeout, without an answer.
      const idle = await rawExchange(quick.port, [request(['GET /__pg/healthz HTTP/1.1', 'Host: api.test'])], 2);
      expect(idle.closed).toBe(true);
      expect(idle.responses).toHaveLength(1);
    } finally {
      await quick.close();
    }
  });

  it('closes a connection that carries nothing for the idle timeout (a live record stream whose client went silent)', async () => {
    const quick = await startServer({ idleTimeoutMs: 200, sseHeartbeatMs: 600_000 });
    try {
      const { key } = await newRunKey();
      // A stream stays open for the record's lifetime (10 min here) and sends nothing unless requests
      // arrive: only the idle timeout ends it.
      const raw = await rawExchange(quick.port, [request([`GET ${paths.recordEvents(key)} HTTP/1.1`, 'Host: web.test'])], 2);
      expect(raw.closed).toBe(true);
      const text = raw.raw.toString('latin1');
      expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\nContent-Type: text\/event-stream/);
      // Cut off: the stream's retry line and nothing after it, not even the end of the chunked body.
      expect(text.endsWith('retry: 2000\n\n\r\n')).toBe(true);
    } finally {
      await quick.close();
    }
  });

  it('answers malformed requests with a 400 of its own and stays up', async () => {
    const { responses } = await rawExchange(port, ['GET / HTTP/1.1\r\nHost: api.test\r\nBad Header\r\n\r\n']);
    expect(responses[0]!.status).toBe(400);
    expect((await get(paths.healthz)).status).toBe(200);
  });
});

describe('infrastructure endpoints', () => {
  it('serves /__pg/config, /__pg/healthz and /healthz, and 404 JSON for an unknown /__pg/ path', async () => {
    const config = await get(paths.config);
    expect(JSON.parse(config.body)).toMatchObject({ origins: ORIGINS });
    expect(config.headers['access-control-allow-origin']).toBe('*');
    expect(JSON.parse((await get(paths.healthz)).body)).toEqual({ ok: true });
    expect((await get('/healthz')).status).toBe(200);
    const unknown = await get('/__pg/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/json/);
  });
});

describe('static files', () => {
  let withWeb: Running;
  let webPort: number;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'echo-web-'));
    const dir = join(root, 'dist');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>spa</title>');
    writeFileSync(join(dir, 'runner.html'), '<!doctype html><title>runner</title>');
    writeFileSync(join(dir, 'assets', 'main-AbCdEf12.js'), 'export {};');
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    writeFileSync(join(root, 'secret.txt'), 'outside');
    symlinkSync(join(root, 'secret.txt'), join(dir, 'link.txt'));
    withWeb = await startServer({}, ['--web-dir', dir]);
    webPort = withWeb.port;
  });
  afterAll(() => withWeb.close());

  const fetchRaw = async (target: string, host = 'web.test') => (await rawExchange(webPort, [request([`GET ${target} HTTP/1.1`, `Host: ${host}`])])).responses[0]!;
  const header = (response: { headers: [string, string][] }, name: string) => response.headers.find(([n]) => n.toLowerCase() === name)?.[1];

  it('serves files on every origin with a content type, CORS *, and long caching for hashed assets only', async () => {
    const script = await fetchRaw('/assets/main-AbCdEf12.js', 'other.test');
    expect(script.status).toBe(200);
    expect(header(script, 'content-type')).toBe('text/javascript; charset=utf-8');
    expect(header(script, 'access-control-allow-origin')).toBe('*');
    expect(header(script, 'cache-control')).toMatch(/immutable/);
    const runner = await fetchRaw('/runner.html', 'api.test');
    expect(runner.body.toString()).toContain('runner');
    expect(header(runner, 'cache-control')).toBe('no-cache');
  });

  it('falls back to index.html on the page origin only, and not for missing assets', async () => {
    expect((await fetchRaw('/lessons/preflight')).body.toString()).toContain('spa');
    expect((await fetchRaw('/lessons/preflight', 'api.test')).status).toBe(404);
    expect((await fetchRaw('/assets/missing-12345678.js')).status).toBe(404);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/.env', '/link.txt', '/%00', '/..%5csecret.txt'])('never serves %s from outside the build or a dotfile', async (target) => {
    const response = await fetchRaw(target, 'api.test');
    expect([400, 404]).toContain(response.status);
    expect(response.body.toString()).not.toMatch(/outside|SECRET/);
  });

  it('answers a matching If-None-Match with 304', async () => {
    const first = await fetchRaw('/runner.html', 'api.test');
    const etag = header(first, 'etag')!;
    const second = (await rawExchange(webPort, [request(['GET /runner.html HTTP/1.1', 'Host: api.test', `If-None-Match: ${etag}`])])).responses[0]!;
    expect(second.status).toBe(304);
  });
});

describe('graceful shutdown', () => {
  it('finishes an in-flight (delayed) answer, then stops accepting', async () => {
    const own = await startServer();
    const { prefix } = await run({ '/slow': { actual: { status: 200, headers: [], body: 'done', delayMs: 300 } } });
    const inFlight = rawExchange(own.port, [request([`GET ${prefix}/slow HTTP/1.1`, 'Host: api.test'])]);
    await new Promise((r) => setTimeout(r, 100));
    const closed = own.close();
    const { responses } = await inFlight;
    expect(responses[0]!.body.toString()).toBe('done');
    await closed;
    await expect(rawExchange(own.port, [request(['GET /__pg/healthz HTTP/1.1', 'Host: api.test'])])).rejects.toThrow(/ECONNREFUSED/);
  });
});
