// Chromium (Debian's build) through Playwright, launched exactly as the e2e tests launch it
// (scripts/chromium.ts): none of Playwright's CORS-affecting default switches, third-party cookies allowed.
//
// Isolation: each scenario gets a new browser context, which in Chromium is a new off-the-record
// profile with its own network context, so its own HTTP cache, cookie jar and CORS-preflight cache
// (services/network/cors/preflight_cache.cc lives in the NetworkContext). The preflight cache is also
// keyed by URL, and every scenario run has its own run id in its URLs, so an entry could not match
// another scenario even in a shared profile. `--fresh-browser` launches a new browser with a new
// user-data-dir per scenario and runs it in that profile's default (not off-the-record) context instead:
// slower, used to check that both ways observe the same.
import type { Origins, Scenario } from '@cors-playground/cors-core';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { chromiumLaunchOptions, freshChromiumProfile } from '../../../../scripts/chromium';
import type { RunnerResult } from '../../src/runner/types';
import { splitConsoleByRun, type ConsoleEntry } from '../console';
import { RUN_END_BINDING, runnerExpression, type EngineRun, type EngineWorker } from './types';

export interface ChromiumOptions {
  /** A new browser process and profile per scenario instead of a new context. */
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

async function runInContext(context: BrowserContext, scenario: Scenario, origins: Origins): Promise<EngineRun> {
  const entries: ConsoleEntry[] = [];
  const page = await context.newPage();
  // Console messages of every frame of the page (OOPIFs included: Playwright attaches to them).
  page.on('console', (message) => entries.push({ kind: 'message', text: message.text() }));
  await page.exposeBinding(RUN_END_BINDING, (_source, index: number) => {
    entries.push({ kind: 'boundary', index });
  });
  await page.goto(`${origins.page}/runner.html`, { waitUntil: 'load' });
  const result = (await page.evaluate(runnerExpression(scenario, origins, RUN_END_BINDING))) as RunnerResult;
  return { result, consoleTexts: splitConsoleByRun(entries, result.runs.length) };
}

export async function startChromium(options: ChromiumOptions): Promise<EngineWorker> {
  let shared = options.freshBrowser ? undefined : await launch();
  const version = shared ? shared.browser.version() : await launch().then(async (probe) => {
    const text = probe.browser.version();
    await probe.dispose();
    return text;
  });
  return {
    engine: 'chromium',
    version: `Chromium ${version}`,
    async run(scenario, origins) {
      if (shared) {
        const context = await shared.browser.newContext();
        try {
          return await runInContext(context, scenario, origins);
        } finally {
          await context.close();
        }
      }
      // The default context of a new user-data-dir: exactly a user's new profile.
      const profile = freshChromiumProfile();
      const context = await chromium.launchPersistentContext('', chromiumLaunchOptions(profile.dir));
      try {
        return await runInContext(context, scenario, origins);
      } finally {
        await context.close();
        profile.dispose();
      }
    },
    async close() {
      await shared?.dispose();
      shared = undefined;
    },
  };
}
