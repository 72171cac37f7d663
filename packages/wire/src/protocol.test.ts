import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cookieOutlivesRun,
  base64UrlDecode,
  base64UrlEncode,
  decodeRoutes,
  encodeRoutes,
  inflateRawBounded,
  MAX_DECODED_PAYLOAD_BYTES,
  newRunKey,
  parseWirePath,
  runIdForKey,
  stripWirePrefixes,
  toWireUrl,
} from './protocol';
import { deflateSync } from 'fflate';
import { constants, deflateRawSync } from 'node:zlib';

const own = ['http://web.localhost:8787', 'http://api.localhost:8787', 'http://other.localhost:8787'];
const routes = { '/resource': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '*']] as [string, string][] } } };

describe('base64url', () => {
  it('round-trips any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      expect(base64UrlDecode(base64UrlEncode(bytes))).toEqual(bytes);
    }));
  });
  it('rejects characters outside the alphabet instead of guessing', () => {
    expect(base64UrlDecode('ab+/')).toBeUndefined();
    expect(base64UrlDecode('a')).toBeUndefined();
  });
});

describe('payload', () => {
  it('carries the routes through the URL unchanged', () => {
    expect(decodeRoutes(encodeRoutes(routes))).toEqual({ ok: true, routes });
  });
  it('carries a real backend (policy mode) next to the routes, and leaves it out when there is none', () => {
    const backend = { framework: 'express-cors', policy: { allowOrigins: '*', credentials: true } };
    expect(decodeRoutes(encodeRoutes(routes, backend))).toEqual({ ok: true, routes, backend });
    expect('backend' in decodeRoutes(encodeRoutes(routes))).toBe(false);
  });
  it('refuses a compressed payload that would inflate past the limit (no memory bomb)', () => {
    const bomb = base64UrlEncode(deflateSync(new Uint8Array(MAX_DECODED_PAYLOAD_BYTES * 4).fill(32)));
    expect(decodeRoutes(bomb)).toEqual({ ok: false, error: expect.stringContaining('inflates to more than') });
  });
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => {
      expect(typeof decodeRoutes(text).ok).toBe('boolean');
    }));
  });
});

describe('run keys', () => {
  it('derive a 22-character run id that does not reveal the key', async () => {
    const { key, runId } = await newRunKey();
    expect(runId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(runId).not.toBe(key);
    expect(await runIdForKey(key)).toBe(runId);
  });
});

describe('wire URLs', () => {
  const run = { runId: 'AAAAAAAAAAAAAAAAAAAAAA', payload: 'xyz' };
  it.each([
    ['http://api.localhost:8787/resource?x=1', 'http://api.localhost:8787/r/AAAAAAAAAAAAAAAAAAAAAA/xyz/resource?x=1'],
    ['http://api.localhost:8787', 'http://api.localhost:8787/r/AAAAAAAAAAAAAAAAAAAAAA/xyz/'],
    ['http://user:pw@other.localhost:8787/a', 'http://user:pw@other.localhost:8787/r/AAAAAAAAAAAAAAAAAAAAAA/xyz/a'],
    ['https://example.com/a', 'https://example.com/a'],
  ])('%s is sent as %s', (logical, wire) => {
    expect(toWireUrl(logical, run, own)).toBe(wire);
  });
  it('parses back to the logical path', () => {
    expect(parseWirePath('/r/AAAAAAAAAAAAAAAAAAAAAA/xyz/resource?x=1')).toEqual({ ...run, logicalPath: '/resource?x=1' });
    expect(parseWirePath('/r/AAAAAAAAAAAAAAAAAAAAAA/xyz?x=1')).toEqual({ ...run, logicalPath: '/?x=1' });
    expect(parseWirePath('/r/short/xyz/a')).toBeUndefined();
    expect(parseWirePath('/resource')).toBeUndefined();
    expect(parseWirePath('/r/AAAAAAAAAAAAAAAAAAAAAA/xyz')).toEqual({ ...run, logicalPath: '/' });
    expect(parseWirePath('/r/AAAAAAAAAAAAAAAAAAAAAA//a')).toBeUndefined();
    expect(parseWirePath('/r/AAAAAAAAAAAAAAAAAAAAAA/xyz/a?b/c?d')).toEqual({ ...run, logicalPath: '/a?b/c?d' });
    expect(parseWirePath('/r/AAAAAAAAAAAAAAAAAAAAAA/xyz?b/c')).toEqual({ ...run, logicalPath: '/?b/c' });
  });

  it('parses any target like a split at "/" and "?" would', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9_\-/?]{0,12}$/);
    fc.assert(
      fc.property(fc.constantFrom('AAAAAAAAAAAAAAAAAAAAAA', 'short', ''), part, (runId, rest) => {
        const target = `/r/${runId}/${rest}`;
        const match = /^\/r\/([^/]*)\/([^/?]*)(.*)$/.exec(target)!;
        const [, id = '', payload = '', tail = ''] = match;
        const expected = id.length === 22 && payload.length > 0 ? { runId: id, payload, logicalPath: tail === '' ? '/' : tail.startsWith('?') ? `/${tail}` : tail } : undefined;
        expect(parseWirePath(target)).toEqual(expected);
      }),
    );
  });
  it('strips prefixes from console texts', () => {
    const text = "Access to fetch at 'http://api.localhost:8787/r/AAAAAAAAAAAAAAAAAAAAAA/xyz/resource' from origin 'http://web.localhost:8787' has been blocked";
    expect(stripWirePrefixes(text)).toBe("Access to fetch at 'http://api.localhost:8787/resource' from origin 'http://web.localhost:8787' has been blocked");
  });
});

describe('cookieOutlivesRun (the verifier keeps a lane after any other cookie)', () => {
  it.each([
    ['__Host-sid=1; Path=/; Secure', true],
    ['  __HOST-sid=1; Path=/; Secure', true],
    ['sid=1; Path=/', false],
    ['__Secure-sid=1; Path=/; Secure', false],
    ['sid=__Host-1', false],
  ])('%s -> %s', (line, outlives) => {
    expect(cookieOutlivesRun(line)).toBe(outlives);
  });
});

describe('inflateRawBounded', () => {
  it('gives back what was deflated, up to the limit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5_000 }), (bytes) => {
        expect(inflateRawBounded(deflateSync(bytes), 5_000)).toEqual(bytes);
        if (bytes.length > 0) expect(inflateRawBounded(deflateSync(bytes), bytes.length - 1)).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });

  it('stops decoding once past the limit: invalid data after a 5 MiB bomb is never reached', () => {
    // Not final (sync flush), then a block of the reserved type 3: a full inflate would throw on it.
    const bomb = deflateRawSync(new Uint8Array(5 * 1_048_576).fill(32), { finishFlush: constants.Z_SYNC_FLUSH });
    const poisoned = new Uint8Array([...bomb, 0b111, 0xff, 0xff]);
    expect(inflateRawBounded(poisoned, MAX_DECODED_PAYLOAD_BYTES)).toBeUndefined();
    expect(() => inflateRawBounded(poisoned, 6 * 1_048_576)).toThrow();
  });
});
