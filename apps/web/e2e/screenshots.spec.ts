// Screenshots for the README: light and dark, a passing and a failing run, at 1280×720. They are
// rewritten only on request (`UPDATE_SCREENSHOTS=1 pnpm exec playwright test apps/web/e2e/screenshots.spec.ts`),
// so a test run never changes tracked files; every run still checks that the screen shows the verdict.
import { fileURLToPath } from 'node:url';
import { expect, test } from '../../../scripts/e2e-fixtures';
import { choosePreset, openPlayground, runAndWait } from './playground-helpers';

// Each walks through a run; the machine running the suite may be shared and slow.
test.describe.configure({ timeout: 120_000 });

const dir = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

for (const scheme of ['light', 'dark'] as const) {
  for (const [kind, preset] of [['pass', 'json-body-preflight'], ['fail', 'credentials-with-star']] as const) {
    test(`screenshot: ${scheme}, ${kind}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 720 });
      await openPlayground(page);
      await choosePreset(page, preset);
      await runAndWait(page);
      await expect(page.getByTestId('browser-verdict')).toHaveAttribute('data-tone', kind);
      await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');
      if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: `${dir}playground-${scheme}-${kind}.png`, fullPage: true });
    });
  }
}

// Issue 12's after pictures (the before ones were taken from the build before the fix): the header
// rows of a preflight answer at 1280 px, and the three engines side by side with WebKit's rules shown.
test('screenshot: issue 12, header names readable at 1280 px', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await openPlayground(page);
  await choosePreset(page, 'max-age-cache');
  await expect(page.locator('.header-name').first()).toHaveValue('Access-Control-Allow-Origin');
  if (process.env.UPDATE_SCREENSHOTS) await page.locator('.edit-column').screenshot({ path: `${dir}issue-12-header-names-after.png` });
});

test('screenshot: issue 12, the three engines side by side', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await openPlayground(page);
  await choosePreset(page, 'engines-differ-cached-wildcard');
  await runAndWait(page);
  await page.getByTestId('prediction-engine').getByText('WebKit').click();
  await expect(page.getByTestId('agreement')).toContainText("WebKit's rules");
  if (process.env.UPDATE_SCREENSHOTS) await page.locator('.result-column').screenshot({ path: `${dir}issue-12-engines-after.png` });
});
