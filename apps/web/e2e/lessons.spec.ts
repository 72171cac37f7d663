// Issue 13, workshop mode, in real Chromium against the real echo server: what a teacher hit (the answer
// on screen before Run; the result below the whole server form at 150% zoom of a 1280×720 projector), and
// a learner walking one whole lesson.
import { expect, test } from '../../../scripts/e2e-fixtures';
import { openPlayground } from './playground-helpers';

/** 150% zoom of a 1280×720 screen leaves 853×480 CSS pixels. */
const PROJECTOR_ZOOMED = { width: 853, height: 480 };

test.describe.configure({ timeout: 120_000 });

async function inViewport(locator: import('@playwright/test').Locator, viewport: { width: number; height: number }): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, 'the element is laid out').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + Math.min(box!.width, 100)).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + 24).toBeLessThanOrEqual(viewport.height);
}

test('issue 13: at 150% zoom of 1280×720 the playground shows the request and the result together', async ({ page }) => {
  await page.setViewportSize(PROJECTOR_ZOOMED);
  await openPlayground(page);
  await inViewport(page.getByRole('heading', { name: /^Request/ }), PROJECTOR_ZOOMED);
  await inViewport(page.getByRole('heading', { name: 'Result', exact: true }), PROJECTOR_ZOOMED);
});

test('issue 13: a lesson shows nothing of the answer before the learner has answered and run', async ({ page }) => {
  await page.goto('/#/lessons');
  await page.getByTestId('lesson-link').first().click();
  await expect(page.getByTestId('lesson-question').first()).toBeVisible();
  await expect(page.getByTestId('run')).toBeVisible();
  for (const giveaway of ['prediction', 'console', 'sequence', 'engines', 'agreement', 'scenario-notes', 'scenario-title']) {
    await expect(page.getByTestId(giveaway), `${giveaway} is hidden before the reveal`).toHaveCount(0);
  }
  await expect(page.locator('body')).not.toContainText('cors-core predicts');
  await expect(page.locator('body')).not.toContainText('Why, step by step');
});
