// `cors diagnose` and `cors import`: error text and copied requests in, rules and scenarios out.
import { diagnose } from '../diagnose/diagnose';
import { importCurl } from '../import/curl';
import { importFetch } from '../import/fetch';
import { importHar } from '../import/har';
import { ENGINES, type Engine } from '../scenario/schema';
import { takeOption, UsageError } from './args';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => string;
}

/** Flags shared by the new commands: --browser, --json, --entry, and one FILE (or -). */
interface Flags { browser?: Engine; json: boolean; entry?: number; file: string | undefined; rest: string[] }

export function parseFlags(argv: readonly string[], allowed: readonly string[]): Flags {
  const flags: Flags = { json: false, file: undefined, rest: [] };
  const rest = [...argv];
  while (rest.length > 0) {
    const { arg, flag, value } = takeOption(rest);
    if (flag.startsWith('--') && !allowed.includes(flag)) throw new UsageError(`unknown option ${flag}`);
    if (flag === '--json') flags.json = true;
    else if (flag === '--browser') {
      const browser = value();
      if (!(ENGINES as readonly string[]).includes(browser)) throw new UsageError(`--browser: "${browser}" is not one of ${ENGINES.join(', ')}`);
      flags.browser = browser as Engine;
    } else if (flag === '--entry') {
      const entry = value();
      if (!/^\d+$/.test(entry)) throw new UsageError(`--entry: "${entry}" is not an entry number (0, 1, ...)`);
      flags.entry = Number(entry);
    } else if (flags.file === undefined) flags.file = arg;
    else flags.rest.push(arg);
  }
  return flags;
}

function read(file: string, io: Io): string | null {
  try {
    return io.readFile(file);
  } catch (error) {
    io.stderr(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** `cors diagnose [--browser B] [--json] [FILE|-]`: exit 0 when a line was recognised, 1 when none was. */
export function diagnoseCommand(argv: readonly string[], io: Io): number {
  const flags = parseFlags(argv, ['--browser', '--json']);
  if (flags.rest.length > 0) throw new UsageError('diagnose reads one FILE (or -)');
  const text = read(flags.file ?? '-', io);
  if (text === null) return 2;
  const diagnosis = diagnose(text, flags.browser ? { browser: flags.browser } : {});
  if (flags.json) {
    io.stdout(JSON.stringify(diagnosis.matches, null, 2));
    for (const line of diagnosis.unrecognised) io.stderr(`line ${line.line}: not recognised; closest: ${line.closest.map((c) => `${c.rule} (${c.score})`).join(', ')}`);
  } else {
    const out: string[] = [];
    for (const match of diagnosis.matches) {
      out.push(`line ${match.line} (${match.engine}): ${match.title} [${match.rule}]`);
      out.push(`  ${match.explanation}`);
      out.push(`  spec: ${match.spec}${match.mdn ? `  MDN: ${match.mdn}` : ''}`);
      if (match.rules.length > 1) out.push(`  the same words also stand for: ${match.rules.slice(1).join(', ')}`);
      out.push('  likely causes:');
      match.causes.forEach((cause, index) => {
        out.push(`    ${index + 1}. ${cause.title}${cause.confusion ? ` (confusion #${cause.confusion})` : ''}`);
        out.push(`       ${cause.why}`);
        out.push(`       check: ${cause.check}`);
        out.push(`       scenario: ${cause.scenario.id} (--json prints it)`);
      });
      for (const other of match.otherCauses) out.push(`    - ${other}`);
      if (match.checks.length > 0) out.push('  on the server, check:', ...match.checks.map((check) => `    - ${check}`));
    }
    for (const line of diagnosis.unrecognised) {
      out.push(`line ${line.line}: not recognised: ${line.text.slice(0, 120)}`);
      for (const closest of line.closest) out.push(`  closest: ${closest.rule} (${closest.engine}, ${Math.round(closest.score * 100)}% of words): ${closest.template}`);
    }
    if (out.length === 0) out.push('nothing to diagnose: paste the console lines');
    io.stdout(out.join('\n'));
  }
  return diagnosis.matches.length > 0 ? 0 : 1;
}

/** `cors import curl|fetch|har [--entry N] [--json] FILE|-`: the scenario on stdout, what was left out on stderr. */
export function importCommand(argv: readonly string[], io: Io): number {
  const [kind, ...rest] = argv;
  if (kind !== 'curl' && kind !== 'fetch' && kind !== 'har') throw new UsageError(`import: "${kind ?? ''}" is not curl, fetch or har`);
  const flags = parseFlags(rest, kind === 'har' ? ['--entry', '--json'] : ['--json']);
  if (flags.file === undefined) throw new UsageError(`import ${kind} needs a FILE (or - for stdin)`);
  if (flags.rest.length > 0) throw new UsageError(`import reads one FILE (or -)`);
  const text = read(flags.file, io);
  if (text === null) return 2;
  const result = kind === 'curl' ? importCurl(text) : kind === 'fetch' ? importFetch(text) : importHar(text, flags.entry === undefined ? {} : { entry: flags.entry });
  if (!result.ok) {
    io.stderr(`${flags.file}: ${result.error}`);
    return 2;
  }
  if (flags.json) {
    io.stdout(JSON.stringify({ scenario: result.scenario, notCarried: result.notCarried, ...('entry' in result ? { entry: result.entry } : {}) }, null, 2));
  } else {
    io.stdout(JSON.stringify(result.scenario, null, 2));
    if (result.notCarried.length > 0) io.stderr(['not carried over:', ...result.notCarried.map((item) => `  ${item.what}: ${item.why}`)].join('\n'));
  }
  return 0;
}
