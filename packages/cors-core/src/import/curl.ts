// "Copy as cURL" from Chromium and Firefox DevTools, in bash (POSIX) or Windows cmd quoting, into a
// scenario; and a scenario back into a cURL command (bash), for bug reports and the round trip.
import { explain } from '../explain/explain';
import { DEFAULT_ORIGINS, resolveOriginPlaceholders, type Origins } from '../scenario/placeholders';
import type { Scenario } from '../scenario/schema';
import { carryRequest, importedScenario, importNotes, OriginMap, pageOriginOf, type CopiedRequest, type ImportResult, type NotCarried } from './request';

export class ShellSyntaxError extends Error {}

/** Line and column (1-based) of an offset, for errors that say where. */
function where(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** ANSI-C quoting ($'...'), as Chromium and Firefox write strings with quotes, newlines or non-ASCII. */
function ansiC(text: string, start: number): { value: string; end: number } {
  let value = '';
  let index = start;
  for (;;) {
    const char = text[index];
    if (char === undefined) throw new ShellSyntaxError(`unterminated $'...' string starting at ${where(text, start - 2)}`);
    if (char === "'") return { value, end: index + 1 };
    if (char !== '\\') {
      value += char;
      index += 1;
      continue;
    }
    const next = text[index + 1] ?? '';
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', '?': '?' };
    if (simple[next] !== undefined) {
      value += simple[next];
      index += 2;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const max = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = /^[0-9a-fA-F]+/.exec(text.slice(index + 2, index + 2 + max))?.[0] ?? '';
      const code = hex ? Number.parseInt(hex, 16) : Number.NaN;
      value += Number.isNaN(code) || code > 0x10ffff ? `\\${next}` : String.fromCodePoint(code);
      index += 2 + hex.length;
    } else if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(text.slice(index + 1))?.[0] ?? '0';
      value += String.fromCharCode(Number.parseInt(octal, 8) & 0xff);
      index += 1 + octal.length;
    } else {
      value += `\\${next}`;
      index += 2;
    }
  }
}

/** POSIX shell words: '...', "...", $'...', backslash escapes and line continuations. */
export function bashWords(text: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let index = 0;
  const push = () => {
    if (word !== null) words.push(word);
    word = null;
  };
  while (index < text.length) {
    const char = text[index] as string;
    if (char === '\\' && (text[index + 1] === '\n' || (text[index + 1] === '\r' && text[index + 2] === '\n'))) {
      index += text[index + 1] === '\r' ? 3 : 2;
    } else if (/\s/.test(char)) {
      push();
      index += 1;
    } else if (char === "'") {
      const end = text.indexOf("'", index + 1);
      if (end === -1) throw new ShellSyntaxError(`unterminated single quote at ${where(text, index)}`);
      word = (word ?? '') + text.slice(index + 1, end);
      index = end + 1;
    } else if (char === '$' && text[index + 1] === "'") {
      const { value, end } = ansiC(text, index + 2);
      word = (word ?? '') + value;
      index = end;
    } else if (char === '"') {
      let value = '';
      let cursor = index + 1;
      for (;;) {
        const c = text[cursor];
        if (c === undefined) throw new ShellSyntaxError(`unterminated double quote at ${where(text, index)}`);
        if (c === '"') break;
        if (c === '\\' && ['"', '\\', '$', '`', '\n'].includes(text[cursor + 1] ?? '')) {
          if (text[cursor + 1] !== '\n') value += text[cursor + 1];
          cursor += 2;
          continue;
        }
        value += c;
        cursor += 1;
      }
      word = (word ?? '') + value;
      index = cursor + 1;
    } else if (char === '\\') {
      word = (word ?? '') + (text[index + 1] ?? '');
      index += 2;
    } else if (char === '#' && word === null) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
    } else {
      word = (word ?? '') + char;
      index += 1;
    }
  }
  push();
  return words;
}

/**
 * Windows cmd words, as Chromium's and Firefox's "Copy as cURL (cmd)" write them: `^` escapes the
 * next character (`^` + newline continues the line), then `"` quotes, `\"` is a quote, `\\` a backslash.
 */
