// One supervised child process: started on demand, its listening port learned from the child itself,
// its memory checked, restarted after it crashes or passes its memory cap, and every such event kept
// for /__pg/config and for the record of the request that found it down.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Launch {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Resolves with the port once the child listens (reads its output), rejects when it cannot start. */
  ready: (child: ChildProcess) => Promise<number>;
}

/** Resident memory of a process in MiB, from /proc (null where /proc is missing or it has gone). */
export function rssMiB(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/** A backend that fails this often within the window is no longer started again at once (a crash loop). */
const MAX_QUICK_FAILURES = 3;
const QUICK_FAILURE_WINDOW_MS = 30_000;

export class ManagedProcess {
  private child: ChildProcess | null = null;
  private starting: Promise<number> | null = null;
  private port = 0;
  private stopping = false;
  private stderrTail = '';
  /** Why the child last stopped unasked; given to the next request that starts it again. */
  private unreported: string | null = null;
  /** Children the supervisor killed itself (their exit is not a crash of their own: the reason is already kept). */
  private readonly killedByUs = new WeakSet<ChildProcess>();
  private failures: number[] = [];
  restarts = 0;
  lastFailure: string | null = null;
  lastRssMiB: number | null = null;

  constructor(
    readonly name: string,
    private readonly launch: Launch,
    private readonly maxRssMiB: number,
  ) {}

  get state(): 'up' | 'starting' | 'down' {
    return this.child && this.port ? 'up' : this.starting ? 'starting' : 'down';
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** The port of the running child, starting it first when it is not running. `restarted`: why it had stopped. */
  async ensure(): Promise<{ port: number; restarted: string | null }> {
    const port = this.child && this.port ? this.port : await (this.starting ??= this.start());
    // The first request after a failure says why the backend it reached is a new one.
    const restarted = this.unreported;
    this.unreported = null;
    return { port, restarted };
  }

  /**
   * After an unasked stop, the backend is started again a second later, unless it failed
   * MAX_QUICK_FAILURES times within QUICK_FAILURE_WINDOW_MS (a crash loop): then only the next request
   * starts it, so a broken backend costs nothing while nobody uses it.
   */
  private restartSoon(): void {
    const now = Date.now();
    this.failures = [...this.failures.filter((at) => now - at < QUICK_FAILURE_WINDOW_MS), now];
    if (this.failures.length >= MAX_QUICK_FAILURES) return;
    setTimeout(() => {
      if (this.stopping || this.child || this.starting) return;
      (this.starting = this.start()).catch(() => undefined);
    }, 1000).unref();
  }

  private async start(): Promise<number> {
    if (this.lastFailure !== null) this.restarts += 1;
    const child = spawn(this.launch.command, this.launch.args, { cwd: this.launch.cwd, env: this.launch.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.stderrTail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-2000);
    });
    child.once('exit', (code, signal) => {
      if (this.child === child) {
        this.child = null;
        this.port = 0;
        this.lastRssMiB = null;
      }
      if (!this.stopping && !this.killedByUs.has(child)) {
        const tail = this.stderrTail.trim().split('\n').slice(-1)[0];
        this.fail(`${signal ? `killed by ${signal}` : `exit code ${code}`}${tail ? ` (${tail.slice(0, 200)})` : ''}`);
      }
      if (!this.stopping && this.port === 0 && this.child === null) this.restartSoon();
    });
    try {
      this.port = await this.launch.ready(child);
      return this.port;
    } catch (error) {
      child.kill('SIGKILL');
      this.fail(`could not start: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    } finally {
      this.starting = null;
    }
  }

  private fail(reason: string): void {
    this.lastFailure = reason;
    this.unreported = reason;
  }

  /** Reads the child's memory; kills it (to be started again on demand) when it passes the cap. */
  checkMemory(): void {
    const pid = this.child?.pid;
    if (!pid || !this.port) return;
    const rss = rssMiB(pid);
    this.lastRssMiB = rss;
    if (rss !== null && rss > this.maxRssMiB) this.kill(`RSS ${rss} MiB passed the ${this.maxRssMiB} MiB cap`);
  }

  /** Kills the child for `reason` (a memory cap, a hung answer); the next request starts it again and records why. */
  kill(reason: string): void {
    const child = this.child;
    if (!child) return;
    this.killedByUs.add(child);
    this.fail(reason);
    child.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    });
  }
}

/** Waits for the `{"listening":PORT}` line a harness prints (packages/middleware-check/harness/common.mjs). */
export function announcedPort(timeoutMs: number): (child: ChildProcess) => Promise<number> {
  return (child) =>
    new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no port announced within ${timeoutMs} ms`)), timeoutMs);
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /\{"listening":(\d+)\}/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
        if (out.length > 10_000) out = out.slice(-1000);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`exited (${signal ?? `code ${code}`}) before listening`));
      });
    });
}
