// Fuzzing over real sockets: random scenarios (valid and invalid) and random raw requests. Whatever
// arrives, the server answers every well-formed request, never puts CR or LF inside a header line, and
// stays up.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Routes } from '@cors-playground/cors-core';
import { encodeRoutes, wirePrefix } from '@cors-playground/wire';
import { rawExchange, startServer, type RawResponse, type Running } from './test-utils';

let running: Running;
beforeAll(async () => {
  running = await startServer({ maxDelayMs: 0, headersTimeoutMs: 1000, requestTimeoutMs: 2000 });
});
afterAll(() => running.close());

const RUN_ID = 'FuzzFuzzFuzzFuzzFuzzFu';
const token = fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,12}$/);
const anyText = fc.array(fc.integer({ min: 0, max: 0x17f }), { maxLength: 24 }).map((codes) => String.fromCharCode(...codes));
const headerName = fc.oneof(token, anyText, fc.constantFrom('Location', 'Set-Cookie', 'Content-Length', 'Transfer-Encoding', 'Trailer', 'Connection', 'Date'));
const headerValue = fc.oneof(
  anyText,
  fc.constantFrom('{request.origin}', '{request.x-evil}', 'http://other.test/x', '/relative', 'https://evil.test/', 'a=1; Domain=evil.test', '0', 'chunked', 'close', ''),
);
const answer = fc.record(
  {
    status: fc.oneof(fc.integer({ min: 200, max: 599 }), fc.integer({ min: -5, max: 1200 }), fc.constant(1.5)),
    headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
    body: fc.oneof(anyText, fc.constant('{request.x-evil}')),
  },
  { requiredKeys: ['status'] },
);
const routes = fc.oneof(
  fc.dictionary(fc.constantFrom('/a', '/b?x=1', 'http://api.test/a', '{api}/a', 'no-slash'), fc.record({ preflight: answer, actual: answer }, { requiredKeys: [] }), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const method = fc.oneof(fc.constantFrom('GET', 'POST', 'OPTIONS', 'HEAD', 'PUT', 'patch', 'Patch', 'CHICKEN', 'options'), token);
const requestHeader = fc.tuple(fc.oneof(token, fc.constantFrom('Origin', 'Access-Control-Request-Method', 'X-Evil')), fc.array(fc.integer({ min: 0x20, max: 0xff }), { maxLength: 30 }).map((codes) => Buffer.from(codes).toString('latin1')));

function checkResponseBytes(response: RawResponse): void {
  expect(response.statusLine).toMatch(/^HTTP\/1\.1 \d{3} [^\r\n]*$/);
  for (const line of response.lines) expect(line).toMatch(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+: [\t\x20-\x7e\x80-\xff]*$/);
}

describe('fuzz', () => {
  it('answers random scenarios and random well-formed requests, never splitting a header', async () => {
    await fc.assert(
      fc.asyncProperty(routes, method, fc.constantFrom('/a', '/b?x=1', '/c', '/'), fc.array(requestHeader, { maxLength: 5 }), anyText, async (scenario, verb, path, headers, body) => {
        const bodyBytes = Buffer.from(body, 'latin1');
        const prefix = wirePrefix({ runId: RUN_ID, payload: encodeRoutes(scenario as Routes) });
        const head = [`${verb} ${prefix}${path} HTTP/1.1`, 'Host: api.test', ...headers.map(([n, v]) => `${n}: ${v.trim()}`), `Content-Length: ${bodyBytes.length}`, 'Connection: close'];
        const bytes = Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), bodyBytes]);
        const { responses } = await rawExchange(running.port, [bytes], 1, verb === 'HEAD' ? 1 : 0);
        expect(responses).toHaveLength(1);
        checkResponseBytes(responses[0]!);
        expect(responses[0]!.status).toBeGreaterThanOrEqual(200);
      }),
      { numRuns: 150 },
    );
  });

  it('survives random bytes, with an answer or a closed connection, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ minLength: 1, maxLength: 200 }), { minLength: 1, maxLength: 3 }), fc.boolean(), async (packets, looksLikeHttp) => {
        const chunks = packets.map((packet) => Buffer.from(packet));
        if (looksLikeHttp) chunks.unshift(Buffer.from('chicken /r/x HTTP/1.1\r\n'));
        chunks.push(Buffer.from('\r\n\r\n'));
        const { responses } = await rawExchange(running.port, chunks, 1);
        for (const response of responses) checkResponseBytes(response);
      }),
      { numRuns: 60 },
    );
    const { responses } = await rawExchange(running.port, ['GET /__pg/healthz HTTP/1.1\r\nHost: api.test\r\n\r\n']);
    expect(responses[0]!.status).toBe(200);
  });
});
