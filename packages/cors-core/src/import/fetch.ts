// "Copy as fetch" and "Copy as fetch (Node.js)" (Chromium; Firefox's "Copy as Fetch") into a scenario.
// DevTools writes `fetch("url", { ...JSON... });`; hand-written calls with single quotes, unquoted keys,
// trailing commas and `JSON.stringify({...})` bodies are read too. Nothing is evaluated.
import { carryRequest, importedScenario, importNotes, OriginMap, pageOriginOf, type CopiedRequest, type ImportResult, type NotCarried } from './request';

export class FetchSyntaxError extends Error {}

type Value = string | number | boolean | null | Value[] | { [key: string]: Value } | { expression: string };

/** A small reader of JavaScript literals: strings, numbers, true/false/null, arrays, objects. */
class LiteralReader {
  index = 0;
  constructor(readonly text: string) {}

  private where(): string {
    const before = this.text.slice(0, this.index);
    return `line ${before.split('\n').length}, column ${this.index - before.lastIndexOf('\n')}`;
  }

  fail(what: string): never {
    throw new FetchSyntaxError(`${what} at ${this.where()}`);
  }

  skip(): void {
    for (;;) {
      const rest = this.text.slice(this.index);
      const space = /^(\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
      if (!space) return;
      this.index += space[0].length;
    }
  }

  peek(): string {
    this.skip();
    return this.text[this.index] ?? '';
  }

  expect(char: string): void {
    if (this.peek() !== char) this.fail(`expected "${char}"`);
    this.index += 1;
  }

  string(): string {
    const quote = this.peek();
    if (quote !== '"' && quote !== "'" && quote !== '`') this.fail('expected a string');
    this.index += 1;
    let out = '';
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined) this.fail('unterminated string');
      this.index += 1;
      if (char === quote) return out;
      if (quote === '`' && char === '$' && this.text[this.index] === '{') this.fail('a template literal with ${...} cannot be read without running it');
      if (char !== '\\') {
        out += char;
        continue;
      }
      const next = this.text[this.index] ?? '';
      this.index += 1;
      const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '' };
      if (simple[next] !== undefined) out += simple[next];
      else if (next === 'u') {
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(this.text.slice(this.index));
        const hex = braced ? braced[1] : this.text.slice(this.index, this.index + 4);
        if (!hex || !/^[0-9a-fA-F]+$/.test(hex)) this.fail('invalid \\u escape');
        out += String.fromCodePoint(Number.parseInt(hex, 16) > 0x10ffff ? 0xfffd : Number.parseInt(hex, 16));
        this.index += braced ? braced[0].length : 4;
      } else if (next === 'x') {
        const hex = this.text.slice(this.index, this.index + 2);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) this.fail('invalid \\x escape');
        out += String.fromCharCode(Number.parseInt(hex, 16));
        this.index += 2;
      } else out += next;
    }
  }

  value(depth = 0): Value {
    if (depth > 50) this.fail('nested too deeply');
    const char = this.peek();
    if (char === '"' || char === "'" || char === '`') return this.string();
    if (char === '{') {
      this.index += 1;
      const out: { [key: string]: Value } = {};
      while (this.peek() !== '}') {
        const keyChar = this.peek();
        let key: string;
        if (keyChar === '"' || keyChar === "'") key = this.string();
        else {
          const ident = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.index));
          if (!ident) this.fail('expected a property name');
          key = ident[0];
          this.index += key.length;
        }
        this.expect(':');
        out[key] = this.value(depth + 1);
        if (this.peek() === ',') this.index += 1;
        else if (this.peek() !== '}') this.fail('expected "," or "}"');
      }
      this.index += 1;
      return out;
    }
    if (char === '[') {
      this.index += 1;
      const out: Value[] = [];
      while (this.peek() !== ']') {
        out.push(this.value(depth + 1));
        if (this.peek() === ',') this.index += 1;
        else if (this.peek() !== ']') this.fail('expected "," or "]"');
      }
      this.index += 1;
      return out;
    }
    const rest = this.text.slice(this.index);
    const word = /^(true|false|null|undefined|-?\d+(\.\d+)?)\b/.exec(rest);
    if (word) {
      this.index += word[0].length;
      const text = word[0];
      return text === 'true' ? true : text === 'false' ? false : text === 'null' || text === 'undefined' ? null : Number(text);
    }
    const stringify = /^JSON\.stringify\s*\(/.exec(rest);
    if (stringify) {
      this.index += stringify[0].length;
      const inner = this.value(depth + 1);
      this.expect(')');
      return JSON.stringify(inner);
    }
    // Anything else (a variable, new FormData(), a call): keep its text, do not run it.
    const start = this.index;
    let level = 0;
    while (this.index < this.text.length) {
      const c = this.text[this.index] as string;
      if ('([{'.includes(c)) level += 1;
      else if (')]}'.includes(c)) {
        if (level === 0) break;
        level -= 1;
      } else if (c === ',' && level === 0) break;
      this.index += 1;
    }
    if (this.index === start) this.fail('expected a value');
    return { expression: this.text.slice(start, this.index).trim() };
  }
}

const isExpression = (value: Value | undefined): value is { expression: string } => typeof value === 'object' && value !== null && !Array.isArray(value) && 'expression' in value;

