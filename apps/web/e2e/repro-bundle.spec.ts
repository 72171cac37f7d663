// The repro bundle's standalone page, run in real Chromium: exported from the playground, opened from
// the scenario's page origin and pointed at the real echo server, it reports the outcome the scenario's
// `expect` records. A scenario full of hostile text (a share link's) runs no script of its own.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { reproBundle, resolveScenario, validateScenario } from '@cors-playground/cors-core';
import { encodeRoutes, newRunKey, toWireUrl } from '@cors-playground/wire';
import { e2eOrigins, expect, test } from '../../../scripts/e2e-fixtures';
import { choosePreset, openPlayground } from './playground-helpers';

test.setTimeout(120_000);

/**
 * Opens `html` as a document of the web origin and presses its Run. The document is written into a
 * page the echo server served (a plain-text 404): a page Playwright fulfils itself would not be a local
 * page, and Chromium's local-network rules would then refuse its requests to the loopback API.
 */
async function runReproPage(page: Page, html: string): Promise<string> {
  await page.goto(`${e2eOrigins.page}/__repro-test/not-found.txt`).catch(() => undefined);
  await page.evaluate((text) => {
    document.open();
    document.write(text);
    document.close();
  }, html);
  await page.locator('#run').click();
  await expect(page.locator('body')).toHaveAttribute('data-outcomes', /\S/, { timeout: 30_000 });
  return (await page.locator('body').getAttribute('data-outcomes')) ?? '';
}

async function exportedPage(page: Page, presetId: string): Promise<string> {
  await openPlayground(page);
  await choosePreset(page, presetId);
  await page.getByTestId('repro-export').click();
  await expect(page.getByTestId('repro-file')).toHaveCount(5);
  const downloaded = page.waitForEvent('download');
  await page.getByTestId('repro-file').filter({ hasText: 'repro.html' }).click();
  const path = await (await downloaded).path();
  return readFileSync(path, 'utf8');
}

for (const [presetId, outcome] of [['preflight-401', 'network-error'], ['credentials-allowed', 'ok'], ['json-body-preflight', 'ok']] as const) {
  test(`exported repro.html of "${presetId}" reports ${outcome} against the real echo server, as the scenario's expect says`, async ({ page }) => {
    const html = await exportedPage(page, presetId);
    const outcomes = await runReproPage(page, html);
    expect(outcomes).toBe(outcome);
    await expect(page.locator('.outcome').first()).toContainText(`cors-core predicted ${outcome}`);
    if (outcome === 'network-error') await expect(page.locator('.error').first()).toContainText('TypeError');
  });
}

test('hostile text in the scenario is printed, never run', async ({ page }) => {
  const injected: string[] = [];
  await page.exposeFunction('pwned', (which: string) => injected.push(which));
  page.on('dialog', (dialog) => {
    injected.push(`dialog ${dialog.message()}`);
    void dialog.dismiss();
  });
  const hostileValue = '</script><script>pwned("header")</script>';
  const validation = validateScenario({
    id: 'hostile',
    title: '<img src=x onerror="pwned(\'title\')"></title><script>pwned("title2")</script>',
    request: { url: '{api}/hostile?q="><script>pwned("url")</script>', method: 'POST', headers: [['X-Value', hostileValue]], body: '<!--<script>pwned("body")</script>' },
    server: {
      routes: {
        '/hostile': {
          preflight: { status: 204, headers: [['Access-Control-Allow-Origin', '{page}'], ['Access-Control-Allow-Headers', 'x-value'], ['Access-Control-Allow-Methods', 'POST']] },
          actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{page}'], ['Access-Control-Expose-Headers', 'x-echo'], ['X-Echo', '<script>pwned("answer")</script>']], body: '<script>pwned("answer body")</script>' },
        },
      },
    },
  });
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  const { runId } = await newRunKey();
  const payload = encodeRoutes(resolveScenario(validation.scenario, e2eOrigins).server.routes);
  const files = reproBundle(validation.scenario, { origins: e2eOrigins, wireUrl: (url) => toWireUrl(url, { runId, payload }, Object.values(e2eOrigins)) });
  const outcomes = await runReproPage(page, files['repro.html']!);
  expect(outcomes).toBe('ok');
  await expect(page.locator('#out')).toContainText('X-Echo'.toLowerCase() + ': <script>pwned("answer")</script>');
  await expect(page.locator('#out')).toContainText('<script>pwned("answer body")</script>');
  await expect(page.locator('h1')).toHaveText('CORS repro: <img src=x onerror="pwned(\'title\')"></title><script>pwned("title2")</script>');
  await expect(page.locator('#out h2')).toContainText('/hostile?q="><script>pwned("url")</script>');
  expect(await page.locator('script').count()).toBe(2);
  expect(injected).toEqual([]);
});
