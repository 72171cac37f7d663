import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HTTP_WHITESPACE, isByteString, isLowerCaseMatch, normalizeHeaderValue } from './header-syntax';

describe('header syntax helpers keep the answers of the expressions they replace', () => {
  it('property: isLowerCaseMatch(name, lower) is exactly name.toLowerCase() === lower, non-ASCII included', () => {
    // Letters whose lower case is another length (İ), maps into ASCII (K, the Kelvin sign) or depends on
    // context (Σ), next to ASCII letters and the bytes around A-Z.
    const unit = fc.constantFrom('a', 'A', 'z', 'Z', '-', '@', '[', '`', '{', 'İ', 'K', 'Σ', 'σ', 'ς', 'é', 'É', 'À', 'à');
    const text = fc.array(unit, { maxLength: 6 }).map((units) => units.join(''));
    fc.assert(fc.property(text, text, (name, lower) => isLowerCaseMatch(name, lower) === (name.toLowerCase() === lower)), { numRuns: 5_000 });
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: 'binary' })), (name) => isLowerCaseMatch(name, name.toLowerCase())));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (name, lower) => isLowerCaseMatch(name, lower) === (name.toLowerCase() === lower)));
  });

  it.each([
    ['Access-Control-Allow-Origin', 'access-control-allow-origin', true],
    ['access-control-allow-origin', 'access-control-allow-origin', true],
    ['Access-Control-Allow-Origin', 'Access-Control-Allow-Origin', false],
    ['X-A', 'x-b', false],
    ['X-A', 'x-a ', false],
  ] as [string, string, boolean][])('isLowerCaseMatch(%j, %j) → %s', (name, lower, expected) => {
    expect(isLowerCaseMatch(name, lower)).toBe(expected);
  });

  it('property: normalizeHeaderValue removes exactly the leading and trailing HTTP whitespace (https://fetch.spec.whatwg.org/#concept-header-value-normalize)', () => {
    const value = fc.array(fc.constantFrom(' ', '\t', '\n', '\r', 'a', ',', '\v', '\f'), { maxLength: 8 }).map((units) => units.join(''));
    fc.assert(fc.property(fc.oneof(value, fc.string()), (text) => normalizeHeaderValue(text) === text.replace(HTTP_WHITESPACE, '')));
  });

  it('property: isByteString is false exactly when a code point starts with a code unit above 0xFF (https://webidl.spec.whatwg.org/#es-ByteString)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.oneof(fc.constant('\ud83d'), fc.constant('\ude00'), fc.constant('ÿ'), fc.constant('Ā'), fc.string({ unit: 'binary', maxLength: 1 })) }), (text) =>
      isByteString(text) === ![...text].some((char) => char.charCodeAt(0) > 0xff),
    ));
  });
});
