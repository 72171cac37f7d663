// Installs what the two README commands need on a fresh machine, from the npm registry and Debian's
// repositories only: the pinned pnpm, the dependencies from the lockfile, and browsers from apt.
// Plain Node (no dependencies), because it runs before anything is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
export const PNPM_VERSION = packageJson.packageManager.replace(/^pnpm@/, '');

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export function log(message) {
  process.stdout.write(`\x1b[36m[setup]\x1b[0m ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`\x1b[31m[setup] ${message}\x1b[0m\n`);
  process.exit(1);
}

/** Runs a command with inherited output; exits with a clear message when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) fail(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

function commandOutput(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The pinned pnpm: other 12.x versions refuse this repo, and corepack fails its signature check here. */
export function ensurePnpm() {
  const version = commandOutput('pnpm', ['--version']);
  if (version === PNPM_VERSION) return;
  log(version ? `pnpm ${version} found, installing the pinned pnpm ${PNPM_VERSION}` : `installing pnpm ${PNPM_VERSION} (npm i -g)`);
  run('npm', ['install', '--global', '--save-exact', '--allow-scripts=pnpm', `pnpm@${PNPM_VERSION}`]);
  if (commandOutput('pnpm', ['--version']) !== PNPM_VERSION) {
    fail(`pnpm ${PNPM_VERSION} is still not on the PATH. Install it with: npm install -g pnpm@${PNPM_VERSION}`);
  }
}

/** Dependencies from the lockfile; skipped when node_modules is newer than the lockfile. */
export function ensureDependencies() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lock = join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing dependencies from pnpm-lock.yaml');
  run('pnpm', ['install', '--frozen-lockfile']);
}

let aptUpdated = false;
function aptInstall(packages, why) {
  if (!isRoot) {
    fail(`${why} is missing. Install it with: sudo apt-get install ${packages.join(' ')}`);
  }
  if (!aptUpdated) {
    log('apt-get update');
    run('apt-get', ['update', '-qq']);
    aptUpdated = true;
  }
  log(`apt-get install ${packages.join(' ')}`);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium (Playwright's own browser download cannot work offline). */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  if (process.env.CHROMIUM_PATH) fail(`CHROMIUM_PATH=${CHROMIUM_PATH} does not exist`);
  aptInstall(['chromium'], 'Chromium (/usr/bin/chromium)');
}

/**
 * Debian's nginx and Apache httpd, which packages/middleware-check runs with cors-core's exported
 * configurations. Without root they are left out: those checks then skip with a counted message.
 */
export function ensureNginx() {
  const missing = [];
  if (!existsSync(process.env.NGINX_PATH ?? '/usr/sbin/nginx')) missing.push('nginx-light');
  if (!existsSync(process.env.APACHE_PATH ?? '/usr/sbin/apache2')) missing.push('apache2');
  if (missing.length === 0) return;
  if (!isRoot) return log(`\x1b[31m${missing.join(' and ')} missing and cannot be installed without root: those middleware checks will be skipped (sudo apt-get install ${missing.join(' ')})\x1b[0m`);
  aptInstall(missing, 'nginx / Apache httpd');
}

/** Firefox ESR and WebKitGTK, for the differential verification in every engine. */
export function ensureOtherEngines() {
  const missing = [];
  if (!existsSync('/usr/bin/firefox-esr')) missing.push('firefox-esr');
  if (!existsSync('/usr/bin/WebKitWebDriver')) missing.push('webkit2gtk-driver');
  if (!existsSync('/usr/bin/xvfb-run')) missing.push('xvfb', 'xauth');
  if (missing.length) aptInstall(missing, 'Firefox ESR / WebKitGTK');
}

/** Rebuilds when any source is newer than its build output. */
export function ensureBuilt({ force = false } = {}) {
  const outputs = [
    join(root, 'apps/echo-server/dist/main.js'),
    join(root, 'apps/web/dist/index.html'),
    join(root, 'apps/web/dist/runner.html'),
  ];
  const newestSource = newestMtime([
    'packages/cors-core/src',
    'packages/wire/src',
    'apps/echo-server/src',
    'apps/web/src',
    'apps/web/index.html',
    'apps/web/runner.html',
    'apps/web/vite.config.ts',
    'pnpm-lock.yaml',
  ]);
  const stale = outputs.some((output) => !existsSync(output) || statSync(output).mtimeMs < newestSource);
  if (!force && !stale) return;
  log('building (pnpm build)');
  run('pnpm', ['run', 'build']);
}

function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}
