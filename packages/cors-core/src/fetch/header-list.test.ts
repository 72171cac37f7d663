import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineHeaderList, convertHeaderNamesToSortedLowercaseSet, getHeader, parseTokenList, sortLowercaseNamesKeepingDuplicates, stripHttpTabOrSpace } from './header-list';
import { parseMimeType } from './mime';

describe('header list values (https://fetch.spec.whatwg.org/#extract-header-list-values)', () => {
  // Rule: split on commas, trim spaces and tabs, ignore empty items, every other item must be a token.
  it.each([
    ['PUT', ['PUT']],
    ['PUT, PATCH', ['PUT', 'PATCH']],
    ['PUT,,PATCH', ['PUT', 'PATCH']],
    [' , x-a ,\tx-b ', ['x-a', 'x-b']],
    ['', []],
    ['*', ['*']],
    ['x-a x-b', null],
    ['x-a;x-b', null],
    ['bad method', null],
    ['"quoted"', null],
  ] as [string, string[] | null][])('parseTokenList(%j) → %j', (value, expected) => {
    const result = parseTokenList(value);
    expect(result.ok ? result.values : null).toEqual(expected);
  });

  it('getHeader combines repeated lines with ", " (https://fetch.spec.whatwg.org/#concept-header-list-get)', () => {
    expect(getHeader([['ACAO', 'a'], ['x', 'y'], ['acao', 'b']], 'Acao')).toBe('a, b');
    expect(getHeader([['x', 'y']], 'acao')).toBeNull();
  });

  it('property: stripHttpTabOrSpace removes exactly the leading and trailing tabs and spaces', () => {
    const item = fc.array(fc.constantFrom(' ', '\t', '\n', 'a', ','), { maxLength: 8 }).map((units) => units.join(''));
    fc.assert(fc.property(fc.oneof(item, fc.string()), (text) => stripHttpTabOrSpace(text) === text.replace(/^[\t ]+|[\t ]+$/g, '')));
  });

  it('property: header-list parsing never throws and every value it returns is a token', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (value) => {
        const result = parseTokenList(value);
        if (result.ok) for (const item of result.values) expect(item).toMatch(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/);
      }),
    );
  });

  it('property: the sorted lower-case set is sorted, lower-case and unique', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 10 })), (names) => {
        const set = convertHeaderNamesToSortedLowercaseSet(names);
        expect(set).toEqual([...new Set(set)].sort());
        expect(set.every((name) => name === name.toLowerCase())).toBe(true);
      }),
    );
  });
});

describe('parse a MIME type (https://mimesniff.spec.whatwg.org/#parse-a-mime-type)', () => {
  // Rule: type "/" subtype, both token code points; parameters after ";"; failure otherwise.
  it.each([
    ['text/plain', 'text/plain'],
    ['Text/Plain;charset=UTF-8', 'text/plain'],
    [' multipart/form-data ; boundary=x', 'multipart/form-data'],
    ['text/plain; charset="utf-8"', 'text/plain'],
    ['text', null],
    ['/plain', null],
    ['text/', null],
    ['te xt/plain', null],
    ['text/plain, text/html', null],
  ] as [string, string | null][])('parseMimeType(%j) essence → %j', (value, expected) => {
    expect(parseMimeType(value)?.essence ?? null).toBe(expected);
  });

  it('property: parseMimeType never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (value) => { parseMimeType(value); }));
  });
});

describe('engine variants of the header list (Firefox: nsCORSListenerProxy.cpp, nsHttpHeaderArray.h)', () => {
  const name = fc.constantFrom('X-A', 'x-a', 'X-B', 'Content-Type', 'content-type', 'Authorization');
  const lines = fc.array(fc.tuple(name, fc.constantFrom('1', '2', 'text/plain')), { maxLength: 8 });

  it('sorting names keeping duplicates: same names as the spec set, one per input name, sorted', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 8 }), (names) => {
        const sorted = sortLowercaseNamesKeepingDuplicates(names);
        expect(sorted).toHaveLength(names.length);
        expect([...new Set(sorted)]).toEqual(convertHeaderNamesToSortedLowercaseSet(names));
        expect([...sorted].sort()).toEqual(sorted);
      }),
    );
  });

  it('combining with singletons: one line per name in order of first appearance; a singleton keeps its last value, others join with ", "', () => {
    const singletons = ['content-type', 'authorization'];
    fc.assert(
      fc.property(lines, (list) => {
        const combined = combineHeaderList(list, singletons);
        expect(combined.map(([n]) => n.toLowerCase())).toEqual([...new Set(list.map(([n]) => n.toLowerCase()))]);
        for (const [n, value] of combined) {
          const values = list.filter(([other]) => other.toLowerCase() === n.toLowerCase()).map(([, v]) => v);
          expect(value).toBe(singletons.includes(n.toLowerCase()) ? values.at(-1) : values.join(', '));
        }
        expect(combineHeaderList(list)).toEqual(combineHeaderList(list, []));
      }),
    );
  });
});
