// Records the HAR fixture of the HAR importer from real Chromium (Playwright's recordHar) against the
// project's echo server: `pnpm build && pnpm exec tsx scripts/record-har.ts [PORT]`. It writes
// packages/cors-core/src/import/fixtures/chromium-recorded.har: three fetch() calls from the page origin,
// one allowed, one whose preflight is answered 401 without CORS headers, one answered without
// Access-Control-Allow-Origin. The test beside the importer checks what the importer makes of them.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions, freshChromiumProfile } from './chromium';

/** The wire prefix `/r/<runId>/<payload>` of docs/DESIGN.md: any 22-character run id, the routes deflated. */
function wirePrefix(routes: unknown): string {
  const runId = randomBytes(16).toString('base64url').slice(0, 22);
  return `/r/${runId}/${deflateRawSync(JSON.stringify({ v: 1, routes }), { level: 9 }).toString('base64url')}`;
}

const port = Number(process.argv[2] ?? process.env.E2E_PORT ?? 42510);
const origins = { page: `http://web.localhost:${port}`, api: `http://api.localhost:${port}`, other: `http://other.localhost:${port}` };
const out = join(import.meta.dirname, '..', 'packages', 'cors-core', 'src', 'import', 'fixtures', 'chromium-recorded.har');

const routes = {
  '/allowed': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', origins.page], ['Content-Type', 'application/json']] as [string, string][], body: '{"ok":true}' } },
  '/items': {
    preflight: { status: 401, headers: [['WWW-Authenticate', 'Bearer']] as [string, string][], body: 'unauthorized' },
    actual: { status: 200, headers: [['Access-Control-Allow-Origin', origins.page]] as [string, string][], body: '[]' },
  },
  '/profile': { actual: { status: 200, headers: [['Content-Type', 'application/json']] as [string, string][], body: '{"name":"a"}' } },
};

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/__pg/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the echo server did not start');
}

const webDir = mkdtempSync(join(tmpdir(), 'cors-har-page-'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><link rel="icon" href="data:,"><title>HAR fixture</title>');
const server = spawn('node', ['apps/echo-server/dist/main.js', '--host', '127.0.0.1', '--port', String(port), '--page-origin', origins.page, '--api-origin', origins.api, '--other-origin', origins.other, '--web-dir', webDir, '--log-level', 'warn'], { stdio: 'inherit', cwd: join(import.meta.dirname, '..') });
const profile = freshChromiumProfile();
try {
  await waitForServer();
  const browser = await chromium.launch(chromiumLaunchOptions(profile.dir));
  const context = await browser.newContext({ recordHar: { path: out, content: 'embed' } });
  const page = await context.newPage();
  await page.goto(`${origins.page}/index.html`);
  const prefix = wirePrefix(routes);
  const api = `${origins.api}${prefix}`;
  // A string, not a function: tsx would wrap a function's inner helpers in a `__name` the page lacks.
  const results = (await page.evaluate(`(async (base) => {
    const attempt = (url, init) => fetch(url, init).then((response) => String(response.status), (error) => String(error));
    return [
      await attempt(base + '/allowed'),
      await attempt(base + '/items', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer abc' }, body: '{"name":"x"}' }),
      await attempt(base + '/profile?id=7', { credentials: 'include' }),
    ];
  })(${JSON.stringify(api)})`)) as string[];
  process.stdout.write(`fetch results: ${results.join(', ')}\n`);
  await context.close();
  await browser.close();
  // Recorded values that change on every run and say nothing about CORS are made stable.
  const har = readFileSync(out, 'utf8').replaceAll(prefix, '/r/RECORDED_RUN_ID_AAAAAA/PAYLOAD');
  writeFileSync(out, har);
  process.stdout.write(`wrote ${out}\n`);
} finally {
  server.kill('SIGTERM');
  profile.dispose();
  rmSync(webDir, { recursive: true, force: true });
}
