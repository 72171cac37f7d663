// pnpm --filter @cors-playground/web bench
// 1. Initial JS of the first screen: every script index.html loads eagerly (its module entry and the
//    modulepreloads Vite writes for the entry's static imports), gzip-compressed, summed. Monaco is
//    lazy, so it is not in there. Target ≤ 150 KB.
// 2. Time from clicking Run to the full verdict on screen (verdict, agreement badge and history entry
//    rendered, next frame painted), median over RUNS runs, in real Chromium against the real echo
//    server on loopback, next to a baseline measured in the same page: a bare fetch() round trip to the
//    same server. Target ≤ 100 ms. Build first: pnpm --filter @cors-playground/web exec vite build
/* global document, requestAnimationFrame, MutationObserver -- used inside page.evaluate(), in the browser */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions, freshChromiumProfile } from '../../../scripts/chromium.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(root, '../..');
const dist = join(root, 'dist');
const KB = 1024;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function initialJs() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const urls = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ];
  const files = urls.map((url) => {
    const bytes = readFileSync(join(dist, url));
    return { url, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, gzip: files.reduce((sum, file) => sum + file.gzip, 0) };
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function startEchoServer(port) {
  const origins = { page: `http://web.localhost:${port}`, api: `http://api.localhost:${port}`, other: `http://other.localhost:${port}` };
  const child = spawn(process.execPath, [
    join(repo, 'apps/echo-server/dist/main.js'), '--host', '127.0.0.1', '--port', String(port),
    '--page-origin', origins.page, '--api-origin', origins.api, '--other-origin', origins.other,
    '--web-dir', dist, '--log-level', 'warn',
  ], { stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/__pg/healthz`)).ok) return { child, origins };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error('the echo server did not start');
}

/** In the page: click Run, resolve with the ms until the full verdict is rendered and painted. */
function clickRunAndTime() {
  return new Promise((resolveTime) => {
    const entries = () => document.querySelectorAll('[data-testid=history-entry]').length;
    const before = entries();
    const start = performance.now();
    const observer = new MutationObserver(() => {
      const state = document.querySelector('[data-testid=agreement]')?.getAttribute('data-agreement');
      const verdict = document.querySelector('[data-testid=browser-verdict]')?.getAttribute('data-tone');
      if (entries() > before && state && state !== 'pending' && state !== 'none' && verdict && verdict !== 'pending') {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolveTime(performance.now() - start), 0));
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    document.querySelector('[data-testid=run]').click();
  });
}

async function timeScenario(page, presetId) {
  await page.getByTestId('preset-select').selectOption(presetId);
  await page.getByTestId('preset-load').click();
  await page.evaluate(clickRunAndTime); // warm-up (runner frame, JIT)
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await page.getByTestId('run').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid=run]')?.hasAttribute('disabled'));
    times.push(await page.evaluate(clickRunAndTime));
  }
  return median(times);
}

async function main() {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('no build: run pnpm --filter @cors-playground/web exec vite build first');
  if (!existsSync(join(repo, 'apps/echo-server/dist/main.js'))) throw new Error('no echo server build: run pnpm --filter @cors-playground/echo-server build first');

  const js = initialJs();
  console.log('web bench');
  for (const file of js.files) console.log(`  ${file.url}: ${(file.raw / KB).toFixed(1)} KB raw, ${(file.gzip / KB).toFixed(1)} KB gzip`);
  console.log(`initial JS of the first screen (gzip, Monaco not loaded): ${(js.gzip / KB).toFixed(1)} KB  [target <= 150 KB: ${js.gzip <= 150 * KB ? 'met' : 'NOT MET'}]`);

  const port = await freePort();
  const { child, origins } = await startEchoServer(port);
  const profile = freshChromiumProfile();
  const browser = await chromium.launch(chromiumLaunchOptions(profile.dir));
  try {
    const page = await browser.newPage();
    await page.goto(`${origins.page}/`);
    await page.getByTestId('run').waitFor();
    const baseline = median(
      await page.evaluate(async ({ api, runs }) => {
        const times = [];
        for (let i = 0; i < runs + 1; i++) {
          const start = performance.now();
          await (await fetch(`${api}/__pg/healthz?i=${i}`, { cache: 'no-store' })).text();
          if (i > 0) times.push(performance.now() - start);
        }
        return times;
      }, { api: origins.api, runs: RUNS }),
    );
    const simple = await timeScenario(page, 'simple-get');
    const preflighted = await timeScenario(page, 'json-body-preflight');
    console.log(`baseline: bare fetch() round trip to the same server, median of ${RUNS}: ${baseline.toFixed(1)} ms`);
    console.log(`click Run -> full verdict on screen, simple GET, median of ${RUNS}: ${simple.toFixed(1)} ms  (${(simple / baseline).toFixed(1)}x baseline)  [target <= 100 ms: ${simple <= 100 ? 'met' : 'NOT MET'}]`);
    console.log(`click Run -> full verdict on screen, POST with preflight, median of ${RUNS}: ${preflighted.toFixed(1)} ms  (${(preflighted / baseline).toFixed(1)}x baseline)  [target <= 100 ms: ${preflighted <= 100 ? 'met' : 'NOT MET'}]`);
  } finally {
    await browser.close();
    profile.dispose();
    child.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
