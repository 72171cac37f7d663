import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chromiumProfile } from '../browsers/chromium';
import {
  corsUnsafeRequestHeaderNames,
  isCorsSafelistedRequestHeader,
  isForbiddenRequestHeader,
  isNoCorsSafelistedRequestHeader,
} from './request-headers';

const long = (n: number) => 'a'.repeat(n);

describe('CORS-safelisted request-header (https://fetch.spec.whatwg.org/#cors-safelisted-request-header)', () => {
  // Rule: value ≤ 128 bytes; accept: no CORS-unsafe byte; accept-language / content-language: only
  // 0-9 A-Z a-z SP * , - . ; =; content-type: no unsafe byte, parses as a MIME type, essence one of three;
  // range: a single `bytes=N-` or `bytes=N-M`; any other name: not safelisted.
  it.each([
    ['Accept', 'application/json', true],
    ['Accept', '*/*', true],
    ['Accept', 'text/html, */*;q=0.8', true],
    ['Accept', 'a"b', false],
    ['Accept', 'a@b', false],
    ['Accept', 'a{b}', false],
    ['Accept', 'tab\tok', true],
    ['Accept', long(128), true],
    ['Accept', long(129), false],
    ['Accept-Language', 'en-US,fr;q=0.5', true],
    ['Accept-Language', 'en_US', false],
    ['Content-Language', 'de', true],
    ['Content-Language', 'a@b', false],
    ['Content-Type', 'text/plain', true],
    ['Content-Type', 'Text/Plain', true],
    ['Content-Type', 'text/plain;charset=utf-8', true],
    ['Content-Type', 'multipart/form-data; boundary=x', true],
    ['Content-Type', 'application/x-www-form-urlencoded', true],
    ['Content-Type', 'application/json', false],
    ['Content-Type', 'text/plain; charset="utf-8"', false],
    ['Content-Type', 'text/plain, text/html', false],
    ['Content-Type', 'text', false],
    ['Content-Type', 'text/plain; foo', true],
    ['Range', 'bytes=0-', true],
    ['Range', 'bytes=5-10', true],
    ['Range', 'bytes=10-5', false],
    ['Range', 'bytes=-500', false],
    ['Range', 'bytes=0-1,3-4', false],
    ['Range', 'bytes= 0-', false],
    ['X-Custom', 'ok', false],
    ['DPR', '2', false],
  ])('(%j, %j) → %j', (name, value, expected) => {
    expect(isCorsSafelistedRequestHeader(name, value)).toBe(expected);
  });

  // Hand-ported from WPT fetch/api/cors/resources/not-cors-safelisted.json (used by
  // fetch/api/cors/cors-preflight-not-cors-safelisted.any.js): every pair must need a preflight.
  it.each([
    ['accept', '"'],
    ['accept', '012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678'],
    ['accept-language', '\u0001'],
    ['accept-language', '@'],
    ['authorization', 'basics'],
    ['content-language', '\u0001'],
    ['content-language', '@'],
    ['content-type', 'text/html'],
    ['content-type', 'text/plain; long=0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901'],
    ['last-event-id', '"'],
    ['last-event-id', '012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678'],
    ['range', 'bytes 0-'],
    ['test', 'hi'],
  ])('WPT not-cors-safelisted.json: (%j, %j) is not safelisted', (name, value) => {
    expect(isCorsSafelistedRequestHeader(name, value)).toBe(false);
    expect(corsUnsafeRequestHeaderNames([[name, value]])).toEqual([name]);
  });

  // AD-HOC rule (Chromium): client hints with valid values are safelisted.
  it.each([
    ['DPR', '2', true], ['DPR', '1.5', true], ['DPR', 'x', false], ['Save-Data', 'on', true], ['Save-Data', 'off', false],
    ['ECT', '4g', true], ['ECT', '5g', false], ['Viewport-Width', '800', true], ['Intervention', 'anything', true],
  ])('Chromium extra safelist: (%j, %j) → %j', (name, value, expected) => {
    expect(isCorsSafelistedRequestHeader(name, value, chromiumProfile.extraSafelistedRequestHeader)).toBe(expected);
  });
});

describe('CORS-unsafe request-header names (https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names)', () => {
  // Rule: unsafe names, plus every safelisted name once the safelisted values exceed 1024 bytes; the
  // result is sorted, lower-cased and deduplicated.
  it.each([
    [[['X-B', '1'], ['x-a', '2'], ['X-A', '3']], ['x-a', 'x-b']],
    [[['Accept', 'x'], ['Content-Type', 'text/plain']], []],
    [[['Content-Type', 'application/json'], ['Accept', 'x']], ['content-type']],
    [[['Accept', long(128)], ['Accept-Language', long(128)], ['Content-Language', long(128)], ['Accept', long(128)], ['Accept', long(128)], ['Accept', long(128)], ['Accept', long(128)], ['Accept', long(128)], ['Accept', long(1)]], ['accept', 'accept-language', 'content-language']],
    [[['Accept', long(128)], ['Accept', long(128)], ['Accept', long(128)], ['Accept', long(128)], ['Accept', long(128)], ['Accept', long(128)], ['Accept', long(128)], ['Accept', long(128)]], []],
  ] as [[string, string][], string[]][])('%j → %j', (headers, expected) => {
    expect(corsUnsafeRequestHeaderNames(headers)).toEqual(expected);
  });

  it('property: the names are always sorted, lower-case, unique and without spaces', () => {
    const name = fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,12}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.string({ maxLength: 200 })), { maxLength: 20 }), (headers) => {
        const names = corsUnsafeRequestHeaderNames(headers);
        expect(names).toEqual([...new Set(names)]);
        expect(names).toEqual([...names].sort());
        for (const item of names) {
          expect(item).toBe(item.toLowerCase());
          expect(item).not.toMatch(/\s/);
        }
        const joined = names.join(',');
        expect(joined.includes(', ')).toBe(false);
      }),
    );
  });
});

describe('forbidden request-header (https://fetch.spec.whatwg.org/#forbidden-request-header)', () => {
  // Rule: a fixed list, any `proxy-` / `sec-` name, and the method-override names carrying a forbidden method.
  it.each([
    ['Cookie', 'a=b', true], ['Origin', 'x', true], ['Referer', 'x', true], ['Host', 'x', true], ['Content-Length', '1', true],
    ['Sec-Foo', '1', true], ['Proxy-Authorization', 'x', true], ['X-HTTP-Method-Override', 'TRACE', true],
    ['X-HTTP-Method-Override', 'GET, track', true], ['X-HTTP-Method-Override', 'PATCH', false],
    ['Authorization', 'x', false], ['X-Custom', '1', false], ['Accept', '*/*', false],
  ])('isForbiddenRequestHeader(%j, %j) is %j', (name, value, expected) => {
    expect(isForbiddenRequestHeader(name, value)).toBe(expected);
  });

  // Rule: no-CORS-safelisted = Accept, Accept-Language, Content-Language, Content-Type with a safelisted value.
  it.each([
    ['Accept', 'x', true], ['Content-Type', 'text/plain', true], ['Content-Type', 'application/json', false], ['Range', 'bytes=0-', false], ['X-A', '1', false],
  ])('isNoCorsSafelistedRequestHeader(%j, %j) is %j', (name, value, expected) => {
    expect(isNoCorsSafelistedRequestHeader(name, value)).toBe(expected);
  });
});
