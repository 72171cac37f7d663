// The guards of outbound probes: private addresses refused unless allowed, redirects into them refused,
// body size and time capped. Real sockets on loopback (the test allows loopback where it needs to).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTarget, classifyAddress, guardedFetch, guardedFetchOnce } from './net-guard';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.255.0.9', 'loopback'], ['::1', 'loopback'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'],
    ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['192.168.1.20', 'private'], ['100.64.0.1', 'private'], ['fd12::1', 'private'],
    ['169.254.169.254', 'link-local'], ['fe80::1', 'link-local'], ['0.0.0.0', 'unspecified'], ['::', 'unspecified'], ['224.0.0.1', 'multicast'], ['ff02::1', 'multicast'],
    ['240.0.0.1', 'reserved'], ['not-an-ip', 'reserved'],
    ['93.184.215.14', 'public'], ['172.32.0.1', 'public'], ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', 'public'],
  ])('%s is %s', (address, kind) => expect(classifyAddress(address)).toBe(kind));
});

describe('checkTarget', () => {
  const resolvesTo = (...addresses: string[]) => async () => addresses;
  it('refuses loopback, private and link-local names unless allowed', async () => {
    await expect(checkTarget(new URL('http://127.0.0.1:1/'))).rejects.toThrow('127.0.0.1 resolves to 127.0.0.1, a loopback address: refused');
    await expect(checkTarget(new URL('http://intranet.example/'), { resolve: resolvesTo('10.0.0.5') })).rejects.toThrow('a private address');
    await expect(checkTarget(new URL('http://metadata.example/'), { resolve: resolvesTo('203.0.113.9', '169.254.169.254') })).rejects.toThrow('a link-local address');
    await expect(checkTarget(new URL('http://127.0.0.1:1/'), { allowPrivate: true })).resolves.toEqual({ address: '127.0.0.1', family: 4 });
    await expect(checkTarget(new URL('http://api.internal:8080/'), { allowHosts: ['api.internal:8080'], resolve: resolvesTo('10.0.0.5') })).resolves.toMatchObject({ address: '10.0.0.5' });
    await expect(checkTarget(new URL('http://public.example/'), { resolve: resolvesTo('93.184.215.14') })).resolves.toMatchObject({ address: '93.184.215.14' });
  });
  it('refuses other schemes and URLs with credentials', async () => {
    await expect(checkTarget(new URL('file:///etc/passwd'))).rejects.toThrow('file: URLs are not probed');
    await expect(checkTarget(new URL('http://user:pw@93.184.215.14/'))).rejects.toThrow('user name or password');
  });
});

describe('guardedFetch on real sockets', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/to-private') response.writeHead(302, { Location: `http://localhost:${port}/inside` }).end();
      else if (request.url === '/to-metadata') response.writeHead(307, { Location: 'http://169.254.169.254/latest/meta-data/' }).end();
      else if (request.url === '/big') response.writeHead(200).end('x'.repeat(2_000_000));
      else if (request.url === '/slow') setTimeout(() => response.writeHead(200).end('late'), 3000);
      else response.writeHead(200, { 'X-Seen-Origin': String(request.headers.origin) }).end('inside');
    });
    await new Promise<void>((resolve) => server.listen(42541, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const allowed = () => ({ allowHosts: [`127.0.0.1:${port}`] });

  it('a redirect to a loopback name or to link-local metadata is refused, even from an allowed host', async () => {
    await expect(guardedFetch({ url: `http://127.0.0.1:${port}/to-private`, method: 'GET', headers: [] }, allowed(), (next) => next)).rejects.toThrow('localhost resolves to');
    await expect(guardedFetch({ url: `http://127.0.0.1:${port}/to-metadata`, method: 'GET', headers: [] }, allowed(), (next) => next)).rejects.toThrow('169.254.169.254, a link-local address: refused');
  });

  it('caps the body it reads', async () => {
    const answer = await guardedFetchOnce({ url: `http://127.0.0.1:${port}/big`, method: 'GET', headers: [] }, { ...allowed(), maxBodyBytes: 1000 });
    expect(answer.body).toHaveLength(1000);
    expect(answer.bodyTruncated).toBe(true);
  });

  it('caps the time it waits', async () => {
    await expect(guardedFetchOnce({ url: `http://127.0.0.1:${port}/slow`, method: 'GET', headers: [] }, { ...allowed(), timeoutMs: 300 })).rejects.toThrow('within 300 ms');
  });

  it('sends the headers it is given, in order', async () => {
    const answer = await guardedFetchOnce({ url: `http://127.0.0.1:${port}/echo`, method: 'GET', headers: [['Origin', 'https://app.example']] }, allowed());
    expect(answer.headers).toContainEqual(['X-Seen-Origin', 'https://app.example']);
  });
});