export function cmdWords(text: string): string[] {
  // 1. cmd: carets. An escaped character is kept as it is (a `^"` is a quote the program sees).
  let unescaped = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char !== '^') {
      unescaped += char;
      continue;
    }
    const next = text[index + 1];
    if (next === '\r' && text[index + 2] === '\n') index += 2;
    else if (next === '\n') index += 1;
    else if (next !== undefined) {
      unescaped += next;
      index += 1;
    }
  }
  // 2. The words, read as the inverse of the browsers' escaping (devtools-frontend `escapeStringWin`
  // doubles every backslash and writes a quote as \"): `"` opens and closes, `\\` is a backslash,
  // `\"` a quote.
  const words: string[] = [];
  let word: string | null = null;
  let quoted = false;
  for (let index = 0; index < unescaped.length; ) {
    const char = unescaped[index] as string;
    const next = unescaped[index + 1];
    if (char === '\\' && (next === '\\' || next === '"')) {
      word = (word ?? '') + next;
      index += 2;
    } else if (char === '"') {
      quoted = !quoted;
      word ??= '';
      index += 1;
    } else if (!quoted && /\s/.test(char)) {
      if (word !== null) words.push(word);
      word = null;
      index += 1;
    } else {
      word = (word ?? '') + char;
      index += 1;
    }
  }
  if (quoted) throw new ShellSyntaxError('unterminated double quote (Windows cmd quoting)');
  if (word !== null) words.push(word);
  return words;
}

