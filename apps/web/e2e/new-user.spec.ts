// Issue 12: a new user took the playground through three tasks and the screen got in the way. One test
// per problem they hit, each written to fail before its fix.
import { expect, test } from '../../../scripts/e2e-fixtures';
import { choosePreset, openPlayground, runAndWait } from './playground-helpers';

// The machine running the suite may be shared and slow: these walk through several screens each.
test.describe.configure({ timeout: 120_000 });

test('item 1: header names and drop-downs are readable in full at 1280 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPlayground(page);
  await choosePreset(page, 'max-age-cache');
  // The longest response header name a user types, in a new row.
  await page.getByRole('button', { name: '+ Add header' }).nth(1).click();
  await page.locator('.header-name').last().fill('Access-Control-Allow-Credentials');
  const names = await page.locator('.header-name').evaluateAll((inputs) =>
    (inputs as HTMLInputElement[]).map((input) => ({ value: input.value, fits: input.scrollWidth <= input.clientWidth })),
  );
  expect(names.map((name) => name.value)).toEqual(expect.arrayContaining(['Access-Control-Allow-Origin', 'Access-Control-Allow-Methods', 'Access-Control-Max-Age', 'Access-Control-Allow-Credentials']));
  expect(names.filter((name) => !name.fits)).toEqual([]);
  // A select's text is cut off when it is wider than the box minus the arrow.
  const selects = await page.locator('select').evaluateAll((elements) =>
    (elements as HTMLSelectElement[]).map((select) => {
      const context = document.createElement('canvas').getContext('2d')!;
      const style = getComputedStyle(select);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]?.text ?? '';
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return { text, fits: context.measureText(text).width <= room };
    }),
  );
  expect(selects.map((select) => select.text)).toEqual(expect.arrayContaining([expect.stringContaining('http://web.localhost'), '(default: follow)']));
  expect(selects.filter((select) => !select.fits)).toEqual([]);
});

test('item 2: after Share, a later edit survives a reload', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('method').fill('PUT');
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-link')).toHaveValue(/#s=/);
  await page.getByTestId('method').fill('DELETE');
  await page.reload();
  await expect(page.getByTestId('method')).toHaveValue('DELETE');
});

test('item 2: loading a preset over hand-built work can be undone, and the undo survives a reload', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('method').fill('PATCH');
  await page.getByTestId('url').fill('{api}/mine');
  await choosePreset(page, 'credentials-with-star');
  await expect(page.getByTestId('url')).toHaveValue('{api}/me');
  await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('url')).toHaveValue('{api}/mine');
  await expect(page.getByTestId('method')).toHaveValue('PATCH');
  await page.reload();
  await expect(page.getByTestId('url')).toHaveValue('{api}/mine');
});

test('item 3: a new scenario has its own title and notes, its export is named after it, and a stale expect is dropped', async ({ page }) => {
  await openPlayground(page);
  await choosePreset(page, 'json-body-preflight');
  // The preset's expect says a preflight is sent; a GET without a body needs none.
  await page.getByTestId('method').fill('GET');
  await page.getByRole('checkbox', { name: 'Send a body' }).uncheck();
  await page.getByRole('button', { name: 'Remove header 1' }).first().click();
  await expect(page.getByTestId('expect-status')).toContainText('no longer matched');
  await page.getByRole('tab', { name: /Scenario JSON/ }).click();
  await expect(page.locator('.monaco-editor, [data-testid="json-text"]').first()).not.toContainText('"expect"');

  await page.getByTestId('new-scenario').click();
  await expect(page.getByTestId('scenario-title-input')).toHaveValue('');
  await expect(page.getByTestId('scenario-title-input')).toHaveAttribute('placeholder', 'Untitled scenario');
  await expect(page.getByTestId('scenario-title-input')).toBeFocused();
  await page.keyboard.type('My orders API');
  await page.getByTestId('scenario-notes-input').fill('Why `PUT` needs a preflight');
  await page.getByTestId('edit-notes').click();
  await expect(page.getByTestId('scenario-title')).toHaveText('My orders API');
  await expect(page.getByTestId('scenario-notes').locator('code')).toHaveText('PUT');
  const download = page.waitForEvent('download');
  await page.getByTestId('export').click();
  expect((await download).suggestedFilename()).toBe('my-orders-api.json');
});

