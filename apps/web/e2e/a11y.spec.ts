// axe in real Chromium: no serious or critical violations, light and dark, before and after a run,
// at desktop and phone widths.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../../../scripts/e2e-fixtures';
import { choosePreset, openPlayground, runAndWait } from './playground-helpers';

for (const scheme of ['light', 'dark'] as const) {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
    test(`axe: ${scheme}, ${viewport.width}px wide, before and after a failing run`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);
      await openPlayground(page);
      const serious = async () =>
        (await new AxeBuilder({ page }).exclude('iframe[data-runner]').analyze()).violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      expect(await serious()).toEqual([]);
      await choosePreset(page, 'credentials-with-star');
      await runAndWait(page);
      await page.getByTestId('sequence').getByRole('button').first().click();
      expect(await serious()).toEqual([]);
      // Nothing overflows sideways on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
}
