// The Playwright `test` every e2e spec imports: each worker gets its own Chromium with a fresh profile,
// launched by scripts/chromium.ts (never Playwright's defaults), and each test a fresh context.
import { chromium, test as base, type Browser } from '@playwright/test';
import { chromiumLaunchOptions, freshChromiumProfile } from './chromium';

export const e2ePort = Number(process.env.E2E_PORT ?? 41873);
export const e2eOrigins = {
  page: `http://web.localhost:${e2ePort}`,
  api: `http://api.localhost:${e2ePort}`,
  other: `http://other.localhost:${e2ePort}`,
};
/** Node cannot resolve *.localhost: Node-side calls to the server use this. */
export const e2eServerUrl = `http://127.0.0.1:${e2ePort}`;

export const test = base.extend<object, { browser: Browser }>({
  browser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const profile = freshChromiumProfile();
      const browser = await chromium.launch(chromiumLaunchOptions(profile.dir));
      await use(browser);
      await browser.close();
      profile.dispose();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
