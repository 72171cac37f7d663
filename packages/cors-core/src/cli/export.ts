// `cors export`: the policy of a scenario (`server.policy`) as a server's own configuration, and the
// policy half of `cors explain` for scenarios in policy mode. Its own argument parser, like args.ts.
import { explainPolicy, type PolicyExplanation } from '../policy/explain-policy';
import { EXPORT_FRAMEWORKS, exportPolicy, isExportFramework, listExports, type ExportFramework } from '../policy/export/index';
import { matchRoute } from '../scenario/routes';
import { parseUrl, serializeOrigin } from '../fetch/urls';
import { resolveScenario, type Origins } from '../scenario/placeholders';
import type { Scenario } from '../scenario/schema';

export const EXPORT_USAGE = `  cors export --framework NAME [--json] [--origins ...] FILE|-
      Prints the server configuration for the policy ("server.policy") of each scenario of FILE, in the
      syntax of NAME, with its known quirk and whether the export is checked by running the real software.
  cors export --list [--json]
      Names the frameworks and whether each export is checked by running the real software.`;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface ExportArgs {
  list: boolean;
  json: boolean;
  framework: ExportFramework | undefined;
  file: string | undefined;
}

/** Parses what follows `export`, except --origins (which the caller handles). Throws a message on bad usage. */
export function parseExportArgs(argv: readonly string[]): ExportArgs {
  const args: ExportArgs = { list: false, json: false, framework: undefined, file: undefined };
  const rest = [...argv];
  while (rest.length > 0) {
    const arg = rest.shift() as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--list') args.list = true;
    else if (flag === '--json') args.json = true;
    else if (flag === '--framework') {
      const name = inline ?? rest.shift();
      if (name === undefined) throw new Error('--framework needs a value');
      if (!isExportFramework(name)) throw new Error(`--framework: "${name}" is not one of ${EXPORT_FRAMEWORKS.join(', ')}`);
      args.framework = name;
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else if (args.file !== undefined) throw new Error('export reads one FILE (or -)');
    else args.file = arg;
  }
  if (!args.list && args.framework === undefined) throw new Error('export needs --framework NAME (or --list)');
  if (!args.list && args.file === undefined) throw new Error('export needs a FILE (or - for stdin)');
  return args;
}

export function listCommand(args: ExportArgs, io: Io): number {
  const targets = listExports();
  if (args.json) {
    io.stdout(JSON.stringify(targets, null, 2));
    return 0;
  }
  const width = Math.max(...targets.map((target) => target.framework.length));
  for (const target of targets) {
    const how = target.checked ? `checked: runs ${target.checked.version}` : 'generated from documentation only';
    io.stdout(`${target.framework.padEnd(width)}  ${target.label} (${how})`);
  }
  return 0;
}

/** The status the scenario's application answers its own request with: the stand-in in the export. */
function appStatusOf(scenario: Scenario): number {
  const url = parseUrl(scenario.request.url);
  if (!url) return 200;
  return matchRoute(scenario.server.routes, serializeOrigin(url), `${url.path}${url.query}`, 'actual')?.answer?.status ?? 200;
}

export function exportCommand(args: ExportArgs, scenarios: readonly Scenario[], origins: Origins, file: string, io: Io): number {
  const withPolicy = scenarios.filter((scenario) => scenario.server.policy !== undefined);
  if (withPolicy.length === 0) {
    io.stderr(`${file}: no scenario has a "server.policy" to export (policy mode); see packages/cors-core/README.md`);
    return 2;
  }
  const framework = args.framework as ExportFramework;
  const exports = withPolicy.map((scenario) => ({
    id: scenario.id,
    ...exportPolicy(scenario.server.policy as NonNullable<Scenario['server']['policy']>, framework, { origins, appStatus: appStatusOf(resolveScenario(scenario, origins)) }),
  }));
  if (args.json) {
    io.stdout(JSON.stringify(exports, null, 2));
    return 0;
  }
  for (const made of exports) {
    const how = made.checked ? `checked by running ${made.checked.version}` : 'generated from documentation only, not run';
    const comment = framework === 'nginx' || framework === 'apache' || framework === 'django-cors-headers' || framework === 'flask-cors' || framework === 'starlette' || framework === 'rack-cors' ? '#' : framework === 's3' ? null : '//';
    const header = [`${made.label}: ${made.file} for scenario "${made.id}" (${how})`, `Quirk: ${made.quirk}`, ...made.notes.map((note) => `Note: ${note}`)];
    if (comment === null) io.stderr(header.join('\n'));
    else io.stdout(header.map((line) => `${comment} ${line}`).join('\n'));
    io.stdout(made.text);
  }
  return 0;
}

/** The policy half of `cors explain`: each request's CORS headers as the middleware produced them, and why. */
export function formatPolicyExplanation(explained: PolicyExplanation): string {
  const lines = [`  policy (${explained.framework}):`];
  for (const request of explained.requests) {
    const headers = request.corsHeaders.map(([name, value]) => `${name}: ${value}`).join('; ');
    lines.push(`    run ${request.run + 1} hop ${request.hop} ${request.kind} ${request.method} ${request.url} → ${request.status}${headers ? ` [${headers}]` : ' [no CORS headers]'}`);
    for (const note of request.notes) lines.push(`      - ${note.text}`);
  }
  return lines.join('\n');
}

export { explainPolicy };
