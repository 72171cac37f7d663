// `pnpm cors explain|check`: the core on the command line. Exit codes: 0 ok, 1 mismatch, 2 invalid input.
import { readFileSync } from 'node:fs';
import { explain } from '../explain/explain';
import { compareExpect, expectFor, formatDifference } from '../observe/compare';
import { DEFAULT_ORIGINS, resolveScenario, type Origins } from '../scenario/placeholders';
import type { Scenario } from '../scenario/schema';
import { formatIssue, validateScenarioText } from '../scenario/validate';
import { parseArgs, USAGE, UsageError, type CliArgs } from './args';
import { diagnoseCommand, importCommand, type Io } from './commands';
import { probeCommand } from './probe';
import { lessonCommand } from './lesson';
import { formatExplanation } from './report';
import { explainPolicy, exportCommand, formatPolicyExplanation, listCommand, parseExportArgs } from './export';

function load(file: string, io: Io): { ok: true; scenarios: Scenario[] } | { ok: false } {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.stderr(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false };
  }
  const result = validateScenarioText(text);
  if (!result.ok) {
    for (const issue of result.errors) io.stderr(`${file}: ${formatIssue(issue)}`);
    return { ok: false };
  }
  return { ok: true, scenarios: result.scenarios };
}

function explainCommand(args: CliArgs, origins: Origins, io: Io): number {
  const file = args.files[0] as string;
  const loaded = load(file, io);
  if (!loaded.ok) return 2;
  const explanations = loaded.scenarios.map((scenario) => explain(scenario, { browser: args.browser, origins }));
  const policies = loaded.scenarios.map((scenario) => explainPolicy(scenario, { browser: args.browser, origins }));
  if (args.json) {
    io.stdout(JSON.stringify(explanations.map(({ id, prediction, steps, console, verdict, requests }, index) => ({ id, prediction, steps, console, verdict, requests, policy: policies[index] })), null, 2));
  } else {
    io.stdout(explanations.map((explanation, index) => [formatExplanation(explanation), ...(policies[index] ? [formatPolicyExplanation(policies[index])] : [])].join('\n')).join('\n\n'));
  }
  return 0;
}

function checkCommand(args: CliArgs, origins: Origins, io: Io): number {
  let passed = 0;
  let failed = 0;
  let invalid = false;
  for (const file of args.files) {
    const loaded = load(file, io);
    if (!loaded.ok) {
      invalid = true;
      continue;
    }
    for (const scenario of loaded.scenarios) {
      const resolved = resolveScenario(scenario, origins);
      const expected = expectFor(resolved, args.browser);
      const explanation = explain(resolved, { browser: args.browser, origins });
      if (!expected) {
        io.stdout(`${scenario.id}  skip (no expect)`);
        continue;
      }
      const differences = compareExpect(expected, explanation.prediction);
      if (differences.length === 0) {
        passed += 1;
        io.stdout(`${scenario.id}  agree`);
      } else {
        failed += 1;
        io.stdout(`${scenario.id}  DIFFER ${differences.map(formatDifference).join('; ')}`);
      }
    }
  }
  io.stdout(`${passed} passed, ${failed} failed`);
  if (invalid) return 2;
  return failed > 0 ? 1 : 0;
}

function exportMain(argv: readonly string[], io: Io): number {
  const originsAt = argv.findIndex((arg) => arg === '--origins' || arg.startsWith('--origins='));
  const originArgs = originsAt === -1 ? [] : argv[originsAt]?.includes('=') ? [argv[originsAt] as string] : argv.slice(originsAt, originsAt + 2);
  const rest = originsAt === -1 ? argv : [...argv.slice(0, originsAt), ...argv.slice(originsAt + originArgs.length)];
  let args: ReturnType<typeof parseExportArgs>;
  let origins: Origins;
  try {
    args = parseExportArgs(rest);
    origins = { ...DEFAULT_ORIGINS, ...(originArgs.length > 0 ? parseArgs(['check', ...originArgs, '-']).origins : {}) };
  } catch (error) {
    io.stderr(`cors: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (args.list) return listCommand(args, io);
  const file = args.file as string;
  const loaded = load(file, io);
  if (!loaded.ok) return 2;
  return exportCommand(args, loaded.scenarios, origins, file, io);
}

export function runCli(argv: readonly string[], io: Io): number {
  if (argv[0] === 'export') return exportMain(argv.slice(1), io);
  let args: CliArgs;
  try {
    if (argv[0] === 'diagnose') return diagnoseCommand(argv.slice(1), io);
    if (argv[0] === 'import') return importCommand(argv.slice(1), io);
    if (argv[0] === 'lesson') return lessonCommand(argv.slice(1), io);
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cors: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (args.command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  const origins: Origins = { ...DEFAULT_ORIGINS, ...args.origins };
  return args.command === 'explain' ? explainCommand(args, origins, io) : checkCommand(args, origins, io);
}

const io: Io = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  readFile: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
};

const argv = process.argv.slice(2);
if (argv[0] === 'probe') {
  // The one command that goes to the network: asynchronous, with the same exit codes.
  probeCommand(argv.slice(1), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      io.stderr(`cors: ${error instanceof Error ? error.message : String(error)}${error instanceof UsageError ? `\n\n${USAGE}` : ''}`);
      process.exitCode = 2;
    },
  );
} else {
  process.exitCode = runCli(argv, io);
}
