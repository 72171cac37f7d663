// Every preset, run for real in Chromium: cors-core's prediction must agree with what happened.
import { expect, test } from '../../../scripts/e2e-fixtures';
import { PRESETS } from '../src/presets/presets';
import { choosePreset, openPlayground, runAndWait } from './playground-helpers';

for (const id of PRESETS.map((preset) => preset.id ?? 'scenario')) {
  test(`preset ${id}: prediction agrees with Chromium`, async ({ page }) => {
    await openPlayground(page);
    await choosePreset(page, id);
    await runAndWait(page);
    const badge = page.getByTestId('agreement');
    await expect(badge, await badge.innerText()).toHaveAttribute('data-agreement', 'agree');
  });
}
