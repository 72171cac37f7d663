// Issue 10: cookies across the runs of a scenario, shown as observed next to predicted, and the site
// relation of the target. Real Chromium, real echo server (three runs, credentialed).
import { fileURLToPath } from 'node:url';
import { expect, test } from '../../../scripts/e2e-fixtures';
import type { Page } from '@playwright/test';

// Three runs with cookies on a shared machine: generous limits (the assertions stay the same).
test.describe.configure({ timeout: 180_000 });
const SLOW = { timeout: 60_000 };

async function openPlayground(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('run')).toBeVisible(SLOW);
}

async function runAndWait(page: Page): Promise<void> {
  await page.getByTestId('run').click(SLOW);
  await expect(page.getByTestId('history-entry')).toHaveCount(1, SLOW);
  await expect(page.getByTestId('agreement')).not.toHaveAttribute('data-agreement', /pending|none/, SLOW);
}

const dir = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

function scenarioLink(scenario: unknown): string {
  return `/#scenario=${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;
}

const answer = (target: string) => ({
  status: 200,
  headers: [
    ['Access-Control-Allow-Origin', '{page}'], ['Access-Control-Allow-Credentials', 'true'], ['Access-Control-Expose-Headers', 'X-Request-Id'],
    ['X-Request-Id', '7'], ['X-Secret', 's3cret'], ['Set-Cookie', 'sid=abc123; Path=/'],
  ],
  body: `hello from ${target}`,
});

const credentialed = (target: '{samesite}' | '{api}') => ({
  id: 'cookie-three-runs', page: '{page}', repeat: 3,
  request: { url: `${target}/login`, credentials: 'include' },
  server: { routes: { '/login': { actual: answer(target) } } },
});

test('a credentialed scenario over three runs: the stored cookie, the cookie sent on run 2, the readable headers, agreeing with the prediction', async ({ page }) => {
  await openPlayground(page, scenarioLink(credentialed('{samesite}')));
  await expect(page.getByTestId('site-relation')).toHaveAttribute('data-relation', 'same-site');
  await expect(page.getByTestId('site-relation')).toContainText('cross-origin, same-site');
  await runAndWait(page);
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');
  const run = (index: number) => page.getByTestId(`script-reads-run-${index}`);
  // Run 1 sends nothing and the answer sets the cookie; runs 2 and 3 send it (the server's record).
  await expect(run(0).getByTestId('observed-cookie')).toContainText('no Cookie');
  await expect(run(1).getByTestId('observed-cookie')).toContainText('Cookie: sid=abc123');
  await expect(run(1).getByTestId('predicted-cookie')).toContainText('Cookie: sid=abc123');
  await expect(run(2).getByTestId('observed-cookie')).toContainText('Cookie: sid=abc123');
  await expect(run(0).getByTestId('predicted-jar')).toContainText('sid=abc123');
  // What script read: the exposed header, not the others; Set-Cookie never.
  await expect(run(1).getByTestId('readable-x-request-id')).toContainText('exposed: 7');
  await expect(run(1).getByTestId('readable-x-secret').locator('td').first()).toHaveText('hidden');
  await expect(run(1).getByTestId('readable-set-cookie').locator('td').first()).toHaveText('hidden');
  await expect(run(1).getByTestId('set-cookie-never')).toBeVisible();
  await expect(run(1).getByTestId('observed-body')).toHaveText(/^hello from http:\/\/api\.web\.localhost:\d+$/);
  if (process.env.UPDATE_SCREENSHOTS) {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('script-reads').screenshot({ path: `${dir}cookies-script-reads.png` });
    await page.getByTestId('site-relation').screenshot({ path: `${dir}cookies-site-relation.png` });
  }
});

test('the user case: from web.localhost to api.localhost the Lax-by-default cookie never comes back, and the explanation says why', async ({ page }) => {
  await openPlayground(page, scenarioLink({ ...credentialed('{api}'), repeat: 2 }));
  await expect(page.getByTestId('site-relation')).toHaveAttribute('data-relation', 'cross-site');
  await runAndWait(page);
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');
  await expect(page.getByTestId('script-reads-run-1').getByTestId('observed-cookie')).toContainText('no Cookie');
  await expect(page.getByText('it is `SameSite=Lax` by default', { exact: false }).or(page.getByText('Lax by default (no SameSite attribute)', { exact: false })).first()).toBeVisible();
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: `${dir}cookies-user-case-cross-site.png`, fullPage: true });
});

test('a scenario that starts logged in on the same-site API: the playground sets the cookie by a visit before run 1', async ({ page }) => {
  await openPlayground(page, scenarioLink({
    id: 'starts-logged-in', page: '{page}',
    cookies: [{ origin: '{samesite}', setCookie: 'sid=start; SameSite=Lax' }],
    request: { url: '{samesite}/me', credentials: 'include' },
    server: { routes: { '/me': { actual: answer('{samesite}') } } },
  }));
  await runAndWait(page);
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');
  await expect(page.getByTestId('script-reads-run-0').getByTestId('observed-cookie')).toContainText('Cookie: sid=start');
});
