// The importers against what browsers produce: cURL and fetch copies in Chromium's and Firefox's
// formats (bash and Windows cmd quoting), a HAR recorded from real Chromium by scripts/record-har.ts
// against the echo server, and a hand-checked Firefox HAR.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../explain/explain';
import { bugReportKind, readBugReport } from './bug-report';
import { exportCurl, importCurl } from './curl';
import { importFetch } from './fetch';
import { harEntries, importHar } from './har';
import type { ImportResult } from './request';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const ok = (result: ImportResult) => {
  if (!result.ok) throw new Error(result.error);
  return result;
};
const dropped = (result: ImportResult) => result.notCarried.map((item) => item.what.split(':')[0]?.toLowerCase());

describe('Copy as cURL', () => {
  it.each(['chromium-bash.curl', 'chromium-cmd.curl'])('%s: method, URL on {api}, page headers, cookies as credentials', (name) => {
    const { scenario, notCarried } = ok(importCurl(fixture(name)));
    expect(scenario.request.method).toBe('POST');
    expect(scenario.request.url).toBe('{api}/v1/items?page=2');
    expect(scenario.page).toBe('{page}');
    expect(scenario.request.headers).toEqual([['accept', 'application/json'], ['authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc'], ['content-type', 'application/json']]);
    expect(scenario.request.credentials).toBe('include');
    expect(scenario.notes).toContain('https://api.example.com/v1/items?page=2');
    expect(scenario.notes).toContain('{page} = http://localhost:3000');
    // Reported, not silently dropped: Cookie, Origin, Sec-*, the browser's own headers.
    const whats = notCarried.map((item) => item.what.toLowerCase());
    for (const name of ['cookie', 'origin', 'sec-fetch-mode', 'sec-ch-ua', 'user-agent', 'referer']) expect(whats.some((what) => what.startsWith(name))).toBe(true);
  });

  it('bash: $\'...\' strings with \\u escapes and quotes', () => {
    expect(ok(importCurl(fixture('chromium-bash.curl'))).scenario.request.body).toBe('{"name":"café","note":"it\'s"}');
  });

  it('cmd: ^ escapes, \\" quotes and % in the body', () => {
    expect(ok(importCurl(fixture('chromium-cmd.curl'))).scenario.request.body).toBe('{"name":"x","discount":"10%"}');
  });

  it('Firefox: -X PUT, title-case headers, no cookies', () => {
    const result = ok(importCurl(fixture('firefox-bash.curl')));
    expect(result.scenario.request.method).toBe('PUT');
    expect(result.scenario.request.headers).toEqual([['Content-Type', 'application/json'], ['X-Request-Id', '42']]);
    expect(result.scenario.request.credentials).toBe('same-origin');
    expect(dropped(result)).toEqual(expect.arrayContaining(['accept-encoding', 'connection', 'priority', 'origin']));
  });

  it('says what is wrong and where', () => {
    expect(importCurl("curl 'https://a.test/x -H 'a: b'")).toMatchObject({ ok: false, error: expect.stringContaining('unterminated single quote at line 1') });
    expect(importCurl('{"id": "scenario"}')).toMatchObject({ ok: false, error: expect.stringContaining('no `curl` command') });
    expect(importCurl('curl -H "a: b"')).toMatchObject({ ok: false, error: 'the curl command has no URL' });
    expect(importCurl('curl file:///etc/passwd')).toMatchObject({ ok: false, error: expect.stringContaining('not an absolute http(s) URL') });
  });

  it('lists the options it cannot carry over', () => {
    const result = ok(importCurl("curl -F 'file=@a.png' -u user:secret --proxy http://p:3128 'https://api.example.com/up'"));
    expect(result.notCarried.map((item) => item.what)).toEqual(['-F file=@a.png', '-u user:***', '--proxy http://p:3128', "the server's answers"]);
  });
});

describe('Copy as fetch', () => {
  it('Chromium: mode and credentials from the call, referrer as the page', () => {
    const result = ok(importFetch(fixture('chromium.fetch.js')));
    expect(result.scenario.request).toMatchObject({ method: 'POST', url: '{api}/v1/items?page=2', credentials: 'include', mode: 'cors', body: '{"name":"x"}' });
    expect(result.scenario.request.headers.map(([name]) => name)).toEqual(['accept', 'authorization', 'content-type']);
    expect(result.scenario.notes).toContain('{page} = http://localhost:3000');
  });

  it('Chromium (Node.js): cookies in a header mean credentials', () => {
    const result = ok(importFetch(fixture('chromium-node.fetch.js')));
    expect(result.scenario.request.credentials).toBe('include');
    expect(result.scenario.notes).toContain('Imported from fetch (Node.js)');
    expect(dropped(result)).toContain('cookie');
  });

  it('Firefox: await fetch(...), credentials omit', () => {
    const result = ok(importFetch(fixture('firefox.fetch.js')));
    expect(result.scenario.request).toMatchObject({ method: 'PUT', credentials: 'omit', headers: [['Content-Type', 'application/json'], ['X-Request-Id', '42']] });
  });

  it('hand-written calls: single quotes, unquoted keys, JSON.stringify bodies; expressions are reported', () => {
    const result = ok(importFetch("fetch('https://api.example.com/x', { method: 'PATCH', headers: { 'X-A': '1', }, body: JSON.stringify({ a: 1, b: [true, null] }), signal: controller.signal })"));
    expect(result.scenario.request).toMatchObject({ method: 'PATCH', body: '{"a":1,"b":[true,null]}', headers: [['X-A', '1']] });
    expect(result.notCarried.map((item) => item.what)).toContain('signal: ...');
    const form = ok(importFetch("fetch('https://api.example.com/x', { method: 'POST', body: new FormData(form) })"));
    expect(form.notCarried[0]?.what).toBe('body: new FormData(form)');
  });

  it('says what is wrong and where', () => {
    expect(importFetch('fetch("https://a.test/x", { "method": "GET" ')).toMatchObject({ ok: false, error: expect.stringMatching(/expected "," or "}" at line 1/) });
    expect(importFetch('axios.get("x")')).toMatchObject({ ok: false, error: expect.stringContaining('no fetch( call') });
    expect(importFetch('fetch(url)')).toMatchObject({ ok: false, error: expect.stringContaining('the URL must be a string literal') });
  });
});

