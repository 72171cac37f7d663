// Everything from the keyboard: load a preset, edit the method, run, hear the verdict.
import type { Page } from '@playwright/test';
import { expect, test } from '../../../scripts/e2e-fixtures';
import { openPlayground } from './playground-helpers';

async function tabTo(page: Page, testId: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === testId) return;
  }
  throw new Error(`Tab never reached ${testId}`);
}

test('keyboard only: choose a preset, edit, run, read the verdict in the live region', async ({ page }) => {
  await openPlayground(page);
  await tabTo(page, 'preset-select');
  await page.keyboard.press('End'); // the last preset
  await tabTo(page, 'preset-load');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('method')).toHaveValue('GET');
  await tabTo(page, 'method');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('PUT');
  await tabTo(page, 'run');
  await page.keyboard.press('Enter');
  const verdict = page.getByTestId('browser-verdict');
  await expect(verdict).toHaveAttribute('aria-live', 'polite');
  await expect(verdict).toContainText('Throws before sending: TypeError');
});
