// WebKitGTK: MiniBrowser driven by WebKitWebDriver (W3C WebDriver over HTTP, spoken here with plain
// fetch), under xvfb-run since MiniBrowser has no headless mode. Each scenario gets a new session, so a
// new MiniBrowser process with a new ephemeral profile. WebKitWebDriver exposes no console messages:
// the observation's `console` is left out and never compared.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Origins, Scenario } from '@cors-playground/cors-core';
import type { RunnerResult } from '../../src/runner/types';
import { freePort } from '../free-port';
import { runnerExpression, startingCookiesFor, type EngineRun, type EngineWorker } from './types';

export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** About 2% of new sessions never answer (RECIPE.md): give up after this long and retry once. */
const NEW_SESSION_TIMEOUT_MS = 10_000;
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

export async function startWebKit(): Promise<EngineWorker> {
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

  const worker: EngineWorker = {
    engine: 'webkit',
    get version() {
      return version;
    },
    async run(scenario: Scenario, origins: Origins): Promise<EngineRun> {
      const sessionId = await newSession();
      const session = `/session/${sessionId}`;
      try {
        await webdriver(driver.base, 'POST', `${session}/timeouts`, { script: SCRIPT_TIMEOUT_MS, pageLoad: 30_000 });
        const start = await startingCookiesFor(scenario, origins);
        for (const url of start?.visits ?? []) await webdriver(driver.base, 'POST', `${session}/url`, { url });
        await webdriver(driver.base, 'POST', `${session}/url`, { url: `${origins.page}/runner.html` });
        const script = `const done = arguments[arguments.length - 1];
          ${runnerExpression(scenario, origins, null, start?.key)}.then(
            (result) => done({ result }),
            (error) => done({ error: String((error && error.message) || error) }),
          );`;
        const value = await webdriver<{ result?: RunnerResult; error?: string }>(driver.base, 'POST', `${session}/execute/async`, { script, args: [] });
        if (value.error !== undefined || !value.result) throw new Error(value.error ?? 'the runner returned nothing');
        return { result: value.result, consoleTexts: undefined };
      } finally {
        await webdriver(driver.base, 'DELETE', session, undefined, 10_000).catch(() => undefined);
      }
    },
    async close() {
      stopDriver(driver);
    },
  };
  // Learn the version now, from a first session, so the report has it even if every scenario fails.
  const probe = await newSession();
  await webdriver(driver.base, 'DELETE', `/session/${probe}`, undefined, 10_000).catch(() => undefined);
  return worker;
}