describe('HAR recorded from real Chromium (scripts/record-har.ts, Playwright recordHar)', () => {
  const har = fixture('chromium-recorded.har');

  it('lists the entries and which failed', () => {
    const listed = harEntries(har);
    expect(listed.ok && listed.entries.map(({ method, kind, failed }) => `${method} ${kind} ${failed}`)).toEqual(['GET other false', 'GET request false', 'POST request true', 'GET request true']);
  });

  it('picks the first failing request; its unrecorded answer is listed and the run fails like the user\'s', () => {
    const result = importHar(har);
    expect(result.entry).toBe(2);
    const { scenario, notCarried } = ok(result);
    expect(scenario.request).toMatchObject({ method: 'POST', url: '{api}/items', body: '{"name":"x"}', headers: [['Authorization', 'Bearer abc'], ['Content-Type', 'application/json']] });
    expect(notCarried.map((item) => item.what)).toContain('the answer (net::ERR_FAILED)');
    expect(explain(scenario).prediction.outcome).toBe('network-error');
  });

  it('an entry with its answer recorded reproduces it: the allowed call stays allowed', () => {
    const { scenario } = ok(importHar(har, { entry: 1 }));
    expect(scenario.server.routes['/allowed']?.actual?.headers).toEqual([['Access-Control-Allow-Origin', '{page}'], ['Content-Type', 'application/json']]);
    expect(explain(scenario).prediction.outcome).toBe('ok');
  });

  it('--entry out of range is an error that names the range', () => {
    expect(importHar(har, { entry: 9 })).toMatchObject({ ok: false, error: '--entry 9: the HAR has entries 0 to 3' });
  });
});

describe('hand-checked Firefox HAR', () => {
  const har = fixture('firefox-handwritten.har');

  it('picks the failing request: `*` with cookies, reproduced from the recorded answer', () => {
    const result = importHar(har);
    expect(result.entry).toBe(1);
    const { scenario } = ok(result);
    expect(scenario.request.credentials).toBe('include');
    expect(explain(scenario, { browser: 'firefox' }).prediction.console).toContain('Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’');
  });

  it('a request with its recorded preflight: the preflight answer becomes the scenario\'s', () => {
    const { scenario } = ok(importHar(har, { entry: 3 }));
    expect(scenario.server.routes['/v1/items/42']?.preflight?.headers).toContainEqual(['access-control-allow-origin', '{page}']);
    expect(explain(scenario, { browser: 'firefox' }).prediction.console).toContain('Did not find method in CORS header ‘Access-Control-Allow-Methods’');
  });

  it('not a HAR: a clear error', () => {
    expect(importHar('{"entries": []}')).toMatchObject({ ok: false, error: 'not a HAR file: there is no "log" object' });
    expect(importHar('curl x')).toMatchObject({ ok: false, error: expect.stringContaining('not JSON') });
  });
});

describe('export cURL', () => {
  it('the request, the preflight and the actual request as the server receives them', () => {
    const { scenario } = ok(importCurl(fixture('firefox-bash.curl')));
    expect(exportCurl(scenario)).toBe([
      "curl 'http://api.localhost:8787/v1/items?page=2'",
      "-X 'PUT'",
      "-H 'Origin: http://web.localhost:8787'",
      "-H 'Content-Type: application/json'",
      "-H 'X-Request-Id: 42'",
      `--data-raw '{"name":"x"}'`,
    ].join(' \\\n  '));
    expect(exportCurl(scenario, { which: 'preflight' })).toContain("-H 'Access-Control-Request-Headers: content-type,x-request-id'");
    expect(exportCurl(scenario, { which: 'actual' })).toBeNull(); // the imported scenario's route has no preflight answer
  });
});

describe('readBugReport: one box for any of them', () => {
  it.each([
    [fixture('chromium-recorded.har'), 'har'],
    [fixture('chromium-bash.curl'), 'curl'],
    [fixture('chromium-cmd.curl'), 'curl'],
    [fixture('firefox.fetch.js'), 'fetch'],
    [fixture('chromium.fetch.js'), 'fetch'],
    ["No 'Access-Control-Allow-Origin' header is present on the requested resource.", 'diagnosis'],
  ])('%#: %s…', (text, kind) => {
    expect(bugReportKind(text)).toBe(kind);
    const reading = readBugReport(text);
    expect(reading.kind).toBe(kind);
    if (reading.kind === 'diagnosis') expect(reading.diagnosis.matches).toHaveLength(1);
    else expect(reading.result.ok).toBe(true);
  });
});
