// End-to-end tests in a real browser: Debian's Chromium (see scripts/e2e-fixtures.ts for how it is
// launched), against the real echo server serving the real production build of the web app, on loopback.
import { defineConfig } from '@playwright/test';
import { e2eOrigins, e2ePort } from './scripts/e2e-fixtures';

export default defineConfig({
  testDir: '.',
  testMatch: ['apps/*/e2e/**/*.spec.ts'],
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: { baseURL: e2eOrigins.page, trace: 'retain-on-failure' },
  webServer: {
    // The echo server serves every origin of the deployment, the web app's production build included.
    command: [
      'node apps/echo-server/dist/main.js --host 127.0.0.1',
      `--port ${e2ePort}`,
      `--page-origin ${e2eOrigins.page} --api-origin ${e2eOrigins.api} --other-origin ${e2eOrigins.other}`,
      '--web-dir apps/web/dist --log-level warn',
      // The npm four real middleware backends of policy mode (policy.spec.ts runs Express + cors).
      '--backends npm',
    ].join(' '),
    url: `http://127.0.0.1:${e2ePort}/__pg/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
