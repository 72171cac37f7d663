// MIME types: https://mimesniff.spec.whatwg.org/#parsing-a-mime-type (strict "parse a MIME type", which
// the CORS-safelisted request-header rule for Content-Type uses; not the lenient "extract a MIME type").

export interface MimeType {
  type: string;
  subtype: string;
  parameters: Map<string, string>;
  /** https://mimesniff.spec.whatwg.org/#mime-type-essence */
  essence: string;
}

const TOKEN_CODE_POINT = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
const QUOTED_STRING_TOKEN_CODE_POINT = /^[\t\x20-\x7e\x80-\xff]*$/;
const TRAILING_HTTP_WHITESPACE = /[\t\n\r ]+$/;
const HTTP_WHITESPACE_CODE_POINT = /[\t\n\r ]/;

// https://mimesniff.spec.whatwg.org/#parse-a-mime-type
export function parseMimeType(input: string): MimeType | undefined {
  // 1. Remove any leading and trailing HTTP whitespace from input.
  const text = input.replace(HTTP_WHITESPACE, '');
  let position = 0;
  // 3-4. Collect a sequence of code points that are not U+002F (/): type; it must be non-empty token code points.
  const slash = text.indexOf('/', position);
  if (slash === -1) return undefined;
  const type = text.slice(0, slash);
  if (!TOKEN_CODE_POINT.test(type)) return undefined;
  position = slash + 1;
  // 7-9. Collect code points that are not ";": subtype, trailing whitespace removed; must be token code points.
  const semicolon = text.indexOf(';', position);
  const subtype = (semicolon === -1 ? text.slice(position) : text.slice(position, semicolon)).replace(TRAILING_HTTP_WHITESPACE, '');
  if (!TOKEN_CODE_POINT.test(subtype)) return undefined;
  const mime: MimeType = {
    type: type.toLowerCase(),
    subtype: subtype.toLowerCase(),
    parameters: new Map(),
    essence: `${type.toLowerCase()}/${subtype.toLowerCase()}`,
  };
  if (semicolon === -1) return mime;
  position = semicolon;
  // 11. While position is not past the end of input: parse parameters. Invalid parameters are skipped.
  while (position < text.length) {
    position += 1; // skip ";"
    while (position < text.length && HTTP_WHITESPACE_CODE_POINT.test(text[position] ?? '')) position += 1;
    let nameEnd = position;
    while (nameEnd < text.length && text[nameEnd] !== ';' && text[nameEnd] !== '=') nameEnd += 1;
    const name = text.slice(position, nameEnd).toLowerCase();
    position = nameEnd;
    if (position < text.length) {
      if (text[position] === ';') continue;
      position += 1; // skip "="
    }
    if (position >= text.length) break;
    let value: string;
    if (text[position] === '"') {
      // Collect an HTTP quoted string, extract-value = true.
      let collected = '';
      position += 1;
      while (position < text.length) {
        const char = text[position] ?? '';
        if (char === '\\') {
          position += 1;
          if (position >= text.length) { collected += '\\'; break; }
          collected += text[position] ?? '';
          position += 1;
        } else if (char === '"') { position += 1; break; }
        else { collected += char; position += 1; }
      }
      value = collected;
      while (position < text.length && text[position] !== ';') position += 1;
    } else {
      const end = text.indexOf(';', position);
      value = (end === -1 ? text.slice(position) : text.slice(position, end)).replace(TRAILING_HTTP_WHITESPACE, '');
      position = end === -1 ? text.length : end;
      if (value === '') continue;
    }
    if (name !== '' && TOKEN_CODE_POINT.test(name) && QUOTED_STRING_TOKEN_CODE_POINT.test(value) && !mime.parameters.has(name)) {
      mime.parameters.set(name, value);
    }
  }
  return mime;
}
