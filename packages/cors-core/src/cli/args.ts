// Command-line arguments of `cors`: parsed by one pure function that names the bad argument.
import { ENGINES, type Engine } from '../scenario/schema';
import type { Origins } from '../scenario/placeholders';
import { EXPORT_USAGE } from './export';
import { LESSON_USAGE } from './lesson';

export interface CliArgs {
  command: 'explain' | 'check' | 'help';
  browser: Engine;
  json: boolean;
  origins: Partial<Origins>;
  files: string[];
}

export class UsageError extends Error {}

export const USAGE = `Usage:
  cors explain [--browser chromium|firefox|webkit] [--json] [--origins page=URL,api=URL,other=URL] FILE|-
      Predicts what the browser does with each scenario of FILE (one scenario or an array; - reads stdin)
      and explains why, step by step, with the spec link of each step. --json prints an array of
      { id, prediction, steps, console, verdict, requests }.
  cors check [--browser chromium|firefox|webkit] [--origins ...] FILE...
      Compares each scenario's "expect" (merged with "expectBy[browser]") with the prediction and prints
      one line per scenario, then "N passed, N failed".
  cors diagnose [--browser chromium|firefox|webkit] [--json] [FILE|-]
      Reads console lines (Chromium, Firefox or Safari wording; several at once) and names the rule
      behind each, explains it, ranks the likely causes and gives a scenario reproducing each.
      --json prints an array of matches { rule, explanation, spec, causes: [{ ..., scenario }] }.
      Exit 1 when no line is recognised (the closest matches are printed).
  cors import curl|fetch|har [--entry N] [--json] FILE|-
      Turns "Copy as cURL" (bash or cmd), "Copy as fetch" (or Node.js) or a HAR file (its failing
      request, or entry N) into a scenario on stdout; what could not be carried over goes to stderr
      (--json: { scenario, notCarried }).
  cors probe URL [--origin O] [--method M] [--header 'N: V']... [--credentials] [--browser B]
                 [--expect pass|fail] [--json] [--save FILE] [--allow-private] [--timeout MS]
      Sends the preflight (when the browser would) and the request to a real server from Node, as
      the browser would, and prints cors-core's verdict on the recorded answers. Exit 0 when the
      verdict matches --expect (default pass), 1 when it does not, 2 on a usage or network error.
${EXPORT_USAGE}
${LESSON_USAGE}
  cors --help

Exit codes: 0 ok, 1 a prediction differs from "expect", 2 invalid input or usage.`;

function parseOrigins(value: string): Partial<Origins> {
  const out: Partial<Origins> = {};
  for (const pair of value.split(',')) {
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const origin = pair.slice(eq + 1).trim().replace(/\/$/, '');
    if (eq === -1 || !['page', 'api', 'other'].includes(name)) throw new UsageError(`--origins: "${pair}" is not page=URL, api=URL or other=URL`);
    if (!/^https?:\/\/[^/?#\s]+$/i.test(origin)) throw new UsageError(`--origins: "${origin}" is not an origin such as http://api.localhost:8787`);
    out[name as keyof Origins] = origin;
  }
  return out;
}

/**
 * The next argument of `rest` (removed from it): `--flag=value` or `--flag value`, with `value()` taking
 * the value (or naming the flag that lacks one). Shared by every command's parser.
 */
/** `--browser NAME`: one of the engines, else a usage error naming them (cors explain, check, diagnose, probe). */
export function parseBrowserOption(browser: string): Engine {
  if (!(ENGINES as readonly string[]).includes(browser)) throw new UsageError(`--browser: "${browser}" is not one of ${ENGINES.join(', ')}`);
  return browser as Engine;
}

export function takeOption(rest: string[]): { arg: string; flag: string; value: () => string } {
  const arg = rest.shift() as string;
  const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
  const value = (): string => {
    const next = inline ?? rest.shift();
    if (next === undefined) throw new UsageError(`${flag} needs a value`);
    return next;
  };
  return { arg, flag, value };
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: 'help', browser: 'chromium', json: false, origins: {}, files: [] };
  const rest = [...argv];
  const first = rest.shift();
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return args;
  if (first !== 'explain' && first !== 'check') throw new UsageError(`unknown command "${first}" (expected explain, check, diagnose, import or probe)`);
  args.command = first;
  while (rest.length > 0) {
    const { arg, flag, value } = takeOption(rest);
    switch (flag) {
      case '--help':
      case '-h':
        args.command = 'help';
        return args;
      case '--json':
        args.json = true;
        break;
      case '--browser':
        args.browser = parseBrowserOption(value());
        break;
      case '--origins':
        args.origins = { ...args.origins, ...parseOrigins(value()) };
        break;
      default:
        if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
        args.files.push(arg);
    }
  }
  if (args.files.length === 0) throw new UsageError(`${args.command} needs a FILE (or - for stdin)`);
  if (args.command === 'explain' && args.files.length > 1) throw new UsageError('explain reads one FILE (or -)');
  return args;
}
