// Issue 13, workshop mode, in real Chromium against the real echo server: what a teacher hit (the answer
// on screen before Run; the result below the whole server form at 150% zoom of a 1280×720 projector), and
// a learner walking one whole lesson.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { e2eServerUrl, expect, test } from '../../../scripts/e2e-fixtures';
import { openPlayground } from './playground-helpers';

const shotDir = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/** 150% zoom of a 1280×720 screen leaves 853×480 CSS pixels. */
const PROJECTOR_ZOOMED = { width: 853, height: 480 };

test.describe.configure({ timeout: 120_000 });

async function inViewport(locator: Locator, viewport: { width: number; height: number }): Promise<void> {
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
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: `${shotDir}issue-13-playground-150-percent-after.png` });
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

const LESSON = 'what-triggers-a-preflight';
const seriousAxe = async (page: Page) =>
  (await new AxeBuilder({ page }).exclude('iframe[data-runner]').analyze()).violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);

/** Answers lesson 3 (one right, one wrong), runs it for real and waits for the real result. */
async function answerAndRun(page: Page): Promise<void> {
  await expect(page.getByTestId('run')).toBeDisabled();
  await page.getByTestId('choice-preflight-yes').check();
  await page.getByTestId('choice-reaches-server-yes').check();
  await page.getByTestId('run').click();
  await expect(page.getByTestId('lesson-view')).toHaveAttribute('data-phase', 'ran', { timeout: 20_000 });
}

test('a learner walks a whole lesson: answer, run, reveal, fix, run (axe at each step, progress kept, nothing from the internet)', async ({ page }) => {
  // Offline workshop: every request the page makes stays on the loopback (Monaco included: no CDN).
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (/^https?:$/.test(url.protocol) && !(url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname.endsWith('.localhost'))) outside.push(request.url());
  });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/lessons');
  await expect(page.getByTestId('lesson-entry')).not.toHaveCount(0);
  expect(await seriousAxe(page)).toEqual([]);
  await page.locator(`[data-lesson="${LESSON}"]`).getByTestId('lesson-link').click();
  await expect(page.getByTestId('lesson-view')).toHaveAttribute('data-phase', 'predict');
  expect(await seriousAxe(page)).toEqual([]);
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: `${shotDir}lesson-before-reveal.png`, fullPage: true });

  await answerAndRun(page);
  // The real result is shown; the prediction still is not, and the answers are locked.
  await expect(page.getByTestId('browser-verdict')).toHaveAttribute('data-tone', 'fail');
  await expect(page.getByTestId('prediction')).toHaveCount(0);
  await expect(page.getByTestId('choice-preflight-no')).toBeDisabled();

  await page.getByTestId('reveal').click();
  await expect(page.getByTestId('lesson-view')).toHaveAttribute('data-phase', 'revealed');
  // The pressed button is gone: the focus is on the answer, not lost to the page.
  await expect(page.getByRole('heading', { name: 'The answer, and why' })).toBeFocused();
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-outcome', 'network-error');
  await expect(page.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');
  await expect(page.getByTestId('lesson-grade')).toHaveCount(2);
  await expect(page.getByTestId('lesson-grade').nth(0)).toHaveAttribute('data-grade', 'right');
  await expect(page.getByTestId('lesson-grade').nth(1)).toHaveAttribute('data-grade', 'wrong');
  await expect(page.getByTestId('engines')).toBeVisible();
  await expect(page.getByTestId('console')).toContainText('Access-Control-Allow-Headers');
  expect(await seriousAxe(page)).toEqual([]);
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: `${shotDir}lesson-after-reveal.png`, fullPage: true });

  await page.getByTestId('start-fix').click();
  await expect(page.getByRole('heading', { name: 'Now fix it' })).toBeFocused();
  // The JSON editor (Monaco) loads from this server.
  await page.getByRole('tab', { name: /Scenario JSON/ }).click();
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Answers' }).click();
  // A run of the unchanged scenario does not meet the goal, and says what is missing.
  await page.getByTestId('run').click();
  await expect(page.getByTestId('fix-verdict')).toHaveAttribute('data-met', 'false', { timeout: 20_000 });
  await expect(page.getByTestId('fix-verdict')).toContainText('outcome');
  const preflight = page.locator('fieldset.answer').filter({ hasText: 'Preflight answer (OPTIONS)' });
  await preflight.getByRole('button', { name: '+ Add header' }).click();
  await preflight.getByLabel('Preflight answer (OPTIONS) headers: name of header 2').fill('Access-Control-Allow-Headers');
  await preflight.getByLabel('Preflight answer (OPTIONS) headers: value of header 2').fill('Content-Type');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('fix-verdict')).toHaveAttribute('data-met', 'true', { timeout: 20_000 });
  expect(await seriousAxe(page)).toEqual([]);

  // Progress survives a reload, on the list.
  await page.goto('/#/lessons');
  await page.reload();
  await expect(page.locator(`[data-lesson="${LESSON}"]`).getByTestId('lesson-progress')).toHaveText(/1\/2 right, fixed/);
  expect(outside).toEqual([]);
});

