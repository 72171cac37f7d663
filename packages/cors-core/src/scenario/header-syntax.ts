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
/** https://fetch.spec.whatwg.org/#header-value (ignoring the whitespace rule, which normalization handles) */
export function hasForbiddenValueByte(value: string): boolean {
  return /[\0\r\n]/.test(value);
}

/**
 * What a server can put on the wire as a header value: HTAB, visible ASCII, space and obs-text
 * (0x80-0xFF, one byte each). Anything else (control characters, characters above U+00FF) cannot be
 * sent byte for byte, and Node refuses it.
 */
export function isSendableHeaderValue(value: string): boolean {
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(value);
}

/** https://fetch.spec.whatwg.org/#http-whitespace-byte */
export const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/** https://fetch.spec.whatwg.org/#concept-header-value-normalize */
export function normalizeHeaderValue(value: string): string {
  return value.replace(HTTP_WHITESPACE, '');
}

/** https://fetch.spec.whatwg.org/#concept-method : a method is a token. */
export function isMethod(value: string): boolean {
  return isToken(value);
}
