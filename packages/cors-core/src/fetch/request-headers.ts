// Request-header rules: https://fetch.spec.whatwg.org/#terminology-headers (CORS-safelisted,
// CORS-unsafe, forbidden, no-CORS-safelisted, privileged no-CORS).
import { convertHeaderNamesToSortedLowercaseSet, sortLowercaseNamesKeepingDuplicates, stripHttpTabOrSpace, type HeaderLines } from './header-list';
import { isForbiddenMethod } from './methods';
import { parseMimeType } from './mime';

/** A browser's extra rule: true when it safelists (name, value) beyond the spec. */
export type ExtraSafelist = (lowerName: string, value: string) => boolean;

/**
 * Header values are byte sequences. A value reaching these rules has passed the ByteString conversion
 * (every code unit ≤ 0xFF, one byte each), so its length in bytes is its length in code units.
 */
export function byteLength(value: string): number {
  return value.length;
}

const CORS_UNSAFE_BYTES_FROM_0X20: readonly number[] = [0x22, 0x28, 0x29, 0x3a, 0x3c, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x7b, 0x7d, 0x7f];

// https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte
// "A CORS-unsafe request-header byte is a byte byte for which one of the following is true: byte is less
// than 0x20 and is not 0x09 HT; byte is 0x22 ("), 0x28 (left parenthesis), 0x29 (right parenthesis),
// 0x3A (:), 0x3C (<), 0x3E (>), 0x3F (?), 0x40 (@), 0x5B ([), 0x5C (\), 0x5D (]), 0x7B ({), 0x7D (}),
// or 0x7F DEL."
export function isCorsUnsafeRequestHeaderByte(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || CORS_UNSAFE_BYTES_FROM_0X20.includes(code);
}

/** The first CORS-unsafe request-header byte in a value, or undefined. */
export function firstCorsUnsafeRequestHeaderByte(value: string): string | undefined {
  for (const char of value) if (isCorsUnsafeRequestHeaderByte(char.charCodeAt(0))) return char;
  return undefined;
}

const SIMPLE_RANGE = /^bytes=(\d+)-(\d*)$/;
const LANGUAGE_BYTES = /^[0-9A-Za-z *,\-.;=]*$/;

// https://fetch.spec.whatwg.org/#simple-range-header-value (for `range`)
// "bytes=" then a start and optionally an end, digits only, no whitespace, start <= end.
export function isSimpleRangeHeaderValue(value: string): boolean {
  const match = SIMPLE_RANGE.exec(value);
  if (!match) return false;
  const end = match[2] ?? '';
  return end === '' || Number(match[1]) <= Number(end);
}

export type SafelistVerdict =
  | { safelisted: true; rule: string }
  | { safelisted: false; rule: string; reason: 'too-long' | 'not-safelisted-name' | 'unsafe-byte' | 'bad-language-byte' | 'not-a-mime-type' | 'mime-essence' | 'bad-range' };

export const SAFELISTED_CONTENT_TYPE_ESSENCES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'] as const;

