// Issue 15: policy mode run by the real middleware. Express + cors with origin "*" and credentials:
// the real Express (on the echo server, --backends npm in playwright.config.ts) sends "*" with
// credentials, real Chromium refuses it; the suggested policy fix names the origin, the next run passes.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../../../scripts/e2e-fixtures';

test.describe.configure({ timeout: 120_000 });
const SLOW = { timeout: 45_000 };

const credentialedGet = {
  id: 'policy-express-star',
  title: 'A credentialed GET to a server configured with Express cors',
  request: { url: '{api}/profile', credentials: 'include' },
  server: { routes: { '/profile': { actual: { status: 200, headers: [['Content-Type', 'text/plain']], body: 'ok' } } } },
};

async function runAndWait(page: Page, count: number): Promise<void> {
  await page.getByTestId('run').click();
  await expect(page.getByTestId('history-entry')).toHaveCount(count, SLOW);
  await expect(page.getByTestId('agreement')).not.toHaveAttribute('data-agreement', /pending|none/, SLOW);
}

test("Express + cors, origin '*' with credentials: the real answer, the browser's refusal, the suggested fix, a pass", async ({ page }) => {
  await page.goto(`/#scenario=${Buffer.from(JSON.stringify(credentialedGet)).toString('base64url')}`);
  await expect(page.getByTestId('run')).toBeVisible(SLOW);

  const policy = page.getByRole('region', { name: /^Policy/ });
  await policy.getByLabel(/Describe the server as a CORS policy/).check();
  await policy.getByLabel('Framework').selectOption('express-cors');
  // The server says which real backends it runs; Express + cors is one of them.
  const realExpress = policy.getByLabel(/the real Express \+ cors \(express \d+\.\d+\.\d+, cors \d+\.\d+\.\d+, on the server\)/);
  await expect(realExpress).toBeEnabled(SLOW);
  await realExpress.check();
  await policy.getByLabel(/"\*" \(any, answered with \*\)/).check();
  await policy.getByLabel(/Credentials \(Access-Control-Allow-Credentials: true\)/).check();
  // The model says what Express cors sends before anything runs.
  await expect(page.getByTestId('policy-explanation')).toContainText('Access-Control-Allow-Origin: *');

  await runAndWait(page, 1);
  // The real Express answered "*" with credentials (the recorded answer), and Chromium refused it.
  const real = page.getByTestId('policy-real-answers');
  await expect(real).toContainText('Access-Control-Allow-Origin: *');
  await expect(real).toContainText('Access-Control-Allow-Credentials: true');
  await expect(real).toContainText(/Answered by the real express-cors \(express \d+\.\d+\.\d+, cors \d+\.\d+\.\d+\)/);
  await expect(page.getByTestId('browser-verdict')).toHaveAttribute('data-tone', 'fail');
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');
  await expect(page.getByTestId('prediction')).toContainText('Access-Control-Allow-Origin is * but the request includes credentials');

  // The fix at the level of the policy: name the origin.
  await page.getByTestId('policy-fixes').getByRole('button', { name: 'Name the origin {page} instead of "*"' }).click();
  await expect(policy.getByLabel('Allowed origins')).toHaveValue('{page}');
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-outcome', 'ok');

  await runAndWait(page, 2);
  const origin = new URL(page.url()).origin;
  await expect(real).toContainText(`Access-Control-Allow-Origin: ${origin}`);
  await expect(real).toContainText('Vary: Origin');
  await expect(page.getByTestId('browser-verdict')).toHaveAttribute('data-tone', 'pass');
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');
});

test('the policy panel open, after a run through the real backend: no serious axe violation, nothing overflows on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const scenario = { ...credentialedGet, server: { ...credentialedGet.server, framework: 'express-cors', backend: 'real', policy: { allowOrigins: '*', credentials: true } } };
  await page.goto(`/#scenario=${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`);
  await expect(page.getByTestId('run')).toBeVisible(SLOW);
  await runAndWait(page, 1);
  await expect(page.getByTestId('policy-real-answers')).toContainText('Access-Control-Allow-Origin: *');
  await page.getByText('Which exports are checked by running the real software').click();
  const serious = (await new AxeBuilder({ page }).exclude('iframe[data-runner]').analyze()).violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
