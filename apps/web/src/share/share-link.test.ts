import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { DEFAULT_ORIGINS, validateScenario, type Scenario } from '@cors-playground/cors-core';
import { base64UrlEncode } from '@cors-playground/wire';
import { PRESETS } from '../presets/presets';
import { decodeShareFragment, encodePlainFragment, encodeShareFragment, foreignOrigins, MAX_INFLATED_BYTES, outsideOrigin, shareUrl } from './share-link';

function parsed(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const header = fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 }));
const arbitraryScenario = fc
  .record({
    method: fc.string({ maxLength: 10 }),
    path: fc.stringMatching(/^\/[a-z0-9/_-]{0,20}$/),
    headers: fc.array(header, { maxLength: 4 }),
    body: fc.option(fc.string({ maxLength: 60 }), { nil: null }),
    title: fc.string({ maxLength: 40 }),
    status: fc.integer({ min: 200, max: 599 }),
    repeat: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ method, path, headers, body, title, status, repeat }) =>
    parsed({ title, repeat, request: { method, url: `{api}${path}`, headers, body }, server: { routes: { [path]: { actual: { status, body: title } } } } }),
  );

describe('share links', () => {
  it('round-trip every preset through the compressed form', () => {
    for (const preset of PRESETS) {
      const scenario = parsed(preset);
      expect(decodeShareFragment(`#${encodeShareFragment(scenario)}`)).toEqual({ kind: 'ok', scenario, warnings: validateScenario(scenario).warnings });
    }
  });

  it('round-trip any scenario through both forms (property)', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        for (const fragment of [encodeShareFragment(scenario), encodePlainFragment(scenario)]) {
          const decoded = decodeShareFragment(fragment);
          expect(decoded.kind).toBe('ok');
          if (decoded.kind === 'ok') expect(decoded.scenario).toEqual(scenario);
        }
      }),
    );
  });

  it('accept the documented #scenario=<base64url of the JSON> hook, written by hand', () => {
    const json = JSON.stringify({ request: { url: '{api}/x' } });
    const decoded = decodeShareFragment(`#scenario=${base64UrlEncode(new TextEncoder().encode(json))}`);
    expect(decoded.kind).toBe('ok');
    if (decoded.kind === 'ok') expect(decoded.scenario.request.url).toBe('{api}/x');
  });

  it("carry the prediction's engine after the scenario, and old links without it still open", () => {
    const scenario = parsed(PRESETS[0]);
    const fragment = encodeShareFragment(scenario, 'webkit');
    expect(fragment).toMatch(/^s=[A-Za-z0-9_-]+&p=webkit$/);
    expect(decodeShareFragment(fragment)).toMatchObject({ kind: 'ok', scenario, engine: 'webkit' });
    const old = decodeShareFragment(encodeShareFragment(scenario));
    expect(old.kind === 'ok' && 'engine' in old).toBe(false);
    expect(decodeShareFragment(`${encodePlainFragment(scenario)}&p=firefox`)).toMatchObject({ kind: 'ok', engine: 'firefox' });
    expect(decodeShareFragment(`${fragment.replace('webkit', 'netscape')}`)).toMatchObject({ kind: 'error', errors: [{ path: 'link.p' }] });
  });

  it('name the origin of a URL outside the playground, and only then', () => {
    expect(outsideOrigin('https://api.example.com/orders', DEFAULT_ORIGINS)).toBe('https://api.example.com');
    expect(outsideOrigin('{api}/orders', DEFAULT_ORIGINS)).toBeNull();
    expect(outsideOrigin(`${DEFAULT_ORIGINS.other}/x`, DEFAULT_ORIGINS)).toBeNull();
    expect(outsideOrigin('/relative', DEFAULT_ORIGINS)).toBeNull();
  });

  it('ignore fragments that are not share links', () => {
    expect(decodeShareFragment('')).toEqual({ kind: 'none' });
    expect(decodeShareFragment('#top')).toEqual({ kind: 'none' });
  });

  it('never throw on hostile fragments, and always say what is wrong (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('#s=', '#scenario=', 's=', ''), fc.string({ maxLength: 300 }), (prefix, rest) => {
        const decoded = decodeShareFragment(prefix + rest);
        if (decoded.kind === 'error') expect(decoded.errors.length).toBeGreaterThan(0);
      }),
    );
  });

  it('name the path of each validation problem', () => {
    const bad = { request: { url: '{api}/x', mode: 'sideways' }, server: { routes: { '/x': { actual: { status: 99 } } } } };
    const decoded = decodeShareFragment(`#scenario=${base64UrlEncode(new TextEncoder().encode(JSON.stringify(bad)))}`);
    expect(decoded.kind).toBe('error');
    if (decoded.kind === 'error') {
      expect(decoded.errors.map((error) => error.path)).toEqual(expect.arrayContaining(['request.mode', 'server.routes["/x"].actual.status']));
    }
  });

  it('refuse a decompression bomb without inflating it all', () => {
    const bomb = deflateSync(new Uint8Array(MAX_INFLATED_BYTES * 4).fill(32));
    const decoded = decodeShareFragment(`#s=${base64UrlEncode(bomb)}`);
    expect(decoded).toEqual({ kind: 'error', errors: [{ path: 'link', message: expect.stringContaining('larger than') as string }] });
  });

  it('refuse lists, damaged data and invalid JSON with a message', () => {
    const list = base64UrlEncode(new TextEncoder().encode('[]'));
    expect(decodeShareFragment(`#scenario=${list}`)).toMatchObject({ kind: 'error', errors: [{ message: expect.stringContaining('one scenario') as string }] });
    expect(decodeShareFragment('#s=!!!')).toMatchObject({ kind: 'error', errors: [{ message: expect.stringContaining('base64url') as string }] });
    expect(decodeShareFragment('#s=AAAA')).toMatchObject({ kind: 'error' });
    const notJson = base64UrlEncode(new TextEncoder().encode('{nope'));
    expect(decodeShareFragment(`#scenario=${notJson}`)).toMatchObject({ kind: 'error', errors: [{ message: expect.stringContaining('invalid JSON') as string }] });
  });

  it('build a URL that replaces any existing fragment', () => {
    const scenario = parsed(PRESETS[0]);
    expect(shareUrl('http://web.localhost:8787/#old', scenario)).toMatch(/^http:\/\/web\.localhost:8787\/#s=[A-Za-z0-9_-]+$/);
  });

  it('list the origins outside the playground that a scenario would contact', () => {
    const scenario = parsed({ page: 'https://evil.example', request: { url: 'https://bank.example/transfer' }, server: { routes: { '{other}/x': {} } } });
    expect(foreignOrigins(scenario, DEFAULT_ORIGINS)).toEqual(['https://evil.example', 'https://bank.example']);
    expect(foreignOrigins(parsed(PRESETS[0]), DEFAULT_ORIGINS)).toEqual([]);
  });
});
