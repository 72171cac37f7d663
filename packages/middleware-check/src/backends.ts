// Starts a real server with an export of cors-core (exportPolicy) on a loopback port: a Node file for the
// npm middleware (run from this package so it resolves the pinned packages), or nginx with the exported
// http-block configuration wrapped in a minimal nginx.conf. Each backend is one child process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicyFramework } from '@cors-playground/cors-core';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const runDir = join(packageDir, '.run');

/** How long a backend may take to accept connections (a loaded machine starts Node in ~1 s). */
export const START_TIMEOUT_MS = 20_000;
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export interface Backend {
  port: number;
  /** The child's process id (nginx: its single master-less process). */
  pid: number;
  stop: () => Promise<void>;
  /** The child's stderr so far (why it failed to start, nginx's error log). */
  log: () => string;
}

/** The nginx binary's version, or undefined when it is not installed. */
export function nginxVersion(): string | undefined {
  const result = spawnSync(NGINX, ['-v'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  return /nginx\/(\S+)/.exec(result.stderr)?.[1];
}

/** The installed version of an npm package of this package. */
export function installedVersion(name: string, dir: string = packageDir): string {
  return (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The Node files the echo server runs as its real backends (one per framework, see harness/common.mjs). */
export const HARNESS_FRAMEWORKS = ['express-cors', 'fastify-cors', 'hono', 'koa-cors'] as const;
export type HarnessFramework = (typeof HARNESS_FRAMEWORKS)[number];

/** The npm packages (and so the versions) each harness runs. */
export const HARNESS_PACKAGES: Record<HarnessFramework, string[]> = {
  'express-cors': ['express', 'cors'],
  'fastify-cors': ['fastify', '@fastify/cors'],
  hono: ['hono', '@hono/node-server'],
  'koa-cors': ['koa', '@koa/cors'],
};

/** "express 5.3.0, cors 2.8.6": the versions a harness runs, read from this package's node_modules. */
export function harnessVersion(framework: HarnessFramework, dir: string = packageDir): string {
  return HARNESS_PACKAGES[framework].map((name) => `${name} ${installedVersion(name, dir)}`).join(', ');
}

export function waitForPort(port: number, child: ChildProcess, log: () => string, timeoutMs: number = START_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`the backend exited with ${child.exitCode} before listening:\n${log()}`));
      const socket = connect({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`the backend did not listen on ${port} within ${timeoutMs} ms:\n${log()}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** Stops the child (TERM, then KILL after 3 s) and removes its directory. */
export function stopper(child: ChildProcess, dir: string): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      const done = () => {
        rmSync(dir, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
}

/** A minimal nginx.conf around the exported http-block text, everything kept inside `dir`. */
export function nginxConf(exported: string, dir: string, extraHttp: readonly string[] = []): string {
  return [
    'daemon off;',
    'master_process off;',
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} warn;`,
    'events { worker_connections 256; }',
    'http {',
    '    access_log off;',
    '    default_type text/plain;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${join(dir, kind)};`),
    ...extraHttp.map((line) => `    ${line}`),
    exported.replace(/^/gm, '    '),
    '}',
    '',
  ].join('\n');
}

/** Checks an nginx configuration with `nginx -t` (syntax and directives), without starting a server. */
export function nginxTest(exported: string, name: string): { ok: boolean; output: string } {
  const dir = join(runDir, `${name}-t`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'nginx.conf'), nginxConf(exported, dir));
  const result = spawnSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

let started = 0;

/**
 * A loopback port the OS has just handed out and released. Fixed ports in the ephemeral range collide
 * with client sockets of other tests (seen in CI: `bind() ... Address already in use`), so each backend
 * asks for one.
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts `framework` with the exported text listening on `port`. */
export async function startBackend(framework: Exclude<PolicyFramework, 'echo'> | 'baseline', exported: string, port: number): Promise<Backend> {
  const dir = join(runDir, `${framework}-${process.pid}-${(started += 1)}`);
  mkdirSync(dir, { recursive: true });
  let child: ChildProcess;
  if (framework === 'nginx') {
    writeFileSync(join(dir, 'nginx.conf'), nginxConf(exported, dir));
    child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  } else {
    writeFileSync(join(dir, 'server.mjs'), exported);
    child = spawn(process.execPath, ['--max-old-space-size=64', join(dir, 'server.mjs')], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'pipe'] });
  }
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 20_000) stderr += chunk.toString();
  });
  const log = () => {
    let errorLog = '';
    try {
      errorLog = readFileSync(join(dir, 'error.log'), 'utf8');
    } catch {
      // no nginx error log (a Node backend, or nginx never started)
    }
    return `${stderr}${errorLog}`;
  };
  try {
    await waitForPort(port, child, log);
  } catch (error) {
    await stopper(child, dir)();
    throw error;
  }
  return { port, pid: child.pid ?? 0, stop: stopper(child, dir), log };
}
