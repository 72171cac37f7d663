// RFC 6265bis section 5.6 cases (several ported from web-platform-tests cookies/attributes/*.html and
// cookies/name/name.html, rewritten as one line a case), plus fast-check properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCookieDate, parseSetCookie, type ParsedSetCookie } from './set-cookie';

const ok = (line: string): ParsedSetCookie => {
  const result = parseSetCookie(line);
  if (!result.ok) throw new Error(`${line}: ${result.reason}`);
  return result.cookie;
};

describe('parseSetCookie (RFC 6265bis 5.6)', () => {
  it.each([
    ['sid=abc123; Path=/', { name: 'sid', value: 'abc123', path: '/', sameSite: 'Default' }],
    ['  sid  =  abc 123  ', { name: 'sid', value: 'abc 123' }],
    ['abc', { name: '', value: 'abc' }],
    ['=abc', { name: '', value: 'abc' }],
    ['a=b=c', { name: 'a', value: 'b=c' }],
    ['a=1; SameSite=strict', { sameSite: 'Strict' }],
    ['a=1; SameSite=LAX', { sameSite: 'Lax' }],
    ['a=1; samesite=None; Secure', { sameSite: 'None', secure: true }],
    ['a=1; SameSite=bogus', { sameSite: 'Default' }],
    ['a=1; SameSite=Lax; SameSite', { sameSite: 'Default' }],
    ['a=1; Secure; HttpOnly; Partitioned', { secure: true, httpOnly: true, partitioned: true }],
    ['a=1; Domain=.Web.Localhost', { domain: 'web.localhost' }],
    ['a=1; Max-Age=60', { maxAge: 60 }],
    ['a=1; Max-Age=-1', { maxAge: -1 }],
    ['a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT', { expires: Date.UTC(2015, 9, 21, 7, 28, 0) }],
    ['a=1; unknown=thing; =x; ;', { name: 'a', value: '1' }],
  ] as const)('%s', (line, fields) => {
    expect(ok(line)).toMatchObject(fields);
  });

  it.each([
    ['a=1; Domain=', 'domain'],
    ['a=1; Path=relative', 'path'],
    ['a=1; Path=/x; Path=', 'path'],
    ['a=1; Max-Age=1.5', 'maxAge'],
    ['a=1; Max-Age=+5', 'maxAge'],
    ['a=1; Expires=nonsense', 'expires'],
  ])('%s ignores the attribute (%s stays unset)', (line, key) => {
    expect(ok(line)).not.toHaveProperty(key);
  });

  it.each([
    ['a=1\u0001', 'control-character'],
    ['a=\n1', 'control-character'],
    ['', 'empty-name-and-value'],
    ['=; Path=/', 'empty-name-and-value'],
    [`a=${'x'.repeat(4096)}`, 'too-long'],
  ])('ignores %j (%s)', (line, reason) => {
    expect(parseSetCookie(line)).toEqual({ ok: false, reason });
  });

  it('keeps a tab inside a value (HTAB is not a refused control)', () => {
    expect(ok('a=x\ty').value).toBe('x\ty');
  });
});

describe('parseCookieDate (RFC 6265bis 5.1.1)', () => {
  it.each([
    ['Thu, 01 Jan 1970 00:00:00 GMT', 0],
    ['Sun, 06 Nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Sun Nov  6 08:49:37 1994', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['06 Nov 30 08:49:37', Date.UTC(2030, 10, 6, 8, 49, 37)],
    ['31 Feb 2030 00:00:00', undefined],
    ['06 Nov 1600 00:00:00', undefined],
    ['06 Nov 2030 24:00:00', undefined],
    ['06 Nov 2030', undefined],
  ])('%s', (text, ms) => {
    expect(parseCookieDate(text)).toBe(ms);
  });
});

describe('properties', () => {
  it('never throws, and a refusal names one of its reasons', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (line) => {
      const result = parseSetCookie(line);
      if (!result.ok) expect(['control-character', 'too-long', 'empty-name-and-value']).toContain(result.reason);
    }), { numRuns: 1000 });
  });

  const token = fc.stringMatching(/^[A-Za-z0-9_!#$%&'*+.^`|~-]{1,12}$/);
  const value = fc.stringMatching(/^[A-Za-z0-9_!#$%&'()*+./:<>?@[\]^`{|}~-]{0,20}$/);
  it('round trips: a serialized cookie parses back to its name, value and attributes', () => {
    fc.assert(fc.property(token, value, fc.record({
      path: fc.option(fc.stringMatching(/^\/[a-z0-9/]{0,10}$/), { nil: undefined }),
      maxAge: fc.option(fc.integer({ min: -10, max: 10_000_000 }), { nil: undefined }),
      secure: fc.boolean(),
      httpOnly: fc.boolean(),
      partitioned: fc.boolean(),
      sameSite: fc.constantFrom('Strict', 'Lax', 'None', 'Default' as const),
    }), (name, val, attrs) => {
      const parts = [`${name}=${val}`];
      if (attrs.path !== undefined) parts.push(`Path=${attrs.path}`);
      if (attrs.maxAge !== undefined) parts.push(`Max-Age=${attrs.maxAge}`);
      if (attrs.secure) parts.push('Secure');
      if (attrs.httpOnly) parts.push('HttpOnly');
      if (attrs.partitioned) parts.push('Partitioned');
      if (attrs.sameSite !== 'Default') parts.push(`SameSite=${attrs.sameSite}`);
      const cookie = ok(parts.join('; '));
      expect(cookie).toEqual({ name, value: val, secure: attrs.secure, httpOnly: attrs.httpOnly, partitioned: attrs.partitioned, sameSite: attrs.sameSite, ...(attrs.path !== undefined ? { path: attrs.path } : {}), ...(attrs.maxAge !== undefined ? { maxAge: attrs.maxAge } : {}) });
    }), { numRuns: 500 });
  });

  it('round trips dates: every UTC second from 1601 to 9999 formatted as an HTTP date parses back', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1601, 0, 1) / 1000, max: Date.UTC(9999, 11, 31) / 1000 }), (seconds) => {
      const ms = seconds * 1000;
      expect(parseCookieDate(new Date(ms).toUTCString())).toBe(ms);
    }), { numRuns: 500 });
  });
});
