// Shared steps of the playground's e2e tests: what a person does, expressed once.
import type { Page } from '@playwright/test';
import { expect } from '../../../scripts/e2e-fixtures';

/** Opens the playground with empty storage, unless `keepStorage`. */
export async function openPlayground(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('run')).toBeVisible();
}

export async function choosePreset(page: Page, id: string): Promise<void> {
  await page.getByTestId('preset-select').selectOption(id);
  await page.getByTestId('preset-load').click();
}

/** Presses Run and waits until the run is over (the agreement badge leaves "pending"). */
export async function runAndWait(page: Page): Promise<void> {
  const before = await page.getByTestId('history-entry').count();
  await page.getByTestId('run').click();
  await expect(page.getByTestId('history-entry')).toHaveCount(before + 1);
  await expect(page.getByTestId('agreement')).not.toHaveAttribute('data-agreement', /pending|none/, { timeout: 20_000 });
}
