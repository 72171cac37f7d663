// A person edits a request, runs it for real, and reads the verdict, the diagram and the explanation.
import { e2eOrigins, e2ePort, expect, test } from '../../../scripts/e2e-fixtures';
import { choosePreset, openPlayground, runAndWait } from './playground-helpers';

test('edit a request, run it, read the verdict, the diagram and the explanation', async ({ page }) => {
  await openPlayground(page);
  // The default scenario: a simple GET the server allows.
  await runAndWait(page);
  await expect(page.getByTestId('browser-verdict')).toContainText('Allowed: script reads the response (status 200).');
  // The badge names the browser and its version (presets.spec.ts asserts agreement itself).
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', /agree|differ/);
  await expect(page.getByTestId('agreement')).toContainText(/(Chromium|Chrome) \d+/);
  const diagram = page.getByTestId('sequence');
  await expect(diagram).toContainText('GET');
  await expect(diagram).toContainText('200');
  await expect(diagram).toContainText(`Origin: ${e2eOrigins.page}`);
  // A hop opens to show every raw header the server received.
  await diagram.getByRole('button').first().click();
  await expect(page.getByTestId('raw-headers')).toContainText(new RegExp(`Host: api\\.localhost:${e2ePort}`, 'i'));

  // Edit: DELETE needs a preflight, and this route has no preflight answer (404).
  await page.getByTestId('method').fill('DELETE');
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-outcome', 'network-error');
  await runAndWait(page);
  await expect(page.getByTestId('browser-verdict')).toContainText('Blocked: TypeError');
  await expect(page.getByTestId('browser-verdict')).toContainText('The preflight failed, so the actual request was never sent.');
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');
  await expect(diagram).toContainText('OPTIONS');
  await expect(diagram).toContainText('404');
  await expect(page.getByTestId('explanation')).toContainText('fail');
  await expect(page.getByTestId('explanation').getByRole('link').first()).toHaveAttribute('href', /^https:\/\/(fetch|xhr)\.spec\.whatwg\.org\//);
  await expect(page.getByTestId('console')).toContainText("has been blocked by CORS policy");
  await expect(page.getByTestId('history-entry')).toHaveCount(2);
});

test('an invalid header name is flagged before Run, and running anyway shows the browser TypeError', async ({ page }) => {
  await openPlayground(page);
  await choosePreset(page, 'invalid-header-name');
  await expect(page.getByText('is not a valid header name: the browser throws a TypeError before sending')).toBeVisible();
  await runAndWait(page);
  await expect(page.getByTestId('browser-verdict')).toContainText('Throws before sending: TypeError');
  await expect(page.getByTestId('sequence')).toContainText('Nothing reached the server.');
});

test('a repeat shows the preflight cache at work', async ({ page }) => {
  await openPlayground(page);
  await choosePreset(page, 'max-age-cache');
  await runAndWait(page);
  await expect(page.getByTestId('browser-verdict')).toContainText('Repeat 1: Allowed: script reads the response (status 200). 1 preflight sent.');
  await expect(page.getByTestId('browser-verdict')).toContainText('Repeat 2: Allowed: script reads the response (status 200). No preflight (cached or not needed).');
});

test('the JSON editor loads Monaco locally and keeps invalid text', async ({ page }) => {
  const external: string[] = [];
  page.on('request', (request) => {
    if (!request.url().includes(`localhost:${e2ePort}`)) external.push(request.url());
  });
  await openPlayground(page);
  await page.getByRole('tab', { name: /Scenario JSON/ }).click();
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('{ "request": ');
  await expect(page.getByTestId('json-issues')).toContainText('invalid JSON');
  await page.reload();
  await page.getByRole('tab', { name: /Scenario JSON \(has errors\)/ }).click();
  await expect(page.getByTestId('json-issues')).toBeVisible();
  expect(external).toEqual([]);
});