/** Header pairs from `headers: {...}`, `[[n, v], ...]` or `new Headers(...)` (read as its argument). */
function headersOf(value: Value | undefined, notCarried: NotCarried[]): [string, string][] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    return value.flatMap((pair): [string, string][] => (Array.isArray(pair) && pair.length === 2 ? [[String(pair[0]), String(pair[1])]] : []));
  }
  if (isExpression(value)) {
    notCarried.push({ what: `headers: ${value.expression.slice(0, 80)}`, why: 'an expression: only literal headers can be read' });
    return [];
  }
  if (typeof value === 'object') return Object.entries(value).map(([name, v]): [string, string] => [name, typeof v === 'string' ? v : JSON.stringify(v)]);
  return [];
}

/** The request of a `fetch(url, init)` call, with what it says that a scenario cannot hold. */
export function parseFetch(text: string, notCarried: NotCarried[]): CopiedRequest {
  const call = /\bfetch\s*\(/.exec(text);
  if (!call) throw new FetchSyntaxError('no fetch( call found: paste the text of "Copy as fetch"');
  const reader: LiteralReader = new LiteralReader(text);
  reader.index = call.index + call[0].length;
  const urlValue = reader.value();
  if (typeof urlValue !== 'string') reader.fail('the URL must be a string literal');
  let init: Value = {};
  if (reader.peek() === ',') {
    reader.index += 1;
    if (reader.peek() !== ')') init = reader.value();
  }
  if (typeof init !== 'object' || init === null || Array.isArray(init) || isExpression(init)) {
    reader.fail('the second argument must be an object literal');
  }
  const options = init as { [key: string]: Value };
  const method = typeof options.method === 'string' ? options.method : 'GET';
  let body: string | null = null;
  if (typeof options.body === 'string') body = options.body;
  else if (isExpression(options.body)) notCarried.push({ what: `body: ${options.body.expression.slice(0, 80)}`, why: 'an expression (FormData, Blob, a variable): only a string body can be carried over' });
  else if (options.body !== undefined && options.body !== null) body = JSON.stringify(options.body);
  const copied: CopiedRequest = { method, url: urlValue, headers: headersOf(options.headers, notCarried), body };
  const credentials = options.credentials;
  if (credentials === 'omit' || credentials === 'same-origin' || credentials === 'include') copied.credentials = credentials;
  const mode = options.mode;
  if (mode === 'cors' || mode === 'no-cors' || mode === 'same-origin') copied.mode = mode;
  else if (mode === 'navigate') notCarried.push({ what: 'mode: "navigate"', why: 'a page cannot make a navigate-mode fetch: cors used' });
  const known = new Set(['method', 'headers', 'body', 'credentials', 'mode', 'referrer', 'referrerPolicy', 'cache', 'redirect']);
  for (const key of Object.keys(options)) if (!known.has(key)) notCarried.push({ what: `${key}: ...`, why: 'a fetch option the scenario does not hold' });
  if (typeof options.referrer === 'string' && options.referrer !== '') copied.headers.push(['Referer', options.referrer]);
  return copied;
}

/** "Copy as fetch" / "Copy as fetch (Node.js)" → a scenario. Never throws. */
export function importFetch(text: string): ImportResult {
  const notCarried: NotCarried[] = [];
  let copied: CopiedRequest;
  const source = String(text);
  try {
    copied = parseFetch(source, notCarried);
  } catch (error) {
    if (error instanceof FetchSyntaxError) return { ok: false, error: error.message, notCarried };
    throw error;
  }
  // "Copy as fetch (Node.js)" has no mode and no credentials: the cookies are in a header instead.
  const nodeFlavour = !/\bmode\s*["']?\s*:/.test(source);
  const origins = new OriginMap(pageOriginOf(copied.headers));
  const carried = carryRequest(copied, origins, notCarried);
  if ('error' in carried) return { ok: false, error: carried.error, notCarried };
  const cacheOption = /["']?cache["']?\s*:\s*["'](default|no-store|reload|no-cache|force-cache|only-if-cached)["']/.exec(source)?.[1];
  const redirectOption = /["']?redirect["']?\s*:\s*["'](follow|error|manual)["']/.exec(source)?.[1];
  const request = { ...carried.request, ...(cacheOption ? { cache: cacheOption as 'default' } : {}), ...(redirectOption ? { redirect: redirectOption as 'follow' } : {}) };
  notCarried.push({ what: 'the server\'s answers', why: 'a fetch call holds only the request: the scenario answers 200 with Access-Control-Allow-Origin: {page} and no preflight answer; `pnpm cors probe URL --save FILE` records the real ones' });
  const path = /^\{[a-z]+\}(\/[^?#]*)?/.exec(request.url)?.[1] ?? '/';
  return importedScenario(
    {
      version: 1,
      id: 'imported-fetch',
      title: `${copied.method} ${copied.url}`.slice(0, 300),
      notes: importNotes(nodeFlavour ? 'fetch (Node.js)' : 'fetch', copied, origins, notCarried),
      page: carried.page,
      request,
      server: { routes: { [path]: { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{page}']], body: 'ok' } } } },
    },
    notCarried,
  );
}
