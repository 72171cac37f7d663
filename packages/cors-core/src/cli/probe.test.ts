// `cors probe` as a user runs it (a subprocess) against real servers started here: the project's echo
// server (answers from a scenario) and a real Express app with the `cors` middleware.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = join(import.meta.dirname, '..', '..');
const root = join(packageDir, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const main = join(packageDir, 'src', 'cli', 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'cors-probe-'));
const ECHO_PORT = 42520; // --lan: page 42520, api 42521, other 42522
const EXPRESS_PORT = 42530;

function cors(args: string[]) {
  const result = spawnSync(tsx, [main, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} did not start`);
}

/** The echo server's wire URL for routes (docs/DESIGN.md): `/r/<runId>/<deflated routes>`. */
function echoUrl(routes: unknown, path: string): string {
  const runId = randomBytes(16).toString('base64url').slice(0, 22);
  return `http://127.0.0.1:${ECHO_PORT + 1}/r/${runId}/${deflateRawSync(JSON.stringify({ v: 1, routes })).toString('base64url')}${path}`;
}

const children: ChildProcess[] = [];
beforeAll(async () => {
  children.push(spawn(tsx, [join(root, 'apps', 'echo-server', 'src', 'main.ts'), '--lan', '127.0.0.1', '--port', String(ECHO_PORT), '--log-level', 'error'], { stdio: 'ignore' }));
  children.push(spawn('node', [join(import.meta.dirname, 'fixtures', 'express-cors-app.mjs'), String(EXPRESS_PORT)], { stdio: 'ignore', cwd: packageDir }));
  await Promise.all([waitFor(`http://127.0.0.1:${ECHO_PORT}/__pg/healthz`), waitFor(`http://127.0.0.1:${EXPRESS_PORT}/items`)]);
}, 60_000);
afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
});

const PAGE = `http://127.0.0.1:${ECHO_PORT}`;

describe('cors probe against the echo server', { timeout: 120_000 }, () => {
  const routes = {
    '/ok': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', PAGE]], body: 'ok' } },
    '/items': { preflight: { status: 401, headers: [['WWW-Authenticate', 'Bearer']] }, actual: { status: 200, headers: [['Access-Control-Allow-Origin', PAGE]] } },
  };

  it('refuses a loopback URL unless --allow-private (exit 2)', () => {
    const result = cors(['probe', echoUrl(routes, '/ok'), '--origin', PAGE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a loopback address: refused');
  });

  it('an allowed GET passes (exit 0), and the answer is shown', () => {
    const result = cors(['probe', echoUrl(routes, '/ok'), '--origin', PAGE, '--allow-private']);
    expect(result.stdout).toContain('PASS (expected pass)');
    expect(result.stdout).toContain(`Access-Control-Allow-Origin: ${PAGE}`);
    expect(result.code).toBe(0);
  });

  it('a preflight answered 401: FAIL, the request itself not sent, exit 1; --expect fail exits 0', () => {
    const url = echoUrl(routes, '/items');
    const result = cors(['probe', url, '--origin', PAGE, '--method', 'PUT', '--header', 'Authorization: Bearer x', '--allow-private', '--json']);
    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout) as { pass: boolean; sent: { kind: string; method: string; headers: [string, string][] }[]; console: string };
    expect(output.pass).toBe(false);
    expect(output.sent.map((sent) => `${sent.kind} ${sent.method}`)).toEqual(['preflight OPTIONS']);
    expect(output.sent[0]?.headers).toEqual(expect.arrayContaining([['Access-Control-Request-Method', 'PUT'], ['Access-Control-Request-Headers', 'authorization']]));
    expect(output.console).toContain("Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header");
    expect(cors(['probe', url, '--origin', PAGE, '--method', 'PUT', '--header', 'Authorization: Bearer x', '--allow-private', '--expect', 'fail']).code).toBe(0);
  });

  it('--save writes the recorded answers as a scenario that explains the same way', () => {
    const file = join(dir, 'saved.json');
    cors(['probe', echoUrl(routes, '/items'), '--origin', PAGE, '--method', 'PUT', '--allow-private', '--save', file]);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { page: string; request: { url: string }; server: { routes: Record<string, { preflight?: { status: number } }> } };
    expect(saved.page).toBe('{page}');
    expect(saved.request.url).toMatch(/^\{api\}\/r\/.+\/items$/);
    expect(Object.values(saved.server.routes)[0]?.preflight?.status).toBe(401);
    const explained = cors(['explain', '--json', file]);
    expect((JSON.parse(explained.stdout) as { prediction: { outcome: string } }[])[0]?.prediction.outcome).toBe('network-error');
  });
});

describe('cors probe against Express with the cors middleware', { timeout: 120_000 }, () => {
  const api = `http://127.0.0.1:${EXPRESS_PORT}`;
  const probe = (...args: string[]) => cors(['probe', '--allow-private', '--json', ...args]);
  const parsed = (result: ReturnType<typeof cors>) => JSON.parse(result.stdout) as { pass: boolean; verdict: string; console: string | null; sent: { kind: string }[] };

  it('GET from the allowed origin passes', () => {
    const result = probe(`${api}/items`, '--origin', 'http://localhost:3000');
    expect(parsed(result).pass).toBe(true);
    expect(result.code).toBe(0);
  });

  it('GET from another origin fails: the middleware answers without CORS headers', () => {
    const result = probe(`${api}/items`, '--origin', 'https://evil.example');
    expect(result.code).toBe(1);
    expect(parsed(result).verdict).toBe('Blocked: the answer has no Access-Control-Allow-Origin.');
  });

  it('a JSON POST with credentials: preflight then request, both allowed', () => {
    const result = probe(`${api}/items`, '--origin', 'http://localhost:3000', '--method', 'POST', '--header', 'Content-Type: application/json', '--credentials');
    expect(parsed(result).sent.map((sent) => sent.kind)).toEqual(['preflight', 'actual']);
    expect(parsed(result).pass).toBe(true);
  });

  it('PUT is not in the allowed methods: the browser would stop at the preflight', () => {
    const result = probe(`${api}/items`, '--origin', 'http://localhost:3000', '--method', 'PUT', '--browser', 'firefox');
    expect(result.code).toBe(1);
    expect(parsed(result).console).toContain('Did not find method in CORS header ‘Access-Control-Allow-Methods’');
  });

  it('authentication before CORS: the preflight gets 401 without CORS headers', () => {
    const result = probe(`${api}/private/me`, '--origin', 'http://localhost:3000', '--header', 'Authorization: Bearer x');
    expect(result.code).toBe(1);
    expect(parsed(result).verdict).toBe('Blocked: the preflight answer has no Access-Control-Allow-Origin.');
  });
});
