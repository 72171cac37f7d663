import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerScenarioRequest, cookieDomainProblem, PayloadMemo, rewriteCookiePath, rewriteLocation } from './scenario-answer';
import { encodeRoutes, type WirePath } from '@cors-playground/wire';
import type { Routes } from '@cors-playground/cors-core';

const own = ['http://web.test', 'http://api.test', 'http://other.test'];
const wire = (routes: Routes, logicalPath = '/r'): WirePath => ({ runId: 'AAAAAAAAAAAAAAAAAAAAAA', payload: encodeRoutes(routes), logicalPath });
const context = { ownOrigins: own, maxDelayMs: 50, memo: new PayloadMemo() };

describe('answerScenarioRequest', () => {
  it('uses the preflight answer only for OPTIONS with Access-Control-Request-Method', () => {
    const routes: Routes = { '/r': { preflight: { status: 204, headers: [] }, actual: { status: 200, headers: [] } } };
    const request = (method: string, rawHeaders: string[]) => answerScenarioRequest(wire(routes), { method, origin: 'http://api.test', rawHeaders }, context);
    expect(request('OPTIONS', ['access-control-request-method', 'PUT'])).toMatchObject({ ok: true, kind: 'preflight', status: 204 });
    expect(request('OPTIONS', [])).toMatchObject({ ok: true, kind: 'actual', status: 200 });
  });

  it('caps the delay', () => {
    const answer = answerScenarioRequest(wire({ '/r': { actual: { status: 200, headers: [], delayMs: 5000 } } }), { method: 'GET', origin: 'http://api.test', rawHeaders: [] }, context);
    expect(answer).toMatchObject({ ok: true, delayMs: 50 });
  });

  it('refuses framing headers the server owns', () => {
    for (const name of ['Transfer-Encoding', 'Trailer']) {
      const answer = answerScenarioRequest(wire({ '/r': { actual: { status: 200, headers: [[name, 'chunked']] } } }), { method: 'GET', origin: 'http://api.test', rawHeaders: [] }, context);
      expect(answer).toMatchObject({ ok: false, status: 400, issues: [{ path: 'server.routes["/r"].actual.headers[0][0]' }] });
    }
  });

  it('never returns a header value with CR, LF or NUL, whatever is reflected', () => {
    const reflecting = wire({ '/r': { actual: { status: 200, headers: [['X-Echo', '{request.x}'], ['Location', '/{request.x}']] } } });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0x2ff }), { maxLength: 40 }).map((codes) => String.fromCharCode(...codes)), (value) => {
        const answer = answerScenarioRequest(reflecting, { method: 'GET', origin: 'http://api.test', rawHeaders: ['X', value] }, context);
        if (answer.ok) for (const [, v] of answer.headers) expect(v).not.toMatch(/[\r\n\0]/);
      }),
    );
  });
});

