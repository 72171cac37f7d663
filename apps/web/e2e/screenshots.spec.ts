// Screenshots for the README: light and dark, a passing and a failing run, at 1280×720. They are
// rewritten only on request (`UPDATE_SCREENSHOTS=1 pnpm exec playwright test apps/web/e2e/screenshots.spec.ts`),
// so a test run never changes tracked files; every run still checks that the screen shows the verdict.
import { fileURLToPath } from 'node:url';
import { expect, test } from '../../../scripts/e2e-fixtures';
import { choosePreset, openPlayground, runAndWait } from './playground-helpers';

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