// https://fetch.spec.whatwg.org/#cors-safelisted-request-header
// "1. If value's length is greater than 128, then return false.
//  2. Byte-lowercase name and switch on the result: `accept`: if value contains a CORS-unsafe request-header
//  byte, then return false. `accept-language`, `content-language`: if value contains a byte that is not in
//  the range 0x30 (0) to 0x39 (9), inclusive, is not in the range 0x41 (A) to 0x5A (Z), inclusive, is not in
//  the range 0x61 (a) to 0x7A (z), inclusive, and is not 0x20 SP, 0x2A (*), 0x2C (,), 0x2D (-), 0x2E (.),
//  0x3B (;), or 0x3D (=), then return false. `content-type`: 1. If value contains a CORS-unsafe
//  request-header byte, then return false. 2. Let mimeType be the result of parsing the result of isomorphic
//  decoding value. 3. If mimeType is failure, then return false. 4. If mimeType's essence is not
//  "application/x-www-form-urlencoded", "multipart/form-data", or "text/plain", then return false.
//  `range`: ... simple range header value ... Otherwise: return false.
//  3. Return true."
export function corsSafelistedRequestHeaderVerdict(name: string, value: string, extra?: ExtraSafelist): SafelistVerdict {
  const lower = name.toLowerCase();
  const rule = `#cors-safelisted-request-header`;
  if (byteLength(value) > 128) return { safelisted: false, rule, reason: 'too-long' };
  switch (lower) {
    case 'accept':
      return firstCorsUnsafeRequestHeaderByte(value) === undefined ? { safelisted: true, rule } : { safelisted: false, rule, reason: 'unsafe-byte' };
    case 'accept-language':
    case 'content-language':
      return LANGUAGE_BYTES.test(value) ? { safelisted: true, rule } : { safelisted: false, rule, reason: 'bad-language-byte' };
    case 'content-type': {
      if (firstCorsUnsafeRequestHeaderByte(value) !== undefined) return { safelisted: false, rule, reason: 'unsafe-byte' };
      const mime = parseMimeType(value);
      if (!mime) return { safelisted: false, rule, reason: 'not-a-mime-type' };
      return (SAFELISTED_CONTENT_TYPE_ESSENCES as readonly string[]).includes(mime.essence)
        ? { safelisted: true, rule }
        : { safelisted: false, rule, reason: 'mime-essence' };
    }
    case 'range':
      if (isSimpleRangeHeaderValue(value)) return { safelisted: true, rule };
      // AD-HOC (WebKit): its Range unit is case-insensitive (profile `extraSafelistedRequestHeader`).
      return extra?.(lower, value) ? { safelisted: true, rule: 'browser-extra' } : { safelisted: false, rule, reason: 'bad-range' };
    default:
      if (extra?.(lower, value)) return { safelisted: true, rule: 'browser-extra' };
      return { safelisted: false, rule, reason: 'not-safelisted-name' };
  }
}

export function isCorsSafelistedRequestHeader(name: string, value: string, extra?: ExtraSafelist): boolean {
  return corsSafelistedRequestHeaderVerdict(name, value, extra).safelisted;
}

/** Why one header name ended up CORS-unsafe (for the explanation). */
export interface UnsafeNameReason {
  name: string;
  value: string;
  reason: Exclude<SafelistVerdict, { safelisted: true }>['reason'] | 'total-over-1024';
}

// https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
// "1. Let unsafeNames be a new list. 2. Let potentillyUnsafeNames be a new list. 3. Let safelistValueSize
// be 0. 4. For each header of headers: 1. If header is not a CORS-safelisted request-header, then append
// header's name to unsafeNames. 2. Otherwise, append header's name to potentillyUnsafeNames and increase
// safelistValueSize by header's value's length. 5. If safelistValueSize is greater than 1024, then for each
// name of potentillyUnsafeNames, append name to unsafeNames. 6. Return the result of convert header names to
// a sorted-lowercase set with unsafeNames."
//
// AD-HOC (Firefox): `keepDuplicates` sorts the lower-cased names without making them a set
// (netwerk/protocol/http/nsCORSListenerProxy.cpp `StartCORSPreflight`); without `totalLimit` step 5 is
// skipped (dom/fetch/InternalHeaders.cpp `GetUnsafeHeaders`: each header on its own).
export function corsUnsafeRequestHeaderNamesWithReasons(
  headers: HeaderLines,
  extra?: ExtraSafelist,
  keepDuplicates = false,
  totalLimit = true,
): { names: string[]; reasons: UnsafeNameReason[]; safelistValueSize: number } {
  const unsafe: string[] = [];
  const potentiallyUnsafe: [string, string][] = [];
  const reasons: UnsafeNameReason[] = [];
  let safelistValueSize = 0;
  for (const [name, value] of headers) {
    const verdict = corsSafelistedRequestHeaderVerdict(name, value, extra);
    if (!verdict.safelisted) {
      unsafe.push(name);
      reasons.push({ name: name.toLowerCase(), value, reason: verdict.reason });
    } else {
      potentiallyUnsafe.push([name, value]);
      safelistValueSize += byteLength(value);
    }
  }
  if (totalLimit && safelistValueSize > 1024) {
    for (const [name, value] of potentiallyUnsafe) {
      unsafe.push(name);
      reasons.push({ name: name.toLowerCase(), value, reason: 'total-over-1024' });
    }
  }
  const names = keepDuplicates ? sortLowercaseNamesKeepingDuplicates(unsafe) : convertHeaderNamesToSortedLowercaseSet(unsafe);
  return { names, reasons, safelistValueSize };
}

