// The real middleware backends of policy mode (`server.backend: "real"`): the echo server starts each
// framework it was asked to run (--backends) as a child process on a loopback port, forwards a scenario's
// requests to the one the scenario names, and hands back what it answered. Bounded: each forwarded
// request has a time limit (--backend-timeout-ms), each Node backend a V8 heap limit and every backend an
// RSS cap checked every 2 s (--backend-max-rss-mib), at most MAX_IN_FLIGHT requests per backend at once;
// a backend that crashed, hung or passed its cap is started again by the next request, which records
// why. Ports are chosen by the OS; nothing listens beyond 127.0.0.1.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import type { RealBackendFramework } from '@cors-playground/cors-core';
import { harnessVersion, nginxVersion, type HarnessFramework } from '@cors-playground/middleware-check/backends';
import type { BackendStatus } from '@cors-playground/wire';
import { forward, type ForwardRequest, type ForwardResult } from './forward';
import { announcedPort, ManagedProcess } from './managed-process';
import { APP_HEADER, encodeApp, NginxPool, startAppServer, type AppAnswer } from './nginx-backend';
import type { BackendRequestConfig } from './validate';

export const MAX_IN_FLIGHT = 64;
/**
 * Characters of the application's answer as it travels to a backend (a header line, base64url): the
 * backends accept header blocks of 64 KiB (`--max-http-header-size`, nginx `large_client_header_buffers`).
 */
export const MAX_APP_HEADER_CHARS = 49_152;
export const NODE_HEAP_MIB = 64;
const CONFIG_HEADER = 'x-playground-config';

export interface SupervisorOptions {
  frameworks: readonly RealBackendFramework[];
  timeoutMs: number;
  maxRssMiB: number;
  maxBodyBytes: number;
  /** How long a backend may take to start (a loaded machine starts Node in about a second). */
  startTimeoutMs?: number;
  nginxBinary?: string;
}

export type SupervisedResult = (ForwardResult & { version: string; restarted: string | null }) | { ok: false; status: 503; error: string; ms: number; version: string; restarted: string | null };

/** Where packages/middleware-check lives (its harness files resolve the pinned framework packages). */
export function middlewareCheckDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@cors-playground/middleware-check/package.json'));
}

export class BackendSupervisor {
  private readonly nodeBackends = new Map<HarnessFramework, { process: ManagedProcess; agent: http.Agent; version: string }>();
  private nginx: { pool: NginxPool; version: string; app: http.Server | null; appStarting: Promise<http.Server> | null; agent: http.Agent } | null = null;
  private readonly inFlight = new Map<RealBackendFramework, number>();
  private readonly memoryCheck: NodeJS.Timeout;

