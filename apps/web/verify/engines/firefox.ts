// Firefox ESR through puppeteer-core over WebDriver BiDi (no geckodriver). Third-party cookies are
// allowed (`network.cookie.cookieBehavior: 0`) as in a default desktop browser. Each scenario runs in a
// new browser context (a BiDi user context: its own cookies, cache and CORS-preflight cache); its URLs
// carry their own run id besides.
import type { Origins, Scenario } from '@cors-playground/cors-core';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { RunnerResult } from '../../src/runner/types';
import { splitConsoleByRun, type ConsoleEntry } from '../console';
import { RUN_END_BINDING, runnerExpression, startingCookiesFor, type EngineRun, type EngineWorker } from './types';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Firefox reports a blocked request's console message from its parent process, after the page already
 * saw the rejection: wait this long after a run before the next one (or the end) so the message lands
 * in the run it belongs to.
 */
const CONSOLE_SETTLE_MS = 150;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFirefox(): Promise<EngineWorker> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: { 'network.cookie.cookieBehavior': 0 },
  });
  const version = await browser.version();
  return {
    engine: 'firefox',
    version: version.replace(/^firefox\//i, 'Firefox '),
    async run(scenario: Scenario, origins: Origins): Promise<EngineRun> {
      const context = await browser.createBrowserContext();
      try {
        const page = await context.newPage();
        const entries: ConsoleEntry[] = [];
        page.on('console', (message) => entries.push({ kind: 'message', text: message.text() }));
        // Firefox's CORS messages are error entries of the web console, not console API calls: over
        // BiDi they arrive as log entries of type "javascript", which puppeteer reports as `pageerror`.
        page.on('pageerror', (error) => entries.push({ kind: 'message', text: error instanceof Error ? error.message : String(error) }));
        await page.exposeFunction(RUN_END_BINDING, async (index: number) => {
          await sleep(CONSOLE_SETTLE_MS);
          entries.push({ kind: 'boundary', index });
        });
        const start = await startingCookiesFor(scenario, origins);
        for (const url of start?.visits ?? []) await page.goto(url, { waitUntil: 'load' });
        await page.goto(`${origins.page}/runner.html`, { waitUntil: 'load' });
        const result = (await page.evaluate(runnerExpression(scenario, origins, RUN_END_BINDING, start?.key))) as RunnerResult;
        return { result, consoleTexts: splitConsoleByRun(entries, result.runs.length) };
      } finally {
        await context.close();
      }
    },
    async close() {
      await browser.close();
    },
  };
}
