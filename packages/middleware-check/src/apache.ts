// Debian's Apache httpd with an exported configuration (cors-core export/servers.ts) inside the
// <Directory> of a stand-in document root, on a loopback port. One foreground process per check.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopper, waitForPort, type Backend } from './backends';

export const APACHE = process.env.APACHE_PATH ?? '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';

/** Apache's version, or undefined when it is not installed. */
export function apacheVersion(): string | undefined {
  const result = spawnSync(APACHE, ['-v'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  return /Apache\/(\S+)/.exec(result.stdout)?.[1];
}

function httpdConf(dir: string, port: number): string {
  return [
    `ServerRoot ${dir}`,
    `PidFile ${join(dir, 'httpd.pid')}`,
    `ErrorLog ${join(dir, 'error.log')}`,
    ...['mpm_event', 'authz_core', 'headers', 'setenvif', 'rewrite'].map((name) => `LoadModule ${name}_module ${MODULES}/mod_${name}.so`),
    `Listen 127.0.0.1:${port}`,
    'ServerName 127.0.0.1',
    'User nobody',
    'Group nogroup',
    `DocumentRoot ${join(dir, 'htdocs')}`,
    `<Directory ${join(dir, 'htdocs')}>`,
    '    Require all granted',
    `    Include ${join(dir, 'cors.conf')}`,
    '</Directory>',
    '',
  ].join('\n');
}

function prepare(exported: string, port: number): string {
  // Apache's workers run as nobody: they must reach the document root, so it lives in the system's
  // temporary directory (a checkout may sit below a directory only its owner can enter).
  const dir = mkdtempSync(join(tmpdir(), 'middleware-check-apache-'));
  mkdirSync(join(dir, 'htdocs'));
  // The stand-in application: a static file for every path of the checks.
  for (const name of ['resource', 'items']) writeFileSync(join(dir, 'htdocs', name), 'ok\n');
  writeFileSync(join(dir, 'cors.conf'), exported);
  writeFileSync(join(dir, 'httpd.conf'), httpdConf(dir, port));
  for (const path of [dir, join(dir, 'htdocs')]) chmodSync(path, 0o755);
  return dir;
}

/** `apache2 -t`: the exported configuration parses and every directive is known. */
export function apacheTest(exported: string): { ok: boolean; output: string } {
  const dir = prepare(exported, 1);
  const result = spawnSync(APACHE, ['-t', '-f', join(dir, 'httpd.conf')], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

export async function startApache(exported: string, port: number): Promise<Backend> {
  const dir = prepare(exported, port);
  const child = spawn(APACHE, ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = stopper(child, dir);
  try {
    await waitForPort(port, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, pid: child.pid ?? 0, stop, log: () => stderr };
}