describe('answers built once and shared', () => {
  const fixed = wire({ '/r': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', 'http://web.test'], ['X-A', '1']], body: 'hi' } } });
  const get = (run: WirePath, method = 'GET', origin = 'http://api.test', rawHeaders: string[] = []) => answerScenarioRequest(run, { method, origin, rawHeaders }, context);

  it('answers a fixed route the same every time, with a body for GET and none for HEAD, whatever came first', () => {
    const head = get(fixed, 'HEAD');
    const first = get(fixed);
    const again = get(fixed);
    expect(first).toMatchObject({ ok: true, status: 200, headers: [['Access-Control-Allow-Origin', 'http://web.test'], ['X-A', '1'], ['Content-Length', '2']] });
    expect(again).toEqual(first);
    expect(first.ok && first.body.toString()).toBe('hi');
    expect(head).toMatchObject({ ok: true, headers: [['Access-Control-Allow-Origin', 'http://web.test'], ['X-A', '1']] });
    expect(head.ok && head.body.length).toBe(0);
  });

  it('cannot be changed by one request for the next', () => {
    const first = get(fixed);
    if (!first.ok) throw new Error('expected an answer');
    expect(() => first.headers.push(['X-Injected', '1'])).toThrow(TypeError);
    expect(() => {
      first.headers[0]![1] = '*';
    }).toThrow(TypeError);
    expect(get(fixed)).toMatchObject({ ok: true, headers: [['Access-Control-Allow-Origin', 'http://web.test'], ['X-A', '1'], ['Content-Length', '2']] });
  });

  it('still builds per request what depends on the request: reflection, Location, Set-Cookie', () => {
    const reflecting = wire({ '/r': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{request.origin}']] } } });
    expect(get(reflecting, 'GET', 'http://api.test', ['Origin', 'http://web.test'])).toMatchObject({ ok: true, headers: [['Access-Control-Allow-Origin', 'http://web.test'], ['Content-Length', '0']] });
    expect(get(reflecting, 'GET', 'http://api.test', ['Origin', 'http://other.test'])).toMatchObject({ ok: true, headers: [['Access-Control-Allow-Origin', 'http://other.test'], ['Content-Length', '0']] });

    const routes: Routes = { '/r': { actual: { status: 302, headers: [['Location', '/next']] } } };
    const runA = wire(routes);
    const runB = { ...runA, runId: 'BBBBBBBBBBBBBBBBBBBBBB' };
    expect(get(runA)).toMatchObject({ ok: true, headers: [['Location', `/r/${runA.runId}/${runA.payload}/next`], ['Content-Length', '0']] });
    expect(get(runB)).toMatchObject({ ok: true, headers: [['Location', `/r/${runB.runId}/${runB.payload}/next`], ['Content-Length', '0']] });

    const cookie = wire({ '/r': { actual: { status: 200, headers: [['Set-Cookie', 'a=1; Domain=api.test']] } } });
    expect(get(cookie, 'GET', 'http://api.test')).toMatchObject({ ok: true });
    expect(get(cookie, 'GET', 'http://other.test')).toMatchObject({ ok: false, error: 'cookie refused' });
  });
});

describe('rewriteLocation', () => {
  const run = wire({}, '/dir/start?q=1');
  const prefix = '/r/AAAAAAAAAAAAAAAAAAAAAA/' + run.payload;
  it.each([
    ['http://other.test/final', `http://other.test${prefix}/final`],
    ['http://u:p@web.test/x?y#z', `http://u:p@web.test${prefix}/x?y#z`],
    ['/abs', `${prefix}/abs`],
    ['next', `${prefix}/dir/next`],
    ['../../../../up', `${prefix}/up`],
    ['?only=query', `${prefix}/dir/start?only=query`],
    ['//other.test/p', `//other.test${prefix}/p`],
  ])('%s → %s', (location, expected) => {
    expect(rewriteLocation(location, 'http://api.test', run, own)).toEqual({ ok: true, value: expected });
  });
  it.each(['https://api.test/x', 'http://evil.test/', '//evil.test/', 'javascript:alert(1)', 'http://[::1', '\\\\evil.test/x'])('refuses %s', (location) => {
    expect(rewriteLocation(location, 'http://api.test', run, own).ok).toBe(false);
  });
});

describe('cookieDomainProblem', () => {
  it.each([
    ['a=1', undefined],
    ['a=1; Domain=api.test', undefined],
    ['a=1; domain=.API.TEST; Secure', undefined],
  ])('accepts %s', (cookie, problem) => expect(cookieDomainProblem(cookie, 'http://api.test')).toBe(problem));
  it.each(['a=1; Domain=test', 'a=1; Domain=web.test', 'a=1; Domain=', 'a=1; Path=/; DOMAIN=evil.example'])('refuses %s', (cookie) => {
    expect(cookieDomainProblem(cookie, 'http://api.test')).toMatch(/is not this server's host/);
  });
});

describe('answers the server refuses (issue 14)', () => {
  const get = (routes: Routes, rawHeaders: string[] = [], extra = {}) => answerScenarioRequest(wire(routes), { method: 'GET', origin: 'http://api.test', rawHeaders }, { ...context, ...extra });

  it.each([204, 304])('refuses Content-Length on a %i answer (no body: a reader would fall out of step)', (status) => {
    const answer = get({ '/r': { actual: { status, headers: [['Content-Length', '0']] } } });
    expect(answer).toMatchObject({ ok: false, status: 400, error: 'framing header refused' });
  });

  it('refuses a Location holding a backslash, which URL parsers read differently', () => {
    const answer = get({ '/r': { actual: { status: 302, headers: [['Location', 'http://api.test\\@evil.example/']] } } });
    expect(answer).toMatchObject({ ok: false, status: 400, error: 'redirect refused' });
    expect(rewriteLocation('/a\\b', 'http://api.test', wire({}), own)).toMatchObject({ ok: false });
  });

  it('gives up reflecting a body at the limit, and reflects one under it exactly', () => {
    const routes: Routes = { '/r': { actual: { status: 200, headers: [], body: '<{request.a}>'.repeat(100) } } };
    expect(get(routes, ['a', 'x'.repeat(100)], { maxAnswerBodyBytes: 5_000 })).toMatchObject({ ok: false, status: 400, error: 'answer too large' });
    const fits = get(routes, ['a', 'x'.repeat(10)], { maxAnswerBodyBytes: 5_000 });
    expect(fits.ok && fits.body.toString()).toBe(`<${'x'.repeat(10)}>`.repeat(100));
  });

  it('counts the body limit in UTF-8 bytes, placeholders or not', () => {
    const routes: Routes = { '/r': { actual: { status: 200, headers: [], body: '\u00e9'.repeat(600) } } };
    expect(get(routes, [], { maxAnswerBodyBytes: 1_000, memo: new PayloadMemo() })).toMatchObject({ ok: false, error: 'answer too large' });
    expect(get(routes, [], { maxAnswerBodyBytes: 1_200, memo: new PayloadMemo() }).ok).toBe(true);
  });
});

describe('PayloadMemo', () => {
  it('stays under its byte bound whatever payloads arrive, and answers each like a fresh decode', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 0, maxLength: 300 }), { minLength: 1, maxLength: 30 }), (bodies) => {
        const memo = new PayloadMemo(4_000);
        for (const body of bodies) {
          const payload = encodeRoutes({ '/r': { actual: { status: 200, headers: [], body } } });
          const result = memo.routes(payload);
          expect(memo.size.bytes).toBeLessThanOrEqual(4_000);
          expect(result.ok && result.routes['/r']?.actual?.body).toBe(body);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('keeps nothing bigger than its bound, and still answers it', () => {
    const memo = new PayloadMemo(100);
    const payload = encodeRoutes({ '/r': { actual: { status: 200, headers: [], body: 'x'.repeat(500) } } });
    expect(memo.routes(payload).ok).toBe(true);
    expect(memo.size).toEqual({ entries: 0, bytes: 0 });
  });
});

describe('rewriteCookiePath (issue 10: a run keeps its cookies to itself)', () => {
  const wire = { runId: 'A'.repeat(22), payload: 'p' };
  it.each([
    ['sid=abc123; Path=/', `sid=abc123; Path=/r/${'A'.repeat(22)}/p/`],
    ['sid=1; path=/api; Secure', `sid=1; path=/r/${'A'.repeat(22)}/p/api; Secure`],
    ['sid=1', 'sid=1'],
    ['sid=1; Path=relative', 'sid=1; Path=relative'],
    ['path=/x', 'path=/x'],
    ['__Host-sid=1; Path=/; Secure', '__Host-sid=1; Path=/; Secure'],
  ])('%s → %s', (line, expected) => {
    expect(rewriteCookiePath(line, wire)).toBe(expected);
  });
});
