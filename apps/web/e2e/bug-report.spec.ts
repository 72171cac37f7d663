// From a bug report to a real run: paste a console error (or a cURL command, or a HAR file), load the
// scenario cors-core made of it, Run it in this Chromium, and the browser agrees with the prediction.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from '../../../scripts/e2e-fixtures';
import { runAndWait } from './playground-helpers';

// The machine these run on is shared: the page is given time to load.
test.setTimeout(120_000);

async function openPlayground(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('run').waitFor({ timeout: 60_000 });
}

async function readReport(page: Page, text: string): Promise<void> {
  await page.getByTestId('bug-report').click();
  await page.getByTestId('bug-report-text').fill(text);
  await page.getByTestId('bug-report-read').click();
}

test('paste an error: the first cause reproduces it in a real run', async ({ page }) => {
  await openPlayground(page);
  await readReport(page, "Access to fetch at 'https://api.example.com/v1/items' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.\nPOST https://api.example.com/v1/items net::ERR_FAILED");
  await expect(page.getByTestId('diagnosis')).toContainText('The preflight answer is not 2xx');
  await page.getByTestId('cause-load').first().click();
  await runAndWait(page);
  await expect(page.getByTestId('browser-verdict')).toContainText('Blocked');
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');
  await expect(page.getByTestId('console')).toContainText("It does not have HTTP ok status.");
});

test('paste a cURL command: the request runs as the browser would send it', async ({ page }) => {
  await openPlayground(page);
  await readReport(page, "curl 'https://api.example.com/v1/items?page=2' -H 'accept: application/json' -H 'origin: http://localhost:3000' -H 'sec-fetch-mode: cors'");
  await page.getByTestId('bug-report-load').click();
  await runAndWait(page);
  await expect(page.getByTestId('browser-verdict')).toContainText('Allowed');
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');
});

test('drop in a HAR recorded from Chromium: the failing request fails the same way', async ({ page }) => {
  await openPlayground(page);
  await readReport(page, readFileSync(join(import.meta.dirname, '..', '..', '..', 'packages', 'cors-core', 'src', 'import', 'fixtures', 'chromium-recorded.har'), 'utf8'));
  await page.getByTestId('bug-report-load').click();
  await runAndWait(page);
  await expect(page.getByTestId('browser-verdict')).toContainText('Blocked');
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');
});
