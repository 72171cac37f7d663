// Firefox ESR through puppeteer-core over WebDriver BiDi (no geckodriver). Third-party cookies are
// allowed (`network.cookie.cookieBehavior: 0`) as in a default desktop browser; the pref is the
// browser's, so it holds in every user context.
//
// One browser per engine run; each worker is a lane (lane.ts) whose state is a BiDi user context (its
// own cookies, cache and CORS-preflight cache) with the runner page open in it.
import type { Origins, Scenario } from '@cors-playground/cors-core';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { RunnerResult } from '../../src/runner/types';
import { splitConsoleByRun, type ConsoleEntry } from '../console';
import { lane, type LaneState } from './lane';
import { RUN_END_BINDING, runnerExpression, startingCookiesFor, type EngineDriver, type EngineRun } from './types';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Firefox reports a blocked request's console message from its parent process, usually before the page
 * sees the rejection but not always: after a run that failed, the next run (or the end) waits until a
 * message of this run has arrived and then FOLLOW_UP_MS more (Firefox's generic follow-up line comes
 * with it), or CONSOLE_SETTLE_MS when none arrives (a run may print nothing), so every message lands in
 * the run it belongs to. A run whose response reached the script is not waited for.
 */
const CONSOLE_SETTLE_MS = 150;
const FOLLOW_UP_MS = 50;
const POLL_MS = 10;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** True when a console message arrived after the last run boundary. */
function messageSinceBoundary(entries: readonly ConsoleEntry[]): boolean {
  const last = entries.at(-1);
  return last !== undefined && last.kind === 'message';
}

async function settleConsole(entries: readonly ConsoleEntry[]): Promise<void> {
  for (let waited = 0; waited < CONSOLE_SETTLE_MS; waited += POLL_MS) {
    if (messageSinceBoundary(entries)) return sleep(FOLLOW_UP_MS);
    await sleep(POLL_MS);
  }
}

interface RunnerPage extends LaneState {
  page: Page;
  entries: ConsoleEntry[];
}

async function openRunner(browser: Browser, pageOrigin: string): Promise<RunnerPage> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const entries: ConsoleEntry[] = [];
    page.on('console', (message) => entries.push({ kind: 'message', text: message.text() }));
    // Firefox's CORS messages are error entries of the web console, not console API calls: over
    // BiDi they arrive as log entries of type "javascript", which puppeteer reports as `pageerror`.
    page.on('pageerror', (error) => entries.push({ kind: 'message', text: error instanceof Error ? error.message : String(error) }));
    await page.exposeFunction(RUN_END_BINDING, async (index: number, outcomeKind: string) => {
      if (outcomeKind !== 'resolved') await settleConsole(entries);
      entries.push({ kind: 'boundary', index });
    });
    await page.goto(`${pageOrigin}/runner.html`, { waitUntil: 'load' });
    return { page, entries, pageOrigin, isGone: () => page.isClosed(), dispose: () => context.close() };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

async function runIn(runner: RunnerPage, scenario: Scenario, origins: Origins): Promise<EngineRun> {
  // Starting cookies: top-level visits first, then back to the runner (the lane is not reused after).
  const start = await startingCookiesFor(scenario, origins);
  if (start) {
    for (const url of start.visits) await runner.page.goto(url, { waitUntil: 'load' });
    await runner.page.goto(`${runner.pageOrigin}/runner.html`, { waitUntil: 'load' });
  }
  runner.entries.length = 0;
  const result = (await runner.page.evaluate(runnerExpression(scenario, origins, { name: RUN_END_BINDING, wait: true }, start?.key))) as RunnerResult;
  return { result, consoleTexts: splitConsoleByRun(runner.entries, result.runs.length) };
}

export async function startFirefox(options: { lanes: number }): Promise<EngineDriver> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: { 'network.cookie.cookieBehavior': 0 },
  });
  const version = (await browser.version()).replace(/^firefox\//i, 'Firefox ');
  const workers = Array.from({ length: options.lanes }, () =>
    lane('firefox', version, {
      open: (pageOrigin) => openRunner(browser, pageOrigin),
      runIn,
      roundTrip: (runner, scenario, origins) => runner.page.evaluate(runnerExpression(scenario, origins, null)),
    }),
  );
  return {
    version,
    workers,
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await browser.close();
    },
  };
}
