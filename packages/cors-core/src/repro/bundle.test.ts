// The repro bundle: its files, and that nothing from a scenario (a share link, a HAR) can become markup
// or code in the standalone page, whatever its header values, URL, title or body hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioSchema, type Scenario } from '../scenario/schema';
import { validateScenario } from '../scenario/validate';
import { reproBundle, REPRO_FILES } from './bundle';
import { codeSpan } from './markdown';
import type { PageData } from './page';

const origins = { page: 'http://web.example.test', api: 'http://api.example.test', other: 'http://other.example.test' };

const preflight401 = ScenarioSchema.parse({
  id: 'preflight-401',
  title: 'Preflight answered 401',
  request: { url: '{api}/secure', headers: [['Authorization', 'Bearer t0ken']] },
  server: { routes: { '/secure': { preflight: { status: 401, headers: [['Access-Control-Allow-Origin', '{page}']] }, actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{page}']], body: 'ok' } } } },
});

/** The data block of the page, parsed as the page's script parses it. */
function pageData(html: string): PageData {
  const match = /<script type="application\/json" id="repro-data">([^]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no data block');
  return JSON.parse(match[1]!) as PageData;
}

/** The page with its two variable parts (title and data) blanked: the same for every scenario. */
function skeleton(html: string): string {
  return html.replace(/<title>[^<]*<\/title>/, '<title></title>').replace(/<h1>[^<]*<\/h1>/, '<h1></h1>').replace(/(id="repro-data">)[^<]*(<\/script>)/, '$1$2');
}

describe('reproBundle', () => {
  const files = reproBundle(preflight401, { origins });

  it('has the scenario JSON, both cURL commands, the page and the explanation', () => {
    expect(Object.keys(files).sort()).toEqual(Object.values(REPRO_FILES).sort());
    const back = validateScenario(JSON.parse(files[REPRO_FILES.scenario]!));
    expect(back.ok && back.scenario).toEqual(preflight401);
    const curl = files[REPRO_FILES.curl]!;
    expect(curl).toMatch(/# The preflight \(OPTIONS\)\ncurl 'http:\/\/api\.example\.test\/secure' \\\n\s+-X 'OPTIONS'/);
    expect(curl).toContain("-H 'Access-Control-Request-Headers: authorization'");
    expect(curl).toContain('# The actual request\n# (none: the browser does not send it)');
  });

  it('the page carries the resolved request and the prediction; the wire mapping applies to the page and cURL', () => {
    const data = pageData(files[REPRO_FILES.page]!);
    expect(data).toMatchObject({ pageOrigin: 'http://web.example.test', predicted: ['network-error'], runs: [{ api: 'fetch', url: 'http://api.example.test/secure', method: 'GET', headers: [['Authorization', 'Bearer t0ken']] }] });
    const wired = reproBundle(preflight401, { origins, wireUrl: (url) => url.replace('.test/', '.test/r/ID/P/') });
    expect(pageData(wired[REPRO_FILES.page]!).runs[0]?.url).toBe('http://api.example.test/r/ID/P/secure');
    expect(wired[REPRO_FILES.curl]).toContain("curl 'http://api.example.test/r/ID/P/secure' \\\n");
  });

  it('the Markdown explains with spec links, the console text and the fixes', () => {
    const markdown = files[REPRO_FILES.explanation]!;
    expect(markdown).toContain('# CORS repro: Preflight answered 401');
    expect(markdown).toMatch(/\]\(https:\/\/fetch\.spec\.whatwg\.org\/#cors-preflight-fetch[^)]*\)/);
    expect(markdown).toContain('It does not have HTTP ok status.');
    expect(markdown).toContain('## How to fix it on the server (safest first)');
    expect(markdown).toContain('answer the preflight with 204 instead of 401');
  });

  it('starting cookies are named in the Markdown (the page cannot set them)', () => {
    const withCookie = ScenarioSchema.parse({ ...preflight401, cookies: [{ origin: '{api}', setCookie: 'sid=1; SameSite=None; Secure' }] });
    expect(reproBundle(withCookie, { origins })[REPRO_FILES.explanation]).toContain('- Starting cookie on `http://api.example.test`: `Set-Cookie: sid=1; SameSite=None; Secure`');
  });

  it('repeats and run overrides become one page request per run', () => {
    const twice = ScenarioSchema.parse({ ...preflight401, repeat: 2, runRequests: [{}, { api: 'xhr', method: 'PUT' }] });
    const data = pageData(reproBundle(twice, { origins })[REPRO_FILES.page]!);
    expect(data.runs.map((run) => `${run.api} ${run.method}`)).toEqual(['fetch GET', 'xhr PUT']);
  });

  it('property: any header value, URL, title or body round-trips through the page as data, never as markup', () => {
    const hostile = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('</script><script>alert(1)</script>', '<!--', '<img src=x onerror=alert(1)>', '\u2028\u2029', '"\'`&amp;', ']]>', '</SCRIPT >'));
    const base = skeleton(files[REPRO_FILES.page]!);
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (value, path, title, body) => {
        const candidate = ScenarioSchema.safeParse({ ...preflight401, title, request: { url: `{api}/${path}`, method: 'POST', headers: [['X-Value', value]], body } });
        fc.pre(candidate.success);
        const scenario = candidate.data as Scenario;
        const html = reproBundle(scenario, { origins })[REPRO_FILES.page]!;
        expect(skeleton(html)).toBe(base);
        expect(html.match(/<script/gi)?.length).toBe(2);
        const data = pageData(html);
        expect(data.title).toBe(scenario.title);
        expect(data.runs[0]?.headers).toEqual([['X-Value', value]]);
        expect(data.runs[0]?.url).toBe(`http://api.example.test/${path}`);
        expect(data.runs[0]?.body).toBe(body);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});

describe('codeSpan', () => {
  it('property: shows any text literally (a fence longer than any backtick run inside)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const span = codeSpan(text);
        const fence = /^`+/.exec(span)![0];
        const inner = span.slice(fence.length, span.length - fence.length);
        expect(inner.includes(fence)).toBe(false);
        const flat = text.replace(/[\r\n]+/g, ' ');
        expect(inner === flat || inner === ` ${flat} `).toBe(true);
      }),
    );
  });
});
