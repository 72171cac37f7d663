// Screenshots for the README: light and dark, a passing and a failing run, at 1280×720.
import { fileURLToPath } from 'node:url';
import { test } from '../../../scripts/e2e-fixtures';
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
      await page.screenshot({ path: `${dir}playground-${scheme}-${kind}.png`, fullPage: true });
    });
  }
}
