// WebKitGTK: MiniBrowser driven by WebKitWebDriver (W3C WebDriver over HTTP, spoken here with plain
// fetch), under xvfb-run since MiniBrowser has no headless mode. Each lane (lane.ts) has its own
// WebKitWebDriver; its state is a session, i.e. a MiniBrowser process with its own ephemeral profile
// (cookies, caches, CORS-preflight cache), the runner page open in it. WebKitWebDriver exposes no
// console messages: the observation's `console` is left out and never compared.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Origins, Scenario } from '@cors-playground/cors-core';
import type { RunnerResult } from '../../src/runner/types';
import { freePort } from '../free-port';
import { lane, type LaneState } from './lane';
import { runnerExpression, startingCookiesFor, type EngineDriver, type EngineWorker } from './types';

export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/**
 * About 2% of new sessions never answer (RECIPE.md): give up after this long and retry once. On a machine
 * busy with other jobs a session that does answer was seen to take over 10 s.
 */
const NEW_SESSION_TIMEOUT_MS = 30_000;
const SCRIPT_TIMEOUT_MS = 120_000;

const CAPABILITIES = {
  capabilities: {
    alwaysMatch: {
      browserName: 'MiniBrowser',
      // Third-party cookies accepted, as in a default desktop browser.
      'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation', '--cookies-policy=always'] },
    },
  },
};

interface Driver {
  process: ChildProcess;
  base: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function webdriver<T>(base: string, method: string, path: string, body?: unknown, timeoutMs = SCRIPT_TIMEOUT_MS + 10_000): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const json = (await response.json()) as { value: T & { error?: string; message?: string } };
  if (!response.ok) throw new Error(`WebKitWebDriver ${method} ${path}: ${json.value?.error ?? response.status} ${json.value?.message ?? ''}`.trim());
  return json.value;
}

async function startDriver(): Promise<Driver> {
  const port = await freePort();
  // Its own process group, so that closing it also ends xvfb-run's Xvfb and MiniBrowser.
  const child = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], { detached: true, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with code ${child.exitCode} (is webkit2gtk-driver installed? apt-get install webkit2gtk-driver xvfb)`);
    try {
      const status = await webdriver<{ ready?: boolean }>(base, 'GET', '/status', undefined, 1000);
      if (status.ready !== false) return { process: child, base };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  stopDriver({ process: child, base });
  throw new Error('WebKitWebDriver did not start within 10 s');
}

function stopDriver(driver: Driver): void {
  if (driver.process.pid !== undefined && driver.process.exitCode === null) {
    try {
      process.kill(-driver.process.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** One WebKitWebDriver (so one session at a time) per lane; the lane's state is its current session. */
async function webkitLane(): Promise<{ worker: EngineWorker; stop: () => void }> {
  let driver = await startDriver();
  let version = 'WebKitGTK';

  async function newSession(): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      try {
        const session = await webdriver<{ sessionId: string; capabilities: { browserVersion?: string } }>(driver.base, 'POST', '/session', CAPABILITIES, NEW_SESSION_TIMEOUT_MS);
        version = `WebKitGTK ${session.capabilities.browserVersion ?? ''}`.trim();
        return session.sessionId;
      } catch (error) {
        if (attempt >= 1) throw error;
        // A session that never answered may still appear later: start over with a new driver.
        stopDriver(driver);
        driver = await startDriver();
      }
    }
  }

  async function runIn(session: string, scenario: Scenario, origins: Origins, pageOrigin?: string): Promise<RunnerResult> {
    // Starting cookies: top-level visits first, then back to the runner (the lane is not reused after).
    const start = pageOrigin ? await startingCookiesFor(scenario, origins) : undefined;
    if (start && pageOrigin) {
      for (const url of start.visits) await webdriver(driver.base, 'POST', `${session}/url`, { url });
      await webdriver(driver.base, 'POST', `${session}/url`, { url: `${pageOrigin}/runner.html` });
    }
    const script = `const done = arguments[arguments.length - 1];
      ${runnerExpression(scenario, origins, null, start?.key)}.then(
        (result) => done({ result }),
        (error) => done({ error: String((error && error.message) || error) }),
      );`;
    const value = await webdriver<{ result?: RunnerResult; error?: string }>(driver.base, 'POST', `${session}/execute/async`, { script, args: [] });
    if (value.error !== undefined || !value.result) throw new Error(value.error ?? 'the runner returned nothing');
    return value.result;
  }

  /** A session (one MiniBrowser process with its own ephemeral profile) with the runner open. */
  async function openRunner(pageOrigin: string): Promise<LaneState & { session: string }> {
    const session = `/session/${await newSession()}`;
    const dispose = () => webdriver(driver.base, 'DELETE', session, undefined, 10_000).then(() => undefined);
    try {
      await webdriver(driver.base, 'POST', `${session}/timeouts`, { script: SCRIPT_TIMEOUT_MS, pageLoad: 30_000 });
      await webdriver(driver.base, 'POST', `${session}/url`, { url: `${pageOrigin}/runner.html` });
    } catch (error) {
      await dispose().catch(() => undefined);
      throw error;
    }
    return { session, pageOrigin, isGone: () => false, dispose };
  }

  // Learn the version now, from a first session, so the report has it even if every scenario fails.
  const probe = await newSession();
  await webdriver(driver.base, 'DELETE', `/session/${probe}`, undefined, 10_000).catch(() => undefined);
  const worker = lane('webkit', version, {
    open: openRunner,
    runIn: async (state, scenario, origins) => ({ result: await runIn(state.session, scenario, origins, state.pageOrigin), consoleTexts: undefined }),
    roundTrip: (state, scenario, origins) => runIn(state.session, scenario, origins),
  });
  return { worker, stop: () => stopDriver(driver) };
}

export async function startWebKit(options: { lanes: number }): Promise<EngineDriver> {
  const started = await Promise.allSettled(Array.from({ length: options.lanes }, () => webkitLane()));
  const lanes = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    // No driver left behind: the lanes that did start are stopped before the error is reported.
    for (const one of lanes) one.stop();
    throw failed.reason;
  }
  const workers = lanes.map((one) => one.worker);
  return {
    version: workers[0]?.version ?? 'WebKitGTK',
    workers,
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      for (const one of lanes) one.stop();
    },
  };
}
