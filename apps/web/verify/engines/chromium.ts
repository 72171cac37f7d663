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
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunchOptions, freshChromiumProfile } from '../../../../scripts/chromium';
import type { RunnerResult } from '../../src/runner/types';
import { splitConsoleByRun, type ConsoleEntry } from '../console';
import { RUN_END_BINDING, runnerExpression, startingCookiesFor, type EngineRun, type EngineWorker } from './types';

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

/** A context with the runner already open and its console listened to. */
interface ReadyPage {
  context: BrowserContext;
  page: Page;
  entries: ConsoleEntry[];
  pageOrigin: string;
}

async function openRunner(context: BrowserContext, pageOrigin: string): Promise<ReadyPage> {
  const entries: ConsoleEntry[] = [];
  const page = await context.newPage();
  // Console messages of every frame of the page (OOPIFs included: Playwright attaches to them).
  page.on('console', (message) => entries.push({ kind: 'message', text: message.text() }));
  // Module scripts run before DOMContentLoaded; runnerExpression waits for the runner besides.
  await page.goto(`${pageOrigin}/runner.html`, { waitUntil: 'domcontentloaded' });
  return { context, page, entries, pageOrigin };
}

async function runIn(ready: ReadyPage, scenario: Scenario, origins: Origins): Promise<EngineRun> {
  // Console messages only need splitting between runs when there are several (exposing the binding
  // costs about as much as a small scenario).
  const split = scenario.repeat > 1;
  if (split) {
    await ready.page.exposeBinding(RUN_END_BINDING, (_source, index: number) => {
      ready.entries.push({ kind: 'boundary', index });
    });
  }
  // Starting cookies: top-level visits first (console entries of those pages are not the scenario's).
  const start = await startingCookiesFor(scenario, origins);
  if (start) {
    for (const url of start.visits) await ready.page.goto(url, { waitUntil: 'load' });
    await ready.page.goto(`${ready.pageOrigin}/runner.html`, { waitUntil: 'domcontentloaded' });
    ready.entries.length = 0;
  }
  const result = (await ready.page.evaluate(runnerExpression(scenario, origins, split ? RUN_END_BINDING : null, start?.key))) as RunnerResult;
  return { result, consoleTexts: splitConsoleByRun(ready.entries, result.runs.length) };
}

export async function startChromium(options: ChromiumOptions): Promise<EngineWorker> {
  let shared = options.freshBrowser ? undefined : await launch();
  const version = shared ? shared.browser.version() : await launch().then(async (probe) => {
    const text = probe.browser.version();
    await probe.dispose();
    return text;
  });

  // Opening a context and the runner page costs more than most scenarios: the next one is opened
  // while the current scenario runs. Each scenario still gets a context of its own, used once.
  let next: Promise<ReadyPage> | undefined;
  const prepare = (browser: Browser, pageOrigin: string): Promise<ReadyPage> => {
    const ready = browser.newContext().then((context) => openRunner(context, pageOrigin).catch(async (error: unknown) => {
      await context.close().catch(() => undefined);
      throw error;
    }));
    ready.catch(() => undefined); // awaited (and reported) by the run that takes it
    return ready;
  };
  const discard = async (pending: Promise<ReadyPage> | undefined) => {
    const ready = await pending?.catch(() => undefined);
    await ready?.context.close().catch(() => undefined);
  };

  return {
    engine: 'chromium',
    version: `Chromium ${version}`,
    async run(scenario, origins) {
      if (shared) {
        const browser = shared.browser;
        let pending = next;
        next = undefined;
        if (pending && (await pending.catch(() => undefined))?.pageOrigin !== origins.page) {
          await discard(pending);
          pending = undefined;
        }
        const ready = await (pending ?? prepare(browser, origins.page));
        next = prepare(browser, origins.page);
        try {
          return await runIn(ready, scenario, origins);
        } finally {
          await ready.context.close();
        }
      }
      // The default context of a new user-data-dir: exactly a user's new profile.
      const profile = freshChromiumProfile();
      const context = await chromium.launchPersistentContext('', chromiumLaunchOptions(profile.dir));
      try {
        return await runIn(await openRunner(context, origins.page), scenario, origins);
      } finally {
        await context.close();
        profile.dispose();
      }
    },
    async close() {
      await discard(next);
      next = undefined;
      await shared?.dispose();
      shared = undefined;
    },
  };
}
