// Opening share links: restored but never run; broken or hostile links load nothing and say why.
import { validateScenario } from '@cors-playground/cors-core';
import { expect, test } from '../../../scripts/e2e-fixtures';
import { PRESETS } from '../src/presets/presets';
import { encodePlainFragment, encodeShareFragment } from '../src/share/share-link';
import { openPlayground, runAndWait } from './playground-helpers';

function preset(id: string) {
  const result = validateScenario(PRESETS.find((p) => p.id === id));
  if (!result.ok) throw new Error(`bad preset ${id}`);
  return result.scenario;
}

test('a share link restores the scenario and does not run it until Run is clicked', async ({ page }) => {
  const scenarioRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/r/')) scenarioRequests.push(request.url());
  });
  await openPlayground(page, `/#${encodeShareFragment(preset('lower-case-patch'))}`);
  await expect(page.getByTestId('notice')).toContainText('It has not run: press Run to perform it.');
  await expect(page.getByTestId('method')).toHaveValue('patch');
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'none');
  await expect(page.getByTestId('history-entry')).toHaveCount(0);
  expect(scenarioRequests).toEqual([]);
  expect(new URL(page.url()).hash).toBe('');
  await runAndWait(page);
  await expect(page.getByTestId('browser-verdict')).toContainText('Blocked');
});

test('the #scenario=<base64url JSON> automation hook works too', async ({ page }) => {
  await openPlayground(page, `/#${encodePlainFragment(preset('no-cors-opaque'))}`);
  await expect(page.getByTestId('scenario-title')).toHaveText('mode: "no-cors" gives an opaque response');
});

test('a share made in the page opens the same scenario elsewhere', async ({ page, context }) => {
  await openPlayground(page);
  await page.getByTestId('method').fill('PUT');
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('method')).toHaveValue('PUT');
});

test('a broken or hostile link loads nothing and says what is wrong, with paths', async ({ page }) => {
  const hostile = { request: { url: '{api}/x', mode: 'sideways' }, server: { routes: { '/x': { actual: { status: 200, headers: [['X', 'a\r\nSet-Cookie: evil=1']] } } } } };
  const fragment = `scenario=${Buffer.from(JSON.stringify(hostile)).toString('base64url')}`;
  await openPlayground(page, `/#${fragment}`);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('This link could not be opened; nothing was loaded');
  await expect(notice).toContainText('request.mode');
  await expect(notice).toContainText('server.routes["/x"].actual.headers[0][1]');
  await expect(page.getByTestId('url')).toHaveValue('{api}/resource');
  await page.goto('/#s=not*base64');
  await expect(page.getByTestId('notice').last()).toContainText('not base64url');
});
