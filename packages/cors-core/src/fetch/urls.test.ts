import { describe, expect, it } from 'vitest';
import { parseUrl, serializeUrl } from './urls';

describe('parseUrl (https://url.spec.whatwg.org/#concept-basic-url-parser, the subset cors-core needs)', () => {
  // Rule: "." and ".." segments (also spelled %2e, any case) are removed from the path
  // (https://url.spec.whatwg.org/#single-dot-path-segment); a path without them is kept as written.
  it.each([
    ['http://a.test/r', '/r'],
    ['http://a.test', '/'],
    ['http://a.test/a/b/', '/a/b/'],
    ['http://a.test/a/./b', '/a/b'],
    ['http://a.test/a/../b', '/b'],
    ['http://a.test/a/%2e%2E/b', '/b'],
    ['http://a.test/a/%2E/b', '/a/b'],
    ['http://a.test/a/b/..', '/a/'],
    ['http://a.test/../../b', '/b'],
    ['http://a.test/file.txt', '/file.txt'],
    ['http://a.test/a..b/.c', '/a..b/.c'],
  ])('parseUrl(%j).path → %j', (input, path) => {
    expect(parseUrl(input)?.path).toBe(path);
  });

  it('resolves a relative URL against a base, and the base stays as it was', () => {
    const base = parseUrl('http://web.localhost:8787/runner.html');
    if (!base) throw new Error('base did not parse');
    const copy = { ...base };
    expect(serializeUrl(parseUrl('../r/./x?q=1#f', base) ?? base)).toBe('http://web.localhost:8787/r/x?q=1');
    expect(serializeUrl(parseUrl('/a', base) ?? base)).toBe('http://web.localhost:8787/a');
    expect(base).toEqual(copy);
  });
});
