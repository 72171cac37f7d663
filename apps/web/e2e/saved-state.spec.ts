// Work survives a reload; corrupt or old saved state is reset with a notice, never a blank page.
import { expect, test } from '../../../scripts/e2e-fixtures';
import { openPlayground, runAndWait } from './playground-helpers';

test('edits survive a reload', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('method').fill('patch');
  await page.reload();
  await expect(page.getByTestId('method')).toHaveValue('patch');
});

for (const [what, saved] of [
  ['corrupt', '{"version":1,"scenario":'],
  ['old', JSON.stringify({ version: 0, scenario: { request: { url: '/x' } } })],
  ['invalid', JSON.stringify({ version: 1, scenario: { request: { url: '{api}/x', mode: 'sideways' } } })],
]) {
  test(`${what} saved state is reset with a notice, and the page works`, async ({ page }) => {
    await page.addInitScript((value) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('cors-playground:state', value);
        sessionStorage.setItem('seeded', '1');
      }
    }, saved);
    await openPlayground(page);
    await expect(page.getByTestId('notice')).toContainText('Your saved work could not be restored');
    await runAndWait(page);
    await expect(page.getByTestId('browser-verdict')).toContainText('Allowed');
  });
}