/** Whether a command is in Windows cmd quoting: the URL in `^"` quotes, or `^` line ends (and no `\` ones). */
export function isCmdQuoting(text: string): boolean {
  if (/^\s*curl(\.exe)?\s+\^"/i.test(text)) return true;
  return /\s\^\r?\n/.test(text) && !/\s\\\r?\n/.test(text) && !/^\s*curl(\.exe)?\s+[$']/i.test(text);
}

/** Options that take a value but do not matter here; listed when present. */
const IGNORED_WITH_VALUE = new Set(['-o', '--output', '-m', '--max-time', '--connect-timeout', '-x', '--proxy', '--resolve', '--cacert', '--cert', '--key', '-w', '--write-out', '--retry', '-K', '--config', '--max-redirs', '-c', '--cookie-jar', '--interface', '--limit-rate']);
const IGNORED_FLAGS = new Set(['--compressed', '-s', '--silent', '-S', '--show-error', '-v', '--verbose', '-i', '--include', '-k', '--insecure', '-L', '--location', '-g', '--globoff', '--http1.1', '--http2', '--http2-prior-knowledge', '--http3', '-f', '--fail', '-N', '--no-buffer', '--path-as-is', '-sS', '-Ss', '-sSL', '-sL', '-fsSL']);
const DATA_OPTIONS = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--data-urlencode', '--json']);

/** Splits `-XPOST` into `-X POST` and `--request=POST` into `--request POST`. */
function expandOption(word: string): [string, string | undefined] {
  if (word.startsWith('--') && word.includes('=')) return [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)];
  if (/^-[XHdbAeuFrT]./.test(word)) return [word.slice(0, 2), word.slice(2)];
  return [word, undefined];
}

/** The request a cURL command describes, with what it says that a scenario cannot hold. */
export function parseCurl(text: string, notCarried: NotCarried[]): CopiedRequest {
  const source = text.replace(/^\s*(\$|>|PS [^>]*>)\s*/, '').trim();
  const words = isCmdQuoting(source) ? cmdWords(source) : bashWords(source);
  const start = words.findIndex((word) => /(^|[\\/])curl(\.exe)?$/i.test(word));
  if (start === -1) throw new ShellSyntaxError('no `curl` command found: paste the text of "Copy as cURL"');
  if (words.slice(start + 1).some((word) => word === '|' || word === '&&' || word === ';')) notCarried.push({ what: 'the rest of the shell line', why: 'only the curl command is read' });
  let method: string | null = null;
  let url: string | null = null;
  const headers: [string, string][] = [];
  const data: string[] = [];
  let get = false;
  let json = false;
  const rest = words.slice(start + 1);
  while (rest.length > 0) {
    const word = rest.shift() as string;
    if (word === '|' || word === '&&' || word === ';') break;
    const [option, inline] = word.startsWith('-') && word.length > 1 ? expandOption(word) : [word, undefined];
    const value = (): string => {
      const next = inline ?? rest.shift();
      if (next === undefined) throw new ShellSyntaxError(`${option} needs a value`);
      return next;
    };
    if (option === '-X' || option === '--request') method = value();
    else if (option === '-H' || option === '--header') {
      const line = value();
      const colon = line.indexOf(':');
      // curl: "Name;" sends an empty header, "Name:" removes one.
      if (colon === -1 && /^[^\s;]+;$/.test(line)) headers.push([line.slice(0, -1), '']);
      else if (colon <= 0) notCarried.push({ what: `-H ${JSON.stringify(line)}`, why: 'not a "Name: value" header' });
      else if (line.slice(colon + 1).trim() === '') notCarried.push({ what: `-H ${JSON.stringify(line)}`, why: 'curl removes a header given without a value' });
      else headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    } else if (DATA_OPTIONS.has(option)) {
      const body = value();
      if (body.startsWith('@') && option !== '--data-raw') notCarried.push({ what: `${option} ${body}`, why: 'the body is read from a file: paste its content with --data-raw' });
      else data.push(body);
      if (option === '--json') json = true;
    } else if (option === '-b' || option === '--cookie') {
      const cookies = value();
      headers.push(['Cookie', cookies]);
    } else if (option === '-A' || option === '--user-agent') headers.push(['User-Agent', value()]);
    else if (option === '-e' || option === '--referer') headers.push(['Referer', value()]);
    else if (option === '-r' || option === '--range') headers.push(['Range', `bytes=${value()}`]);
    else if (option === '-u' || option === '--user') notCarried.push({ what: `${option} ${value().replace(/:.*/, ':***')}`, why: 'a page sends credentials with an Authorization header: add one to the scenario' });
    else if (option === '-F' || option === '--form' || option === '-T' || option === '--upload-file') notCarried.push({ what: `${option} ${value()}`, why: 'multipart forms and file uploads are not carried over: the scenario body is text' });
    else if (option === '-I' || option === '--head') method = 'HEAD';
    else if (option === '-G' || option === '--get') get = true;
    else if (option === '--url') url = value();
    else if (IGNORED_WITH_VALUE.has(option)) notCarried.push({ what: `${option} ${value()}`, why: 'a transport option of curl, not part of the request' });
    else if (IGNORED_FLAGS.has(option)) continue;
    else if (option.startsWith('-') && option.length > 1) notCarried.push({ what: option, why: 'an option this importer does not know' });
    else if (url === null) url = word;
    else notCarried.push({ what: word, why: 'a second URL: only the first is imported' });
  }
  if (url === null) throw new ShellSyntaxError('the curl command has no URL');
  let body: string | null = data.length > 0 ? data.join('&') : null;
  if (get && body !== null) {
    url += (url.includes('?') ? '&' : '?') + body;
    body = null;
  }
  if (json && !headers.some(([name]) => name.toLowerCase() === 'content-type')) headers.push(['Content-Type', 'application/json']);
  // curl would label a body without a type as a form; a page's fetch() labels it text/plain itself.
  if (body !== null && !headers.some(([name]) => name.toLowerCase() === 'content-type')) {
    notCarried.push({ what: 'curl\'s default Content-Type: application/x-www-form-urlencoded', why: 'the body has no Content-Type: the page\'s fetch() sends text/plain;charset=UTF-8 instead' });
  }
  return { method: method ?? (body !== null ? 'POST' : 'GET'), url, headers, body };
}

/** "Copy as cURL" (bash or cmd, Chromium or Firefox) → a scenario. Never throws. */
export function importCurl(text: string): ImportResult {
  const notCarried: NotCarried[] = [];
  let copied: CopiedRequest;
  try {
    copied = parseCurl(String(text), notCarried);
  } catch (error) {
    if (error instanceof ShellSyntaxError) return { ok: false, error: error.message, notCarried };
    throw error;
  }
  const origins = new OriginMap(pageOriginOf(copied.headers));
  const carried = carryRequest(copied, origins, notCarried);
  if ('error' in carried) return { ok: false, error: carried.error, notCarried };
  notCarried.push({ what: 'the server\'s answers', why: 'a cURL copy holds only the request: the scenario answers 200 with Access-Control-Allow-Origin: {page} and no preflight answer; `pnpm cors probe URL --save FILE` records the real ones' });
  const path = /^\{[a-z]+\}(\/[^?#]*)?/.exec(carried.request.url)?.[1] ?? '/';
  return importedScenario(
    {
      version: 1,
      id: 'imported-curl',
      title: `${copied.method} ${copied.url}`.slice(0, 300),
      notes: importNotes('cURL', copied, origins, notCarried),
      page: carried.page,
      request: carried.request,
      server: { routes: { [path]: { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{page}']], body: 'ok' } } } },
    },
    notCarried,
  );
}

/** POSIX single quotes, or $'...' when the text holds a quote, a control character or non-ASCII (as Chromium writes it). */
export function bashQuote(text: string): string {
  if (!/[^\x20-\x7e]|'/.test(text)) return `'${text}'`;
  let out = "$'";
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (char === "'") out += "\\'";
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code > 0x7e) out += code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}'`;
}

export interface CurlExportOptions {
  origins?: Origins;
  /**
   * `request`: the request as the page makes it (Origin added, credentials as `-b ''`), the form that
   * imports back to the same scenario. `preflight` / `actual`: what reaches the server, as cors-core
   * predicts it (null when that request is not sent).
   */
  which?: 'request' | 'preflight' | 'actual';
  /** Where the command sends a resolved URL (the playground adds its wire prefix); default: the URL itself. */
  wireUrl?: (url: string) => string;
}

function curlCommand(method: string, url: string, headers: readonly [string, string][], body: string | null, extra: string[] = []): string {
  const parts = [`curl ${bashQuote(url)}`];
  if (method !== (body !== null ? 'POST' : 'GET')) parts.push(`-X ${bashQuote(method)}`);
  for (const [name, value] of headers) parts.push(`-H ${bashQuote(value === '' ? `${name};` : `${name}: ${value}`)}`);
  parts.push(...extra);
  if (body !== null) parts.push(`--data-raw ${bashQuote(body)}`);
  return parts.join(' \\\n  ');
}

/** A scenario's request as a cURL command (bash quoting). */
export function exportCurl(scenario: Scenario, options: CurlExportOptions = {}): string | null {
  const origins = options.origins ?? DEFAULT_ORIGINS;
  const which = options.which ?? 'request';
  if (which !== 'request') {
    const sent = explain(scenario, { origins }).requests.find((request) => request.run === 0 && request.kind === which);
    if (!sent) return null;
    const body = which === 'actual' && sent.method !== 'GET' && sent.method !== 'HEAD' ? scenario.request.body : null;
    return curlCommand(sent.method, (options.wireUrl ?? String)(sent.url), sent.headers, body === undefined ? null : body);
  }
  const request = scenario.request;
  const url = (options.wireUrl ?? String)(resolveOriginPlaceholders(request.url, origins));
  const page = scenario.page === 'null' ? 'null' : resolveOriginPlaceholders(scenario.page, origins);
  const headers: [string, string][] = [['Origin', page], ...request.headers.map(([name, value]): [string, string] => [name, resolveOriginPlaceholders(value, origins)])];
  // Credentials: the browser would send the site's cookies; `-b ''` turns curl's cookie engine on, empty.
  const extra = request.credentials === 'include' ? ["-b ''"] : [];
  return curlCommand(request.method, url, headers, request.body, extra);
}
