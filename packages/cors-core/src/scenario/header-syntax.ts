// Byte-level syntax from RFC 9110 that the Fetch standard builds on.

// https://fetch.spec.whatwg.org/#header-name : a header name is a field-name token.
// https://www.rfc-editor.org/rfc/rfc9110#name-tokens
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isToken(value: string): boolean {
  return TOKEN.test(value);
}

/** https://fetch.spec.whatwg.org/#header-name */
export function isHeaderName(value: string): boolean {
  return isToken(value);
}

// https://fetch.spec.whatwg.org/#header-value : no leading or trailing HTTP tab or space, and no
// 0x00 NUL, 0x0A LF or 0x0D CR.
const FORBIDDEN_VALUE_BYTE = /[\0\r\n]/;

/** https://fetch.spec.whatwg.org/#header-value (ignoring the whitespace rule, which normalization handles) */
export function hasForbiddenValueByte(value: string): boolean {
  return FORBIDDEN_VALUE_BYTE.test(value);
}

// eslint-disable-next-line no-control-regex -- the range of a byte starts at 0x00
const CODE_UNIT_ABOVE_FF = /[^\x00-\xff]/;

/**
 * https://webidl.spec.whatwg.org/#es-ByteString : "If the value of any element of x is greater than
 * 255, then throw a TypeError." Header names and values passed to fetch() and XHR are ByteStrings.
 */
export function isByteString(value: string): boolean {
  return !CODE_UNIT_ABOVE_FF.test(value);
}

const SENDABLE_HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * What a server can put on the wire as a header value: HTAB, visible ASCII, space and obs-text
 * (0x80-0xFF, one byte each). Anything else (control characters, characters above U+00FF) cannot be
 * sent byte for byte, and Node refuses it.
 */
export function isSendableHeaderValue(value: string): boolean {
  return SENDABLE_HEADER_VALUE.test(value);
}

/**
 * Whether `name` is `lowerName` once lower-cased (`name.toLowerCase() === lowerName`), without building
 * the lower-cased copy: header lists are searched by name many times per request. Header names are
 * ASCII tokens, where this is https://infra.spec.whatwg.org/#byte-case-insensitive; any other code
 * point falls back to toLowerCase(), so the answer is always the same as the expression above.
 */
export function isLowerCaseMatch(name: string, lowerName: string): boolean {
  if (name.length !== lowerName.length) return name.toLowerCase() === lowerName;
  for (let index = 0; index < name.length; index += 1) {
    const code = name.charCodeAt(index);
    const expected = lowerName.charCodeAt(index);
    if (code > 0x7f || expected > 0x7f) return name.toLowerCase() === lowerName;
    const lowered = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
    if (lowered !== expected) return false;
  }
  return true;
}

/** https://fetch.spec.whatwg.org/#http-whitespace-byte */
export const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/** https://fetch.spec.whatwg.org/#http-whitespace-byte : 0x0A LF, 0x0D CR, 0x09 HT or 0x20 SP. */
export function isHttpWhitespaceByte(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x09 || code === 0x20;
}

/** https://fetch.spec.whatwg.org/#concept-header-value-normalize */
export function normalizeHeaderValue(value: string): string {
  // "Remove any leading and trailing HTTP whitespace bytes": most values have none to remove.
  if (value.length === 0 || (!isHttpWhitespaceByte(value.charCodeAt(0)) && !isHttpWhitespaceByte(value.charCodeAt(value.length - 1)))) return value;
  return value.replace(HTTP_WHITESPACE, '');
}

/** https://fetch.spec.whatwg.org/#concept-method : a method is a token. */
export function isMethod(value: string): boolean {
  return isToken(value);
}
