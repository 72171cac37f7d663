// `npm test` (or `pnpm test`): everything a change must pass, on a fresh machine. Installs what is
// missing (pinned pnpm, dependencies, Debian's Chromium; Firefox ESR and WebKitGTK too with
// --all-engines or CI=true), then runs: typecheck, lint, build, unit tests of every package (the real CORS middleware and nginx included), the
// end-to-end tests in real Chromium, and the differential verification of the corpus in every engine
// present. Ends with one line `total: N passed, N failed` summing every runner, and exits non-zero on
// any failure.
//
// Options: --skip-e2e, --skip-verify, --all-engines (install and verify Firefox and WebKit too), --fast
// (the inner loop: typecheck, lint, build, unit tests and the verification in Chromium only; no e2e,
// no other engine). The summary gives the seconds of every step.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, ensureChromium, ensureDependencies, ensureNginx, ensureOtherEngines, ensurePnpm, log, root } from './setup.mjs';

const args = new Set(process.argv.slice(2));
const fast = args.has('--fast');
const allEngines = !fast && (args.has('--all-engines') || process.env.CI === 'true');
const reports = join(root, 'reports');

ensurePnpm();
ensureDependencies();
ensureChromium();
ensureNginx();
if (allEngines && !args.has('--skip-verify')) ensureOtherEngines();
mkdirSync(reports, { recursive: true });

/** @type {{ name: string, passed: number, failed: number, seconds: number, note?: string }[]} */
const results = [];

function step(name, command, commandArgs, count, { timeoutMinutes = 20 } = {}) {
  log(`${name}: ${command} ${commandArgs.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', cwd: root, timeout: timeoutMinutes * 60_000, env: { ...process.env, FORCE_COLOR: '0' } });
  const seconds = (Date.now() - started) / 1000;
  const exitOk = result.status === 0;
  let counted;
  try {
    counted = count?.();
  } catch (error) {
    counted = undefined;
    log(`${name}: could not read its report (${error.message})`);
  }
  const entry = counted ?? { passed: exitOk ? 1 : 0, failed: exitOk ? 0 : 1 };
  // A runner that exits non-zero always counts as a failure, even if its report says otherwise.
  if (!exitOk && entry.failed === 0) entry.failed = 1;
  if (result.error) entry.note = result.error.message;
  results.push({ name, ...entry, seconds });
}

function readJson(file) {
  return JSON.parse(readFileSync(join(reports, file), 'utf8'));
}

function vitestCount(file) {
  return () => {
    const report = readJson(file);
    return { passed: report.numPassedTests, failed: report.numFailedTests + (report.success ? 0 : report.numFailedTestSuites) };
  };
}

function playwrightCount() {
  const { stats } = readJson('e2e.json');
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
}

function verifyCount(file) {
  return () => {
    const entries = readJson(file);
    // A scenario too slow to judge (apps/web/verify/timing.ts) is neither passed nor failed: noted apart.
    const tooSlow = entries.filter((entry) => !entry.agree && entry.tooSlow).length;
    const counted = { passed: entries.filter((entry) => entry.agree).length, failed: entries.filter((entry) => !entry.agree && !entry.tooSlow).length };
    return tooSlow ? { ...counted, note: `${tooSlow} too slow to judge` } : counted;
  };
}

step('typecheck', 'pnpm', ['run', 'typecheck']);
step('lint', 'pnpm', ['exec', 'eslint', '.']);
ensureBuilt({ force: true });

for (const [name, dir] of [
  ['cors-core', 'packages/cors-core'],
  ['wire', 'packages/wire'],
  ['echo-server', 'apps/echo-server'],
  ['web', 'apps/web'],
  ['middleware-check', 'packages/middleware-check'],
]) {
  const file = `unit-${name}.json`;
  rmSync(join(reports, file), { force: true });
  step(`unit ${name}`, 'pnpm', ['--dir', dir, 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${join(reports, file)}`], vitestCount(file));
}

if (!args.has('--skip-e2e') && !fast) {
  rmSync(join(reports, 'e2e.json'), { force: true });
  step('e2e (Chromium)', 'pnpm', ['exec', 'playwright', 'test'], playwrightCount, { timeoutMinutes: 25 });
}

if (!args.has('--skip-verify')) {
  const engines = ['chromium'];
  if (!fast && (allEngines || existsSync('/usr/bin/firefox-esr'))) engines.push('firefox');
  if (!fast && (allEngines || (existsSync('/usr/bin/WebKitWebDriver') && existsSync('/usr/bin/xvfb-run')))) engines.push('webkit');
  for (const engine of engines) {
    const file = `verify-${engine}.json`;
    rmSync(join(reports, file), { force: true });
    step(`verify ${engine}`, 'pnpm', ['run', '--silent', 'verify', '--browser', engine, '--json', join(reports, file), '--report', join(reports, `verify-${engine}.md`)], verifyCount(file), { timeoutMinutes: 20 });
  }
}

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
process.stdout.write('\nSummary\n');
for (const r of results) {
  process.stdout.write(`  ${r.failed ? '✗' : '✓'} ${r.name.padEnd(20)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed  ${r.seconds.toFixed(1).padStart(6)} s${r.note ? `  (${r.note})` : ''}\n`);
}
process.stdout.write(`total: ${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
