// Starts the real echo server (its production bundle) serving the web app's production build, on a
// free loopback port, with the three origins of the deployment on that port.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Origins } from '@cors-playground/cors-core';
import { freePort } from './free-port';

export interface RunningServer {
  origins: Origins;
  /** Node cannot resolve *.localhost: Node-side calls use this. */
  url: string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function checkBuilt(root: string): string | null {
  const missing = ['apps/echo-server/dist/main.js', 'apps/web/dist/runner.html'].filter((path) => !existsSync(join(root, path)));
  return missing.length ? `${missing.join(' and ')} missing: run pnpm build first` : null;
}

export async function startEchoServer(root: string): Promise<RunningServer> {
  const port = await freePort();
  const origins: Origins = { page: `http://web.localhost:${port}`, api: `http://api.localhost:${port}`, other: `http://other.localhost:${port}`, samesite: `http://api.web.localhost:${port}` };
  const args = [
    join(root, 'apps/echo-server/dist/main.js'),
    '--host', '127.0.0.1', '--port', String(port),
    '--page-origin', origins.page, '--api-origin', origins.api, '--other-origin', origins.other,
    '--web-dir', join(root, 'apps/web/dist'),
    '--log-level', 'warn',
    // Scenarios with server.backend "real" run through the real middleware (nginx when installed).
    '--backends', 'auto',
  ];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`the echo server exited with code ${child.exitCode}:\n${stderr}`);
    try {
      const response = await fetch(`${url}/__pg/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (attempt === 99) {
      child.kill();
      throw new Error(`the echo server did not answer ${url}/__pg/healthz within 10 s:\n${stderr}`);
    }
    await sleep(100);
  }
  return {
    origins,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