export function corsUnsafeRequestHeaderNames(headers: HeaderLines, extra?: ExtraSafelist): string[] {
  return corsUnsafeRequestHeaderNamesWithReasons(headers, extra).names;
}

const FORBIDDEN_REQUEST_HEADER_NAMES = new Set([
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method',
  'connection', 'content-length', 'cookie', 'cookie2', 'date', 'dnt', 'expect', 'host', 'keep-alive',
  'origin', 'referer', 'set-cookie', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'via',
]);

// https://fetch.spec.whatwg.org/#forbidden-request-header
// "A header (name, value) is forbidden request-header if these steps return true: 1. If name is a
// byte-case-insensitive match for one of: [the list above], then return true. 2. If name when
// byte-lowercased starts with `proxy-` or `sec-`, then return true. 3. If name is a byte-case-insensitive
// match for one of `X-HTTP-Method`, `X-HTTP-Method-Override`, `X-Method-Override`: 1. Let parsedValues be
// the result of getting, decoding, and splitting value. 2. For each method of parsedValues: if the
// isomorphic encoding of method is a forbidden method, then return true. 4. Return false."
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (FORBIDDEN_REQUEST_HEADER_NAMES.has(lower)) return true;
  if (lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  if (lower === 'x-http-method' || lower === 'x-http-method-override' || lower === 'x-method-override') {
    return value.split(',').some((method) => isForbiddenMethod(stripHttpTabOrSpace(method)));
  }
  return false;
}

const NO_CORS_SAFELISTED_REQUEST_HEADER_NAMES: readonly string[] = ['accept', 'accept-language', 'content-language', 'content-type'];

// https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header-name
// "`Accept`, `Accept-Language`, `Content-Language`, `Content-Type`"
export function isNoCorsSafelistedRequestHeaderName(name: string): boolean {
  return NO_CORS_SAFELISTED_REQUEST_HEADER_NAMES.includes(name.toLowerCase());
}

// https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header
// "1. If name is not a no-CORS-safelisted request-header name, then return false. 2. Return whether
// (name, value) is a CORS-safelisted request-header."
export function isNoCorsSafelistedRequestHeader(name: string, value: string): boolean {
  return isNoCorsSafelistedRequestHeaderName(name) && isCorsSafelistedRequestHeader(name, value);
}

// https://fetch.spec.whatwg.org/#privileged-no-cors-request-header-name
// "A privileged no-CORS request-header name is a header name that is a byte-case-insensitive match for `Range`."
export function isPrivilegedNoCorsRequestHeaderName(name: string): boolean {
  return name.toLowerCase() === 'range';
}

// https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name
// "A CORS non-wildcard request-header name is a header name that is a byte-case-insensitive match for `Authorization`."
export function isCorsNonWildcardRequestHeaderName(name: string): boolean {
  return name.toLowerCase() === 'authorization';
}

const REQUEST_BODY_HEADER_NAMES: readonly string[] = ['content-encoding', 'content-language', 'content-location', 'content-type'];

// https://fetch.spec.whatwg.org/#request-body-header-name
export function isRequestBodyHeaderName(name: string): boolean {
  return REQUEST_BODY_HEADER_NAMES.includes(name.toLowerCase());
}