test('item 4: logical URLs in the diagram, the raw wire bytes one click away, the console panel names the wire URL', async ({ page }) => {
  await openPlayground(page);
  await choosePreset(page, 'cross-origin-redirect-null-origin');
  await runAndWait(page);
  const diagram = page.getByTestId('sequence');
  await expect(diagram).toContainText(/Location: http:\/\/other\.localhost:\d+\/final/);
  await expect(diagram).not.toContainText('/r/');
  await diagram.getByRole('button').first().click();
  await expect(page.getByTestId('raw-headers')).toContainText(/Location: http:\/\/other\.localhost:\d+\/r\//);
  await expect(page.getByTestId('console')).toContainText('wire URL');
});

test('item 5: at 390 px, Run and the verdict stay in reach; Ctrl+Enter runs; the focus stays on Run', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page);
  const run = page.getByTestId('run');
  await expect(run).toBeInViewport();
  await expect(run).toHaveAttribute('title', /Ctrl\+Enter/);
  await page.getByTestId('method').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('history-entry')).toHaveCount(1);
  await expect(page.getByTestId('run-bar-verdict')).toBeInViewport();
  await expect(page.getByTestId('run-bar-verdict')).toContainText('Allowed');
  await run.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('history-entry')).toHaveCount(2);
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('run');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('history-entry')).toHaveCount(3);
});

test('item 6: where the cache is mentioned, the page says each Run click starts with an empty preflight cache', async ({ page }) => {
  await openPlayground(page);
  await choosePreset(page, 'max-age-cache');
  await expect(page.getByTestId('cache-hint')).toContainText('Each Run click uses new URLs');
});

test('item 7: the three engines side by side, this browser named, the prediction engine kept in a share link', async ({ page, context }) => {
  await openPlayground(page);
  await choosePreset(page, 'engines-differ-cached-wildcard');
  const table = page.getByTestId('engines');
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: /Chromium/ })).toContainText('this browser');
  await expect(table.getByRole('row', { name: /Firefox/ }).locator('[data-differs="true"]').first()).toBeVisible();
  await page.getByTestId('prediction-engine').getByText('WebKit').click();
  await runAndWait(page);
  // The badge compares Chromium's run with Chromium's rules, and says so while WebKit's are shown.
  await expect(page.getByTestId('agreement')).toContainText("with Chromium's rules");
  await expect(page.getByTestId('agreement')).toContainText('WebKit');
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('prediction-engine').getByRole('radio', { name: 'WebKit' })).toBeChecked();
});

test('item 8: notes render inline code, the header bar keeps its place, the JSON issues are in sight', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page);
  await choosePreset(page, 'json-body-preflight');
  await expect(page.getByTestId('scenario-notes').locator('code')).toHaveText('Content-Type: application/json');
  const theme = page.getByTestId('theme');
  const before = await theme.boundingBox();
  await page.getByTestId('import').click();
  await page.getByTestId('share').click();
  expect(await theme.boundingBox()).toEqual(before);
  await page.getByRole('tab', { name: /Scenario JSON/ }).click();
  await page.getByTestId('json-text').or(page.locator('.monaco-editor .view-lines')).first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('{ "request": ');
  await expect(page.getByTestId('json-issues')).toBeInViewport();
});

test('item 9: a URL outside the playground is flagged before Run', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('url').fill('https://api.example.com/orders');
  await expect(page.getByTestId('url-outside')).toContainText("only the playground's origins answer");
});