test('an instructor link is locked to its lesson: no way to another lesson, and a reset to its scenario', async ({ page }) => {
  await page.goto(`/#/lessons/${LESSON}/locked`);
  await expect(page.getByTestId('lesson-view')).toHaveAttribute('data-mode', 'locked');
  await expect(page.getByRole('link', { name: /All lessons/ })).toHaveCount(0);
  await expect(page.getByTestId('next-lesson')).toHaveCount(0);
  // Before the reveal the scenario is not editable at all.
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await answerAndRun(page);
  await page.getByTestId('reveal').click();
  await page.getByTestId('start-fix').click();
  const status = page.locator('fieldset.answer').filter({ hasText: 'Preflight answer (OPTIONS)' }).getByLabel('Status');
  await status.fill('500');
  await page.getByTestId('lesson-reset').click();
  await expect(status).toHaveValue('204');
});

test('presenter view at 150% zoom of 1280×720: the request and the result on screen together', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(PROJECTOR_ZOOMED);
  await page.goto(`/#/present/${LESSON}`);
  await expect(page.getByTestId('lesson-view')).toHaveAttribute('data-mode', 'present');
  await inViewport(page.getByRole('heading', { name: /^Request/ }), PROJECTOR_ZOOMED);
  await inViewport(page.getByTestId('lesson-question').first(), PROJECTOR_ZOOMED);
  expect(await seriousAxe(page)).toEqual([]);
  await answerAndRun(page);
  await inViewport(page.getByRole('heading', { name: /^Request/ }), PROJECTOR_ZOOMED);
  await inViewport(page.getByTestId('browser-verdict'), PROJECTOR_ZOOMED);
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: `${shotDir}lesson-presenter-150-percent.png` });
  await page.getByTestId('reveal').click();
  await inViewport(page.getByTestId('prediction'), PROJECTOR_ZOOMED);
  expect(await seriousAxe(page)).toEqual([]);
  const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(fontSize).toBeGreaterThan(15);
});

test('the cheat sheet lists the lessons\' rules with their links, prints on one page, and passes axe', async ({ page }) => {
  await page.goto('/#/cheat-sheet');
  await expect(page.getByTestId('cheat-rule')).not.toHaveCount(0);
  await expect(page.getByTestId('cheat-rule').first().getByRole('link')).toHaveAttribute('href', /^https:\/\//);
  expect(await seriousAxe(page)).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' } });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBe(1);
});

test('share links still open in the playground, and leave the lessons', async ({ page }) => {
  await page.goto(`/#/lessons/${LESSON}`);
  await expect(page.getByTestId('lesson-view')).toBeVisible();
  await page.goto('/#/');
  await expect(page.getByTestId('preset-select')).toBeVisible();
});

test('LAN mode: the lesson list says what attendees open and which lessons a LAN changes', async ({ page }) => {
  // A second echo server in LAN mode on the loopback address (its three origins: one address, three ports).
  const port = Number(new URL(e2eServerUrl).port) + 20; // E2E_PORT + 10 is probe.spec.ts's server
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const server = spawn(process.execPath, ['apps/echo-server/dist/main.js', '--lan', '127.0.0.1', '--port', String(port), '--web-dir', 'apps/web/dist', '--log-level', 'warn'], { cwd: root, stdio: 'ignore' });
  try {
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/__pg/healthz`).catch(() => undefined))?.status, { timeout: 20_000 }).toBe(200);
    await page.goto(`http://127.0.0.1:${port}/#/lessons`);
    await expect(page.getByTestId('lan-note')).toContainText(`http://127.0.0.1:${port}/#/lessons`);
    await expect(page.getByTestId('lan-note').getByRole('listitem')).not.toHaveCount(0);
    expect(await seriousAxe(page)).toEqual([]);
  } finally {
    server.kill();
  }
});
