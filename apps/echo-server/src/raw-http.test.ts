import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refusedRequestStart } from './raw-http';

const request = (method: string, body: string) => `${method} /x HTTP/1.1\r\nHost: api.test\r\n${body ? `Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\n` : ''}\r\n${body}`;

describe('refusedRequestStart', () => {
  it('finds the refused request after the requests Node read earlier in the packet, whatever their bodies hold', () => {
    const body = fc.string({ unit: fc.constantFrom('a', 'C', 'H', '\r', '\n', ' ', 'I', '-'), maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('GET', 'POST', 'PUT', 'OPTIONS'), body), { maxLength: 4 }), fc.stringMatching(/^[A-Z-]{0,6}$/), (before, accepted) => {
        const head = before.map(([method, text]) => request(method, text)).join('');
        const packet = Buffer.from(`${head}${accepted}icken /x HTTP/1.1\r\n\r\n`, 'latin1');
        // llhttp accepted `accepted` as the start of a method and failed on the next byte.
        expect(refusedRequestStart(packet, head.length + accepted.length, true)).toBe(head.length);
      }),
    );
  });

  it('takes a POST body glued to the next request for a body, not for the start of a method', () => {
    const packet = Buffer.from(`${request('POST', 'hello')}CHICKEN /x HTTP/1.1\r\n\r\n`, 'latin1');
    const start = refusedRequestStart(packet, packet.indexOf('ICKEN'), true);
    expect(packet.subarray(start).toString().startsWith('CHICKEN ')).toBe(true);
  });

  it('cannot tell when the packet did not begin a request, or when an earlier request was chunked', () => {
    expect(refusedRequestStart(Buffer.from('ICKEN /x HTTP/1.1\r\n\r\n'), 0, false)).toBeUndefined();
    const chunked = Buffer.from('POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\nCHICKEN / HTTP/1.1\r\n\r\n');
    expect(refusedRequestStart(chunked, chunked.indexOf('ICKEN'), true)).toBeUndefined();
  });
});
