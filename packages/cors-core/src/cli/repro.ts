// `cors repro [--browser B] [--origins ...] [--id ID] [--out DIR] FILE|-`: the repro bundle of one
// scenario. Without --out it prints the explanation (Markdown); with --out it writes every file there.
import { DEFAULT_ORIGINS, type Origins } from '../scenario/placeholders';
import type { Engine, Scenario } from '../scenario/schema';
import { formatIssue, validateScenarioText } from '../scenario/validate';
import { reproBundle, REPRO_FILES } from '../repro/bundle';
import { parseArgs, parseBrowserOption, takeOption, UsageError } from './args';
import type { Io } from './commands';

export interface ReproIo extends Io {
  /** Creates `dir` if needed and writes `name` in it. */
  writeFile: (dir: string, name: string, text: string) => void;
}

interface ReproArgs { browser: Engine; origins: Origins; id?: string; out?: string; file?: string }

function parseReproArgs(argv: readonly string[]): ReproArgs {
  const args: ReproArgs = { browser: 'chromium', origins: DEFAULT_ORIGINS };
  const rest = [...argv];
  while (rest.length > 0) {
    const { arg, flag, value } = takeOption(rest);
    if (flag === '--browser') args.browser = parseBrowserOption(value());
    else if (flag === '--origins') args.origins = { ...args.origins, ...parseArgs(['check', '--origins', value(), '-']).origins };
    else if (flag === '--id') args.id = value();
    else if (flag === '--out') args.out = value();
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (args.file === undefined) args.file = arg;
    else throw new UsageError('repro reads one FILE (or -)');
  }
  if (args.file === undefined) throw new UsageError('repro needs a FILE (or - for stdin)');
  return args;
}

function pick(scenarios: Scenario[], id: string | undefined, file: string, io: Io): Scenario | null {
  if (id !== undefined) {
    const found = scenarios.find((scenario) => scenario.id === id);
    if (!found) io.stderr(`${file}: no scenario with id "${id}" (ids: ${scenarios.map((scenario) => scenario.id).join(', ')})`);
    return found ?? null;
  }
  if (scenarios.length !== 1) {
    io.stderr(`${file}: holds ${scenarios.length} scenarios; pick one with --id (ids: ${scenarios.map((scenario) => scenario.id).join(', ')})`);
    return null;
  }
  return scenarios[0]!;
}

/** Exit 0 with the bundle printed or written, 2 on bad input. */
export function reproCommand(argv: readonly string[], io: ReproIo): number {
  const args = parseReproArgs(argv);
  const file = args.file as string;
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.stderr(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const result = validateScenarioText(text);
  if (!result.ok) {
    for (const issue of result.errors) io.stderr(`${file}: ${formatIssue(issue)}`);
    return 2;
  }
  const scenario = pick(result.scenarios, args.id, file, io);
  if (!scenario) return 2;
  const files = reproBundle(scenario, { browser: args.browser, origins: args.origins });
  if (args.out === undefined) {
    io.stdout(files[REPRO_FILES.explanation] ?? '');
    return 0;
  }
  for (const [name, content] of Object.entries(files)) io.writeFile(args.out, name, content);
  io.stderr(`wrote ${Object.keys(files).join(', ')} to ${args.out}`);
  return 0;
}
