// Chromium (Debian's build) through Playwright, launched exactly as the e2e tests launch it
// (scripts/chromium.ts): none of Playwright's CORS-affecting default switches, third-party cookies allowed.
//
// One browser per engine run; each worker is a lane (lane.ts) whose state is a browser context: an
// off-the-record profile with its own cookie jar, HTTP cache and CORS-preflight cache
// (services/network/cors/preflight_cache.cc lives in the NetworkContext), the runner page open in it.
// `--fresh-browser` launches a new browser with a new user-data-dir per scenario and runs it in that
// profile's default (not off-the-record) context instead: much slower, used to check that both ways
// observe the same.
import type { Origins, Scenario } from '@cors-playground/cors-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunchOptions, freshChromiumProfile } from '../../../../scripts/chromium';
import type { RunnerResult } from '../../src/runner/types';
import { splitConsoleByRun, type ConsoleEntry } from '../console';
import { lane, type LaneState } from './lane';
import { RUN_END_BINDING, runnerExpression, startingCookiesFor, type EngineDriver, type EngineRun, type EngineWorker } from './types';

export interface ChromiumOptions {
  /** Scenarios in parallel: lanes of one browser. */
  lanes: number;
  /** A new browser process and profile per scenario instead of lanes. */
  freshBrowser: boolean;
}

async function launch(): Promise<{ browser: Browser; dispose: () => Promise<void> }> {
  const profile = freshChromiumProfile();
  const browser = await chromium.launch(chromiumLaunchOptions(profile.dir));
  return {
    browser,
    dispose: async () => {
      await browser.close();
      profile.dispose();
    },
  };
}

/** A context with the runner open, its console listened to and the run-end binding exposed. */
interface RunnerPage extends LaneState {
  page: Page;
  entries: ConsoleEntry[];
}

async function openRunner(context: BrowserContext, pageOrigin: string): Promise<RunnerPage> {
  const entries: ConsoleEntry[] = [];
  const page = await context.newPage();
  // Console messages of every frame of the page (OOPIFs included: Playwright attaches to them).
  page.on('console', (message) => entries.push({ kind: 'message', text: message.text() }));
  await page.exposeBinding(RUN_END_BINDING, (_source, index: number) => {
    entries.push({ kind: 'boundary', index });
  });
  // Module scripts run before DOMContentLoaded; runnerExpression waits for the runner besides.
  await page.goto(`${pageOrigin}/runner.html`, { waitUntil: 'domcontentloaded' });
  return { page, entries, pageOrigin, isGone: () => page.isClosed(), dispose: () => context.close() };
}

async function runIn(runner: RunnerPage, scenario: Scenario, origins: Origins): Promise<EngineRun> {
  // Starting cookies: top-level visits first, then back to the runner (the lane is not reused after).
  const start = await startingCookiesFor(scenario, origins);
  if (start) {
    for (const url of start.visits) await runner.page.goto(url, { waitUntil: 'load' });
    await runner.page.goto(`${runner.pageOrigin}/runner.html`, { waitUntil: 'domcontentloaded' });
  }
  runner.entries.length = 0;
  // Not waited for: the binding call travels to the verifier after the run's console messages, in
  // order, so the runner goes on to the next run at once.
  const result = (await runner.page.evaluate(runnerExpression(scenario, origins, { name: RUN_END_BINDING, wait: false }, start?.key))) as RunnerResult;
  return { result, consoleTexts: splitConsoleByRun(runner.entries, result.runs.length) };
}

function roundTrip(runner: RunnerPage, scenario: Scenario, origins: Origins): Promise<unknown> {
  return runner.page.evaluate(runnerExpression(scenario, origins, null));
}

function chromiumLane(browser: Browser, version: string): EngineWorker {
  return lane('chromium', version, {
    async open(pageOrigin) {
      const context = await browser.newContext();
      return openRunner(context, pageOrigin).catch(async (error: unknown) => {
        await context.close().catch(() => undefined);
        throw error;
      });
    },
    runIn,
    roundTrip,
  });
}

/** `--fresh-browser`: the default context of a new user-data-dir per scenario, exactly a user's new profile. */
function freshBrowserWorker(version: string): EngineWorker {
  return {
    engine: 'chromium',
    version,
    async run(scenario, origins) {
      const profile = freshChromiumProfile();
      const context = await chromium.launchPersistentContext('', chromiumLaunchOptions(profile.dir));
      try {
        return await runIn(await openRunner(context, origins.page), scenario, origins);
      } finally {
        await context.close();
        profile.dispose();
      }
    },
    async baseline(origins, count) {
      const { browser, dispose } = await launch();
      try {
        return await chromiumLane(browser, version).baseline(origins, count);
      } finally {
        await dispose();
      }
    },
    recycle: async () => undefined,
    close: async () => undefined,
  };
}

export async function startChromium(options: ChromiumOptions): Promise<EngineDriver> {
  const { browser, dispose } = await launch();
  const version = `Chromium ${browser.version()}`;
  if (options.freshBrowser) {
    await dispose();
    return { version, workers: Array.from({ length: options.lanes }, () => freshBrowserWorker(version)), close: async () => undefined };
  }
  const workers = Array.from({ length: options.lanes }, () => chromiumLane(browser, version));
  return {
    version,
    workers,
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await dispose();
    },
  };
}
