// Apply a suggested fix, then the real Run confirms it: a failing scenario runs and is refused by this
// Chromium, cors-core's safest fix is applied with one click (and can be undone), and the next real
// Run passes and agrees with the prediction. The safety lens flags a scenario that passes dangerously.
import { expect, test } from '../../../scripts/e2e-fixtures';
import { choosePreset, openPlayground, runAndWait } from './playground-helpers';

// The machine these run on is shared: the page is given time to load.
test.setTimeout(120_000);

test('preflight answered 401 by auth middleware: run, apply the safest fix, run again: a real pass', async ({ page }) => {
  await openPlayground(page);
  await choosePreset(page, 'preflight-401');
  await runAndWait(page);
  await expect(page.getByTestId('browser-verdict')).toContainText('Blocked');
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');

  const fixes = page.getByTestId('fix-suggestion');
  await expect(fixes.first()).toContainText('safest');
  await expect(fixes.first()).toContainText('answer the preflight with 204 instead of 401');
  await fixes.first().getByRole('button', { name: /Apply/ }).click();
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-outcome', 'ok');
  await expect(page.getByTestId('fix-suggestion')).toHaveCount(0);

  await runAndWait(page);
  await expect(page.getByTestId('browser-verdict')).toContainText('Allowed');
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');

  // The fix can be undone: the failing scenario comes back, and so do the fixes.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-outcome', 'network-error');
  await expect(page.getByTestId('fix-suggestion').first()).toBeVisible();
});

test('`*` with credentials: apply the fix that names the origin: a real pass, no safety flag', async ({ page }) => {
  await openPlayground(page);
  await choosePreset(page, 'credentials-with-star');
  await runAndWait(page);
  await expect(page.getByTestId('browser-verdict')).toContainText('Blocked');

  const fix = page.getByTestId('fix-suggestion').first();
  await expect(fix).toContainText('Access-Control-Allow-Origin: {page}');
  await expect(page.getByTestId('fix-suggestion')).toHaveCount(1);
  await fix.getByRole('button', { name: /Apply/ }).click();

  await runAndWait(page);
  await expect(page.getByTestId('browser-verdict')).toContainText('Allowed');
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');
  await expect(page.getByTestId('safety-risk')).toHaveCount(0);
});

test('the safety lens: a reflected origin with credentials passes, and is flagged with the reason', async ({ page }) => {
  await openPlayground(page);
  await choosePreset(page, 'credentials-allowed');
  await expect(page.getByTestId('safety-risk')).toHaveCount(0);
  // Reflect whatever Origin arrives instead of naming the page, as many servers do.
  const values = page.locator('input.header-value');
  const at = (await values.evaluateAll((inputs) => (inputs as HTMLInputElement[]).map((input) => input.value))).indexOf('{page}');
  expect(at).toBeGreaterThanOrEqual(0);
  await values.nth(at).fill('{request.origin}');
  await runAndWait(page);
  await expect(page.getByTestId('browser-verdict')).toContainText('Allowed');
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');
  const risk = page.getByTestId('safety-risk').first();
  await expect(risk).toHaveAttribute('data-severity', 'high');
  await expect(risk).toContainText('any site the user visits can read these answers');
});
