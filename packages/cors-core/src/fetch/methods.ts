// Methods: https://fetch.spec.whatwg.org/#methods
import { isMethod } from '../scenario/header-syntax';

export { isMethod };

// https://fetch.spec.whatwg.org/#cors-safelisted-method
// "A CORS-safelisted method is a method that is `GET`, `HEAD`, or `POST`." (byte-exact)
export function isCorsSafelistedMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'POST';
}

const FORBIDDEN_METHOD = /^(connect|trace|track)$/i;

// https://fetch.spec.whatwg.org/#forbidden-method
// "A forbidden method is a method that is a byte-case-insensitive match for `CONNECT`, `TRACE`, or `TRACK`."
export function isForbiddenMethod(method: string): boolean {
  return FORBIDDEN_METHOD.test(method);
}

const NORMALIZED_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'] as const;

// https://fetch.spec.whatwg.org/#concept-method-normalize
// "To normalize a method, if it is a byte-case-insensitive match for `DELETE`, `GET`, `HEAD`, `OPTIONS`,
// `POST`, or `PUT`, byte-uppercase it." Everything else keeps its case: `patch` stays `patch`.
export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return (NORMALIZED_METHODS as readonly string[]).includes(upper) ? upper : method;
}
