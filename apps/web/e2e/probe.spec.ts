// "Probe a real server" through the echo server: off by default (no form), and with --probe-allow the
// playground probes a real Express + cors app on loopback, loads the recorded answers, and a real Run
// agrees. This spec starts its own echo server (port E2E_PORT + 10) with the flag, and the Express app.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { e2ePort, expect, test } from '../../../scripts/e2e-fixtures';
import { openPlayground, runAndWait } from './playground-helpers';

test.setTimeout(120_000);

const root = join(import.meta.dirname, '..', '..', '..');
const probePort = e2ePort + 10;
const page = `http://web.localhost:${probePort}`;

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) resolve(match);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${seen.slice(-500)}`)));
  });
}

let express: ChildProcess;
let echo: ChildProcess;
let expressOrigin: string;

// One echo server on a fixed port for the file: its tests run in one worker (fullyParallel would start
// a second beforeAll in another worker, on the same port).
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // A real Express app with the cors middleware (cors-core's dev dependencies), allowing the page.
  const script = `
    const app = require('express')();
    app.use(require('cors')({ origin: '${page}', methods: ['GET', 'PUT'], allowedHeaders: ['X-Token'] }));
    app.put('/items', (req, res) => res.json({ ok: true }));
    const server = app.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port));`;
  express = spawn(process.execPath, ['-e', script], { cwd: join(root, 'packages', 'cors-core') });
  expressOrigin = `http://127.0.0.1:${(await waitForLine(express, /PORT (\d+)/))[1]}`;
  echo = spawn(process.execPath, [join(root, 'apps/echo-server/dist/main.js'), '--host', '127.0.0.1', '--port', String(probePort), '--web-dir', join(root, 'apps/web/dist'), '--probe-allow', expressOrigin, '--log-level', 'info'], { cwd: root });
  await waitForLine(echo, /listening/i);
});

test.afterAll(() => {
  express?.kill();
  echo?.kill();
});

test('without --probe-allow there is no probe form', async ({ page: tab }) => {
  await openPlayground(tab);
  await tab.getByTestId('bug-report').click();
  await expect(tab.getByTestId('bug-report-text')).toBeVisible();
  await expect(tab.getByTestId('probe-form')).toHaveCount(0);
});

test('probe a real Express + cors app, load the recorded answers, and a real Run agrees', async ({ page: tab }) => {
  await openPlayground(tab, `${page}/`);
  await tab.getByTestId('bug-report').click();
  await expect(tab.getByTestId('probe-form')).toContainText(expressOrigin);
  await tab.getByTestId('probe-url').fill(`${expressOrigin}/items`);
  await tab.getByTestId('probe-method').fill('PUT');
  await tab.getByTestId('probe-headers').fill('X-Token: a');
  await tab.getByTestId('probe-send').click();
  await expect(tab.getByTestId('probe-result')).toHaveAttribute('data-pass', 'true');
  await expect(tab.getByTestId('probe-result')).toContainText('sent preflight OPTIONS');

  // A URL not on the list is refused by the echo server, with the reason.
  await tab.getByTestId('probe-url').fill(`http://127.0.0.1:${probePort}/__pg/config`);
  await tab.getByTestId('probe-send').click();
  await expect(tab.getByRole('alert')).toContainText('is not on this server\'s probe allow-list');

  await tab.getByTestId('probe-url').fill(`${expressOrigin}/items`);
  await tab.getByTestId('probe-send').click();
  await tab.getByTestId('probe-load').click();
  await runAndWait(tab);
  await expect(tab.getByTestId('browser-verdict')).toContainText('Allowed');
  await expect(tab.getByTestId('agreement')).toHaveAttribute('data-agreement', 'agree');
});
