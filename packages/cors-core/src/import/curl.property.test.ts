// The cURL importer's properties: any text is read without throwing (an error names what and where),
// and import → export → import is stable for requests written in bash or Windows cmd quoting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCurl, importCurl } from './curl';
import { importFetch } from './fetch';
import { importHar } from './har';

/** Chromium's "Copy as cURL (cmd)" escaping (devtools-frontend `escapeStringWin`). */
function cmdQuote(text: string): string {
  return `^"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[^a-zA-Z0-9\s_\-:=+~'/.',?;()*`]/g, '^$&')
    .replace(/%(?=[a-zA-Z0-9_])/g, '%^')
    .replace(/\r?\n/g, '^\n\n')}^"`;
}

/** POSIX quoting: '...' or $'...' (devtools-frontend `escapeStringPosix`). */
function bashQuoteLike(text: string): string {
  if ([...text].every((c) => c >= ' ' && c <= '~' && c !== "'")) return `'${text}'`;
  return `$'${[...text].map((c) => (c === "'" ? "\\'" : c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c.charCodeAt(0) < 0x20 || c.charCodeAt(0) > 0x7e ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('')}'`;
}

const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);
const headerValue = fc.string({ unit: fc.constantFrom(...'abcXYZ019 ;,=/"\'\\$%^&*(){}[]éü\t'.split('')), maxLength: 20 }).map((value) => value.trim());
const body = fc.option(fc.string({ unit: fc.constantFrom(...'{}":,ab1 \'\\\n%^é$`'.split('')), maxLength: 30 }), { nil: null });
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'patch', 'OPTIONS'),
  path: fc.stringMatching(/^\/[a-z0-9/_.-]{0,20}(\?[a-z0-9=&]{0,10})?$/),
  headers: fc.array(fc.tuple(token.filter((name) => !/^(sec-|proxy-|origin$|cookie$|host$)/i.test(name)), headerValue), { maxLength: 4 }),
  body,
  cookies: fc.boolean(),
  cmd: fc.boolean(),
});

function curlText({ method, path, headers, body, cookies, cmd }: fc.Arbitrary<unknown> extends never ? never : { method: string; path: string; headers: [string, string][]; body: string | null; cookies: boolean; cmd: boolean }): string {
  const quote = cmd ? cmdQuote : bashQuoteLike;
  const continuation = cmd ? ' ^\n  ' : ' \\\n  ';
  const parts = [`curl ${quote(`https://api.example.com${path}`)}`, `-X ${quote(method)}`, ...headers.map(([name, value]) => `-H ${quote(`${name}: ${value}`)}`), `-H ${quote('Origin: https://app.example.com')}`];
  if (cookies) parts.push(`-b ${quote('a=1')}`);
  if (body !== null) parts.push(`--data-raw ${quote(body)}`);
  return parts.join(continuation);
}

describe('importers never throw', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        for (const result of [importCurl(text), importCurl(`curl ${text}`), importFetch(text), importFetch(`fetch(${text}`), importHar(text)]) {
          if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary JSON given as a HAR', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = importHar(JSON.stringify({ log: { entries: [value, { request: value, response: value }] } }));
        if (!result.ok) expect(typeof result.error).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});

describe('import → export cURL → import is stable', () => {
  it('for requests in bash and Windows cmd quoting', () => {
    fc.assert(
      fc.property(request, (input) => {
        const first = importCurl(curlText(input));
        if (!first.ok) throw new Error(`${first.error}\n${curlText(input)}`);
        const exported = exportCurl(first.scenario) as string;
        const second = importCurl(exported);
        if (!second.ok) throw new Error(`${second.error}\n${exported}`);
        expect(second.scenario.request).toEqual(first.scenario.request);
        expect(second.scenario.page).toEqual(first.scenario.page);
        // And the headers, method and body are the ones written.
        expect(first.scenario.request.method).toBe(input.method);
        expect(first.scenario.request.body).toBe(input.body);
        expect(first.scenario.request.credentials).toBe(input.cookies ? 'include' : 'same-origin');
      }),
      { numRuns: 400 },
    );
  });
});
