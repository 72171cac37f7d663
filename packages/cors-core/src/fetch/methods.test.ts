import { describe, expect, it } from 'vitest';
import { isCorsSafelistedMethod, isForbiddenMethod, normalizeMethod } from './methods';

describe('methods (https://fetch.spec.whatwg.org/#methods)', () => {
  // Rule: a CORS-safelisted method is exactly `GET`, `HEAD` or `POST` (byte for byte).
  it.each([
    ['GET', true], ['HEAD', true], ['POST', true],
    ['get', false], ['Post', false], ['PUT', false], ['PATCH', false], ['OPTIONS', false],
  ])('isCorsSafelistedMethod(%j) is %j', (method, expected) => {
    expect(isCorsSafelistedMethod(method)).toBe(expected);
  });

  // Rule: CONNECT, TRACE and TRACK are forbidden, whatever their case.
  it.each([
    ['CONNECT', true], ['trace', true], ['Track', true], ['TRACES', false], ['GET', false], ['PATCH', false],
  ])('isForbiddenMethod(%j) is %j', (method, expected) => {
    expect(isForbiddenMethod(method)).toBe(expected);
  });

  // Rule: only DELETE, GET, HEAD, OPTIONS, POST and PUT are upper-cased; `patch` stays `patch`.
  it.each([
    ['delete', 'DELETE'], ['get', 'GET'], ['Head', 'HEAD'], ['options', 'OPTIONS'], ['post', 'POST'], ['pUt', 'PUT'],
    ['patch', 'patch'], ['Patch', 'Patch'], ['chicken', 'chicken'], ['CHICKEN', 'CHICKEN'],
  ])('normalizeMethod(%j) is %j', (method, expected) => {
    expect(normalizeMethod(method)).toBe(expected);
  });
});