  constructor(private readonly options: SupervisorOptions) {
    const dir = middlewareCheckDir();
    const startTimeoutMs = options.startTimeoutMs ?? 20_000;
    for (const framework of options.frameworks) {
      if (framework === 'nginx') {
        const binary = options.nginxBinary ?? process.env.NGINX_PATH ?? '/usr/sbin/nginx';
        const version = nginxVersion();
        if (!version) throw new Error(`--backends nginx: no nginx at ${binary} (Debian: apt-get install nginx-light)`);
        const pool = new NginxPool(binary, join(tmpdir(), 'cors-playground-nginx'), () => (this.nginx?.app?.address() as AddressInfo | null)?.port ?? 0, options.maxRssMiB, startTimeoutMs);
        this.nginx = { pool, version: `nginx ${version}`, app: null, appStarting: null, agent: new http.Agent({ keepAlive: true, maxSockets: 16 }) };
        continue;
      }
      const child = new ManagedProcess(
        framework,
        {
          command: process.execPath,
          args: [`--max-old-space-size=${NODE_HEAP_MIB}`, '--max-http-header-size=65536', join(dir, 'harness', `${framework}.mjs`)],
          cwd: dir,
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'production' },
          ready: announcedPort(startTimeoutMs),
        },
        options.maxRssMiB,
      );
      this.nodeBackends.set(framework, { process: child, agent: new http.Agent({ keepAlive: true, maxSockets: 16 }), version: harnessVersion(framework, dir) });
    }
    this.memoryCheck = setInterval(() => {
      for (const backend of this.nodeBackends.values()) backend.process.checkMemory();
      for (const instance of this.nginx?.pool.all ?? []) instance.checkMemory();
    }, 2000);
    this.memoryCheck.unref();
  }

  /** Starts every Node backend now (in the background: the first request waits for its own). */
  warmUp(): Promise<void> {
    return Promise.allSettled([...this.nodeBackends.values()].map((backend) => backend.process.ensure())).then(() => undefined);
  }

  has(framework: RealBackendFramework): boolean {
    return framework === 'nginx' ? this.nginx !== null : this.nodeBackends.has(framework as HarnessFramework);
  }

  status(): BackendStatus[] {
    const rows: BackendStatus[] = [...this.nodeBackends].map(([framework, backend]) => ({
      framework,
      version: backend.version,
      state: backend.process.state,
      restarts: backend.process.restarts,
      lastFailure: backend.process.lastFailure,
      rssMiB: backend.process.lastRssMiB,
    }));
    if (this.nginx) {
      const all = this.nginx.pool.all;
      rows.push({
        framework: 'nginx',
        version: this.nginx.version,
        state: all.some((instance) => instance.state === 'up') ? 'up' : 'down',
        restarts: all.reduce((sum, instance) => sum + instance.restarts, 0),
        lastFailure: all.map((instance) => instance.lastFailure).find((failure) => failure !== null) ?? null,
        rssMiB: this.nginx.pool.rssMiB(),
      });
    }
    return rows;
  }

  /** Process ids of every running backend (for the bench's memory figure). */
  pids(): number[] {
    return [...[...this.nodeBackends.values()].map((backend) => backend.process.pid), ...(this.nginx?.pool.all.map((instance) => instance.pid) ?? [])].filter((pid): pid is number => pid !== null);
  }

  /** Forwards one request to the backend `config` names, configured with its policy, in front of `app`. */
  async forward(config: BackendRequestConfig, app: AppAnswer, request: ForwardRequest): Promise<SupervisedResult> {
    const framework = config.framework;
    const inFlight = this.inFlight.get(framework) ?? 0;
    const started = performance.now();
    const fail = (error: string, version: string, restarted: string | null): SupervisedResult => ({ ok: false, status: 503, error, ms: Math.round(performance.now() - started), version, restarted });
    if (!this.has(framework)) return fail(`this echo server runs no real ${framework} backend (start it with --backends ${framework}; GET /__pg/config lists the ones it runs)`, '', null);
    if (inFlight >= MAX_IN_FLIGHT) return fail(`the ${framework} backend already has ${MAX_IN_FLIGHT} requests in flight`, '', null);
    const appHeader = encodeApp(app);
    if (appHeader.length > MAX_APP_HEADER_CHARS) {
      return fail(`the route's answer is too large to pass to a real backend (${appHeader.length} characters encoded, at most ${MAX_APP_HEADER_CHARS}): shorten its body`, '', null);
    }
    this.inFlight.set(framework, inFlight + 1);
    try {
      const limits = { timeoutMs: this.options.timeoutMs, maxBodyBytes: this.options.maxBodyBytes };
      if (framework === 'nginx') {
        const nginx = this.nginx!;
        if (!nginx.app) nginx.app = await (nginx.appStarting ??= startAppServer());
        const instance = await nginx.pool.instance(config.key, config.policy);
        const { port, restarted } = await instance.ensure();
        const result = await forward(port, nginx.agent, request, [[APP_HEADER, appHeader]], limits);
        return { ...result, version: nginx.version, restarted };
      }
      const backend = this.nodeBackends.get(framework)!;
      const { port, restarted } = await backend.process.ensure();
      const result = await forward(port, backend.agent, request, [[CONFIG_HEADER, config.configHeader ?? ''], [APP_HEADER, appHeader]], limits);
      if (!result.ok && result.status === 504) backend.process.kill(`it did not answer within ${limits.timeoutMs} ms`); // a hung backend is started again
      return { ...result, version: backend.version, restarted };
    } catch (error) {
      return fail(`the ${framework} backend could not be started: ${error instanceof Error ? error.message : String(error)}`, '', null);
    } finally {
      this.inFlight.set(framework, (this.inFlight.get(framework) ?? 1) - 1);
    }
  }

  /** Kills a backend from outside, as a crash would (for tests of the restart). */
  crash(framework: HarnessFramework): void {
    const pid = this.nodeBackends.get(framework)?.process.pid;
    if (pid) process.kill(pid, 'SIGKILL');
  }

  async close(): Promise<void> {
    clearInterval(this.memoryCheck);
    await Promise.all([...this.nodeBackends.values()].map(async (backend) => {
      backend.agent.destroy();
      await backend.process.stop();
    }));
    if (this.nginx) {
      this.nginx.agent.destroy();
      await this.nginx.pool.stop();
      await new Promise<void>((resolve) => (this.nginx?.app ? this.nginx.app.close(() => resolve()) : resolve()));
    }
  }
}
