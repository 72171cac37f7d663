// The CLI as a user runs it: a subprocess (tsx), real files, real exit codes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const packageDir = join(import.meta.dirname, '..', '..');
const tsx = join(packageDir, '..', '..', 'node_modules', '.bin', 'tsx');
const main = join(packageDir, 'src', 'cli', 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'cors-cli-'));

function cors(args: string[], input?: string) {
  const result = spawnSync(tsx, [main, ...args], { encoding: 'utf8', input, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const blocked = {
  id: 'no-acao',
  request: { url: '{api}/resource' },
  server: { routes: { '/resource': { actual: { status: 200, headers: [] } } } },
  expect: { outcome: 'network-error', actualSent: true, console: "Access to fetch at '{api}/resource' from origin '{page}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource." },
};

describe('cors CLI', { timeout: 120_000 }, () => {
  it('--help prints the usage and exits 0', () => {
    const result = cors(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('cors explain [--browser chromium|firefox|webkit] [--json]');
  });

  it('explain prints a readable report with spec links and the console text', () => {
    const result = cors(['explain', file('one.json', blocked)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Blocked: the answer has no Access-Control-Allow-Origin.");
    expect(result.stdout).toContain('https://fetch.spec.whatwg.org/#concept-cors-check');
    expect(result.stdout).toContain("Chromium: Access to fetch at 'http://api.localhost:8787/resource'");
  });

  it('explain --json reads stdin, takes --origins and --browser, and prints an array', () => {
    const result = cors(['explain', '--json', '--browser', 'firefox', '--origins', 'page=http://127.0.0.1:1,api=http://127.0.0.1:2', '-'], JSON.stringify([blocked]));
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { id: string; prediction: { outcome: string; console: string }; steps: unknown[]; console: unknown }[];
    expect(output).toHaveLength(1);
    expect(output[0]?.id).toBe('no-acao');
    expect(output[0]?.prediction.outcome).toBe('network-error');
    expect(output[0]?.prediction.console).toContain('remote resource at http://127.0.0.1:2/resource');
  });

  it('check prints one line per scenario and the totals; exit 0 when all agree', () => {
    const result = cors(['check', file('agree.json', blocked)]);
    expect(result.stdout.trim().split('\n')).toEqual(['no-acao  agree', '1 passed, 0 failed']);
    expect(result.code).toBe(0);
  });

  it('check exits 1 on a mismatch and names the field', () => {
    const result = cors(['check', file('differ.json', { ...blocked, id: 'wrong', expect: { outcome: 'ok' } })]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('wrong  DIFFER outcome: expected "ok", got "network-error"');
    expect(result.stdout).toContain('0 passed, 1 failed');
  });

  it('invalid input exits 2 with `path: message` errors', () => {
    const result = cors(['check', file('bad.json', { id: 'Bad Id', request: { url: '{api}/r' }, server: { routes: { '/r': { actual: { status: 99 } } } } })]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('id: an id is kebab-case');
    expect(result.stderr).toContain('server.routes["/r"].actual.status: a status must be 200-599');
  });

  it('invalid JSON and unknown options exit 2', () => {
    expect(cors(['explain', file('broken.json', '{"id": ')]).code).toBe(2);
    expect(cors(['explain', '--browser', 'lynx', 'x.json']).code).toBe(2);
    expect(cors(['frobnicate']).code).toBe(2);
  });

  it('the root script `pnpm cors` runs the same CLI', () => {
    const out = execFileSync('pnpm', ['cors', 'check', file('root.json', blocked)], { cwd: join(packageDir, '..', '..'), encoding: 'utf8', timeout: 60_000 });
    expect(out).toContain('1 passed, 0 failed');
  });

  it('diagnose reads stdin and names the rule; --json gives matches with causes and scenarios', () => {
    const line = "Access to fetch at 'https://api.example.com/items' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.";
    const text = cors(['diagnose', '-'], line);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('The preflight answer is not 2xx [PreflightInvalidStatus]');
    expect(text.stdout).toContain('https://fetch.spec.whatwg.org/#cors-preflight-fetch-0');
    const json = cors(['diagnose', '--json', '--browser', 'chromium', file('error.txt', `${line}\nGET https://api.example.com/items net::ERR_FAILED`)]);
    const matches = JSON.parse(json.stdout) as { rule: string; explanation: string; causes: { scenario: { request: { url: string } } }[] }[];
    expect(matches).toHaveLength(1);
    expect(matches[0]?.rule).toBe('PreflightInvalidStatus');
    expect(matches[0]?.causes[0]?.scenario.request.url).toBe('{api}/items');
    const scenarioFile = file('cause.json', matches[0]?.causes[0]?.scenario);
    expect(cors(['explain', scenarioFile]).stdout).toContain("It does not have HTTP ok status.");
  });

  it('diagnose: an unrelated line is not recognised (exit 1) with the closest matches', () => {
    const result = cors(['diagnose', '-'], 'Uncaught ReferenceError: process is not defined');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('line 1: not recognised');
    expect(result.stdout).toContain('closest:');
  });

  it('import curl|fetch|har prints a scenario and what was not carried over', () => {
    const curl = cors(['import', 'curl', '-'], "curl 'https://api.example.com/v1/x' -H 'Origin: http://localhost:3000' -H 'X-Api-Key: k' -H 'Cookie: a=1'");
    expect(curl.code).toBe(0);
    const scenario = JSON.parse(curl.stdout) as { request: { url: string; credentials: string; headers: unknown } };
    expect(scenario.request).toMatchObject({ url: '{api}/v1/x', credentials: 'include', headers: [['X-Api-Key', 'k']] });
    expect(curl.stderr).toContain('Cookie: (1 cookies)');
    const fetchJson = cors(['import', 'fetch', '--json', '-'], 'fetch("https://api.example.com/x", { "method": "DELETE", "mode": "cors" })');
    expect((JSON.parse(fetchJson.stdout) as { scenario: { request: { method: string } }; notCarried: unknown[] }).scenario.request.method).toBe('DELETE');
    const har = cors(['import', 'har', '--entry', '3', '--json', join(packageDir, 'src', 'import', 'fixtures', 'firefox-handwritten.har')]);
    expect((JSON.parse(har.stdout) as { entry: number }).entry).toBe(3);
    expect(cors(['import', 'har', file('not.har', '[1]')]).stderr).toContain('not a HAR file');
    expect(cors(['import', 'wget', '-']).code).toBe(2);
  });
});
