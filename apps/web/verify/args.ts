// Command-line arguments of `pnpm verify`, parsed by one pure function that names the bad argument.
import { ENGINES, type Engine } from '@cors-playground/cors-core';

export interface VerifyArgs {
  engines: Engine[];
  json: string | null;
  only: string[] | null;
  report: string;
  files: string[];
  /** Lanes: scenarios run in parallel in one browser (engines/lane.ts). */
  workers: number;
  /** Chromium: a new browser process and profile per scenario instead of a new context. */
  freshBrowser: boolean;
  /** Write each engine's differences of this run to known-differences/<engine>.json. */
  recordKnown: boolean;
  /** Policy scenarios whose framework has a real backend are run by it (`real`) or by the model (`model`); null: as each scenario says. */
  backend: 'real' | 'model' | null;
  help: boolean;
}

export const USAGE = `Usage: pnpm verify [--browser chromium|firefox|webkit|all] [--json OUT] [--only ID,...]
                   [--report FILE] [--workers N] [--fresh-browser] [--record-known]
                   [--backend real|model] [FILE...]

Runs scenarios in real browsers through the real echo server and runner page, and compares what
happened with cors-core's prediction and with each scenario's expect.
Default: every packages/cors-core/corpus/*.json and every lesson (packages/cors-core/lessons/*.json: its
scenario lesson-<id> and its fix lesson-<id>-fix) in Chromium, report in reports/verify.md.
--record-known writes this run's differences to apps/web/verify/known-differences/<engine>.json
(entries of scenarios that did not run are kept).
--backend real runs every policy scenario whose framework the echo server runs for real (Express cors,
@fastify/cors, Hono, @koa/cors, nginx when installed) through that real middleware; --backend model
through cors-core's model of it (the echo server answers what the model predicts).
Build first: pnpm build (needs apps/web/dist and apps/echo-server/dist).`;

export function parseArgs(argv: readonly string[]): { ok: true; args: VerifyArgs } | { ok: false; error: string } {
  const args: VerifyArgs = { engines: ['chromium'], json: null, only: null, report: 'reports/verify.md', files: [], workers: 2, freshBrowser: false, recordKnown: false, backend: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--browser': {
        const name = value();
        if (name === 'all') args.engines = [...ENGINES];
        else if (name && (ENGINES as readonly string[]).includes(name)) args.engines = [name as Engine];
        else return { ok: false, error: `--browser: expected chromium, firefox, webkit or all, got ${JSON.stringify(name ?? '')}` };
        break;
      }
      case '--json': {
        const out = value();
        if (!out) return { ok: false, error: '--json: expected an output file' };
        args.json = out;
        break;
      }
      case '--report': {
        const out = value();
        if (!out) return { ok: false, error: '--report: expected an output file' };
        args.report = out;
        break;
      }
      case '--only': {
        const ids = (value() ?? '').split(',').map((id) => id.trim()).filter(Boolean);
        if (ids.length === 0) return { ok: false, error: '--only: expected scenario ids separated by commas' };
        args.only = ids;
        break;
      }
      case '--workers': {
        const text = value() ?? '';
        const workers = Number(text);
        if (!Number.isInteger(workers) || workers < 1 || workers > 16) return { ok: false, error: `--workers: expected a whole number from 1 to 16, got ${JSON.stringify(text)}` };
        args.workers = workers;
        break;
      }
      case '--fresh-browser':
        args.freshBrowser = true;
        break;
      case '--record-known':
        args.recordKnown = true;
        break;
      case '--backend': {
        const backend = value();
        if (backend !== 'real' && backend !== 'model') return { ok: false, error: `--backend: expected real or model, got ${JSON.stringify(backend ?? '')}` };
        args.backend = backend;
        break;
      }
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        if (arg.startsWith('-')) return { ok: false, error: `unknown option ${arg}` };
        args.files.push(arg);
    }
  }
  return { ok: true, args };
}
