// The real nginx backend: one nginx process per policy (a configuration cannot change per request),
// written by cors-core's nginx export with `proxy_pass` to a small application server in this process
// that answers what the scenario's route says. At most `MAX_NGINX_CONFIGS` run at once (the least
// recently used is stopped first); each is a master-less nginx on a loopback port.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { exportPolicy, type ResolvedPolicy } from '@cors-playground/cors-core';
import { freeLoopbackPort, nginxConf, waitForPort } from '@cors-playground/middleware-check/backends';
import { ManagedProcess, rssMiB } from './managed-process';

export const MAX_NGINX_CONFIGS = 4;
export const APP_HEADER = 'x-playground-app';

/** What the application behind a backend answers: the scenario route's answer for this request. */
export interface AppAnswer {
  status: number;
  headers: [string, string][];
  body: string;
}

export function encodeApp(app: AppAnswer): string {
  return Buffer.from(JSON.stringify(app), 'utf8').toString('base64url');
}

function decodeApp(value: string | string[] | undefined): AppAnswer | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const app = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as AppAnswer;
    return Number.isInteger(app.status) && Array.isArray(app.headers) && typeof app.body === 'string' ? app : undefined;
  } catch {
    return undefined;
  }
}

/** The application nginx passes requests on to: loopback only, answers from the request's own header. */
export function startAppServer(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    req.resume();
    const app = decodeApp(req.headers[APP_HEADER]);
    if (!app) {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      return void res.end(`missing or invalid ${APP_HEADER}\n`);
    }
    try {
      res.writeHead(app.status, app.headers.flat());
      res.end(app.status === 204 || app.status === 304 ? undefined : app.body);
    } catch (error) {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`the application's answer could not be sent: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

interface Instance {
  process: ManagedProcess;
  dir: string;
}

export class NginxPool {
  private readonly instances = new Map<string, Instance>();
  private counter = 0;

  constructor(
    private readonly binary: string,
    private readonly runDir: string,
    private readonly appPort: () => number,
    private readonly maxRssMiB: number,
    private readonly startTimeoutMs: number,
  ) {}

  /** The nginx configured with `policy` (started when it is not running). */
  async instance(key: string, policy: ResolvedPolicy): Promise<ManagedProcess> {
    const known = this.instances.get(key);
    if (known) {
      this.instances.delete(key);
      this.instances.set(key, known);
      return known.process;
    }
    while (this.instances.size >= MAX_NGINX_CONFIGS) {
      const [oldestKey, oldest] = this.instances.entries().next().value as [string, Instance];
      this.instances.delete(oldestKey);
      void oldest.process.stop().then(() => rmSync(oldest.dir, { recursive: true, force: true }));
    }
    const port = await freeLoopbackPort();
    const dir = join(this.runDir, `nginx-${process.pid}-${(this.counter += 1)}`);
    mkdirSync(dir, { recursive: true });
    const text = exportPolicy(policy, 'nginx', { host: '127.0.0.1', port, upstream: `127.0.0.1:${this.appPort()}` }).text;
    // A policy of 50 origins in a header line must not be refused by nginx's default 8 KiB buffers.
    writeFileSync(join(dir, 'nginx.conf'), nginxConf(text, dir, ['large_client_header_buffers 4 64k;', 'proxy_buffer_size 64k;', 'proxy_buffers 4 64k;']));
    const managed = new ManagedProcess(
      'nginx',
      {
        command: this.binary,
        args: ['-p', dir, '-c', join(dir, 'nginx.conf')],
        cwd: dir,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
        ready: async (child) => {
          await waitForPort(port, child, () => '', this.startTimeoutMs);
          return port;
        },
      },
      this.maxRssMiB,
    );
    this.instances.set(key, { process: managed, dir });
    return managed;
  }

  get all(): ManagedProcess[] {
    return [...this.instances.values()].map((instance) => instance.process);
  }

  /** The nginx processes' memory together (MiB), null when none runs. */
  rssMiB(): number | null {
    const values = this.all.map((process) => (process.pid ? rssMiB(process.pid) : null)).filter((value): value is number => value !== null);
    return values.length === 0 ? null : Math.round(values.reduce((sum, value) => sum + value, 0) * 10) / 10;
  }

  async stop(): Promise<void> {
    const all = [...this.instances.values()];
    this.instances.clear();
    await Promise.all(all.map(async (instance) => {
      await instance.process.stop();
      rmSync(instance.dir, { recursive: true, force: true });
    }));
  }
}
