import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerScenarioRequest, cookieDomainProblem, rewriteLocation } from './scenario-answer';
import { encodeRoutes, type WirePath } from './protocol';
import type { Routes } from '@cors-playground/cors-core';

const own = ['http://web.test', 'http://api.test', 'http://other.test'];
const wire = (routes: Routes, logicalPath = '/r'): WirePath => ({ runId: 'AAAAAAAAAAAAAAAAAAAAAA', payload: encodeRoutes(routes), logicalPath });
const context = { ownOrigins: own, maxDelayMs: 50 };

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
