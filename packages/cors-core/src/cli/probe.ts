// `cors probe URL`: asks a real server what a browser would ask (the preflight when one is needed, then
// the request with the headers a browser adds), records both answers, and lets cors-core decide. The
// transport lives here, in the Node CLI; the rules stay in the pure core.
import { writeFileSync } from 'node:fs';
import { explain } from '../explain/explain';
import type { Explanation } from '../explain/types';
import { OriginMap } from '../import/request';
import { isHeaderName, isSendableHeaderValue } from '../scenario/header-syntax';
import { MAX_ANSWER_BODY_LENGTH, MAX_HEADER_VALUE_LENGTH } from '../scenario/limits';
import { ScenarioSchema, type Engine, type Scenario, type ScenarioInput } from '../scenario/schema';
import { parseBrowserOption, takeOption, UsageError } from './args';
import type { Io } from './commands';
import { GuardError, guardedFetch, guardedFetchOnce, type GuardedAnswer, type GuardOptions } from './net-guard';
import { formatExplanation } from './report';

export interface ProbeArgs {
  url: string;
  origin: string;
  method: string;
  headers: [string, string][];
  credentials: boolean;
  browser: Engine;
  expect: 'pass' | 'fail';
  json: boolean;
  save?: string;
  allowPrivate: boolean;
  timeoutMs?: number;
}

export function parseProbeArgs(argv: readonly string[]): ProbeArgs {
  const args: Partial<ProbeArgs> & { headers: [string, string][] } = { origin: 'http://localhost:3000', method: 'GET', headers: [], credentials: false, browser: 'chromium', expect: 'pass', json: false, allowPrivate: false };
  const rest = [...argv];
  while (rest.length > 0) {
    const { arg, flag, value } = takeOption(rest);
    switch (flag) {
      case '--origin': {
        const origin = value().replace(/\/$/, '');
        if (origin !== 'null' && !/^https?:\/\/[^/?#\s]+$/i.test(origin)) throw new UsageError(`--origin: "${origin}" is not an origin such as https://app.example.com`);
        args.origin = origin;
        break;
      }
      case '--method':
      case '-X':
        args.method = value();
        break;
      case '--header':
      case '-H': {
        const line = value();
        const colon = line.indexOf(':');
        if (colon <= 0) throw new UsageError(`--header: "${line}" is not "Name: value"`);
        args.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
        break;
      }
      case '--credentials':
        args.credentials = true;
        break;
      case '--browser':
        args.browser = parseBrowserOption(value());
        break;
      case '--expect': {
        const expected = value();
        if (expected !== 'pass' && expected !== 'fail') throw new UsageError(`--expect: "${expected}" is not pass or fail`);
        args.expect = expected;
        break;
      }
      case '--json':
        args.json = true;
        break;
      case '--save':
        args.save = value();
        break;
      case '--allow-private':
        args.allowPrivate = true;
        break;
      case '--timeout': {
        const ms = value();
        if (!/^\d+$/.test(ms) || Number(ms) < 1 || Number(ms) > 60_000) throw new UsageError(`--timeout: "${ms}" is not a number of milliseconds (1-60000)`);
        args.timeoutMs = Number(ms);
        break;
      }
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        if (args.url !== undefined) throw new UsageError('probe takes one URL');
        args.url = arg;
    }
  }
  if (args.url === undefined) throw new UsageError('probe needs a URL');
  if (!/^https?:\/\//i.test(args.url)) throw new UsageError(`"${args.url}" is not an http(s) URL`);
  return args as ProbeArgs;
}

/** The headers a browser adds to a cross-origin fetch (besides Origin and the CORS ones cors-core predicts). */
function browserHeaders(browser: Engine, origin: string): [string, string][] {
  const agent = {
    chromium: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0',
    webkit: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  }[browser];
  const out: [string, string][] = [['User-Agent', agent], ['Accept', '*/*'], ['Accept-Language', 'en-US,en;q=0.9'], ['Sec-Fetch-Mode', 'cors'], ['Sec-Fetch-Site', 'cross-site'], ['Sec-Fetch-Dest', 'empty']];
  if (origin !== 'null') out.push(['Referer', `${origin}/`]);
  return out;
}

/** A recorded answer as a scenario answer: only header lines the echo server could send again. */
function answerOf(answer: GuardedAnswer, map: (value: string, name: string) => string) {
  const headers: [string, string][] = answer.headers
    .filter(([name, value]) => isHeaderName(name) && isSendableHeaderValue(value) && value.length <= MAX_HEADER_VALUE_LENGTH)
    .filter(([name]) => !['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date'].includes(name.toLowerCase()))
    .map(([name, value]): [string, string] => [name, map(value, name)]);
  const status = answer.status >= 200 && answer.status <= 599 ? answer.status : 200;
  const out: { status: number; headers: [string, string][]; body?: string } = { status, headers };
  if (answer.body) out.body = answer.body.slice(0, MAX_ANSWER_BODY_LENGTH);
  return out;
}

interface Recorded {
  preflight: GuardedAnswer | null;
  hops: GuardedAnswer[];
  sent: { kind: 'preflight' | 'actual'; method: string; url: string; headers: [string, string][] }[];
}

/** The scenario of what was recorded, with literal origins (to explain) or placeholders (to save). */
function recordedScenario(args: ProbeArgs, recorded: Recorded, placeholders: OriginMap | null): Scenario {
  const mapUrl = (url: string) => (placeholders ? (placeholders.mapUrl(url) ?? url) : url);
  const keyOf = (url: string) => {
    const parsed = new URL(url);
    return placeholders ? (mapUrl(`${parsed.origin}${parsed.pathname}`)) : `${parsed.origin}${parsed.pathname}`;
  };
  const mapValue = (value: string, name: string) => {
    if (!placeholders) return value;
    return name.toLowerCase() === 'location' ? mapUrl(value) : placeholders.mapText(value);
  };
  const routes: Record<string, { preflight?: ReturnType<typeof answerOf>; actual?: ReturnType<typeof answerOf> }> = {};
  if (recorded.preflight) routes[keyOf(args.url)] = { preflight: answerOf(recorded.preflight, mapValue) };
  for (const hop of recorded.hops) {
    const key = keyOf(hop.url);
    routes[key] = { ...routes[key], actual: answerOf(hop, mapValue) };
  }
  const input: ScenarioInput = {
    version: 1,
    id: 'probed',
    title: `${args.method} ${args.url} from ${args.origin}`.slice(0, 300),
    notes: placeholders ? `Recorded by \`cors probe\` on ${new Date().toISOString()}: \`${args.method} ${args.url}\` from origin ${args.origin}.\n\nOrigins: ${placeholders.describe()}.` : undefined,
    page: args.origin === 'null' ? 'null' : placeholders ? '{page}' : args.origin,
    request: {
      url: mapUrl(args.url),
      method: args.method,
      headers: args.headers,
      credentials: args.credentials ? 'include' : 'same-origin',
    },
    server: { routes },
  };
  return ScenarioSchema.parse(input);
}

function explainRecorded(args: ProbeArgs, recorded: Recorded): Explanation {
  const api = new URL(args.url).origin;
  const other = recorded.hops.map((hop) => new URL(hop.url).origin).find((origin) => origin !== api) ?? 'http://other.invalid';
  const page = args.origin === 'null' ? 'http://page.invalid' : args.origin;
  return explain(recordedScenario(args, recorded, null), { browser: args.browser, origins: { page, api, other } });
}

export interface ProbeResult {
  explanation: Explanation;
  recorded: Recorded;
  scenario: Scenario;
}

/** Sends what the browser would send, in the browser's order, and explains the recorded answers. */
export async function probe(args: ProbeArgs, guard: GuardOptions): Promise<ProbeResult> {
  const recorded: Recorded = { preflight: null, hops: [], sent: [] };
  // 1. What would the browser send? cors-core's prediction against a server that allows everything.
  const api = new URL(args.url).origin;
  const allowAll: Recorded = {
    preflight: { url: args.url, status: 204, body: '', bodyTruncated: false, headers: [['Access-Control-Allow-Origin', args.origin], ['Access-Control-Allow-Credentials', 'true'], ['Access-Control-Allow-Methods', args.method], ['Access-Control-Allow-Headers', args.headers.map(([name]) => name).join(', ') || 'x']] },
    hops: [{ url: args.url, status: 200, body: '', bodyTruncated: false, headers: [['Access-Control-Allow-Origin', args.origin], ['Access-Control-Allow-Credentials', 'true']] }],
    sent: [],
  };
  const planned = explainRecorded(args, allowAll).requests.filter((request) => request.run === 0);
  const extra = browserHeaders(args.browser, args.origin);
  const preflight = planned.find((request) => request.kind === 'preflight');
  if (preflight) {
    const headers: [string, string][] = [...preflight.headers, ...extra.filter(([name]) => name !== 'Accept')];
    recorded.sent.push({ kind: 'preflight', method: 'OPTIONS', url: args.url, headers });
    recorded.preflight = await guardedFetchOnce({ url: args.url, method: 'OPTIONS', headers }, guard);
    // 2. A preflight the browser refuses stops here: the request itself is never sent.
    const afterPreflight = explainRecorded(args, { ...recorded, hops: allowAll.hops });
    if (afterPreflight.requests.every((request) => request.kind === 'preflight')) {
      return { explanation: explainRecorded(args, recorded), recorded, scenario: recordedScenario(args, recorded, new OriginMap(args.origin === 'null' ? null : args.origin)) };
    }
  }
  const actual = planned.find((request) => request.kind === 'actual');
  const headers: [string, string][] = [...(actual?.headers ?? [['Origin', args.origin]]), ...extra];
  recorded.sent.push({ kind: 'actual', method: args.method, url: args.url, headers });
  recorded.hops = await guardedFetch({ url: args.url, method: args.method, headers, body: null }, guard, (next) => {
    recorded.sent.push({ kind: 'actual', method: next.method, url: next.url, headers: next.headers });
    // A cross-origin hop: the browser sends Origin: null from then on (tainted origin).
    const crossed = new URL(next.url).origin !== api;
    return crossed ? { ...next, headers: next.headers.map(([name, value]): [string, string] => [name, name.toLowerCase() === 'origin' ? 'null' : value]) } : next;
  });
  const placeholders = new OriginMap(args.origin === 'null' ? null : args.origin);
  return { explanation: explainRecorded(args, recorded), recorded, scenario: recordedScenario(args, recorded, placeholders) };
}

/** `cors probe ...`: exit 0 when the verdict is --expect's, 1 when not, 2 on usage or network errors. */
export async function probeCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseProbeArgs(argv);
  let result: ProbeResult;
  try {
    result = await probe(args, { allowPrivate: args.allowPrivate, ...(args.timeoutMs ? { timeoutMs: args.timeoutMs } : {}) });
  } catch (error) {
    if (error instanceof GuardError) {
      io.stderr(`cors probe: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const passed = result.explanation.prediction.outcome === 'ok';
  if (args.save) writeFileSync(args.save, `${JSON.stringify(result.scenario, null, 2)}\n`);
  if (args.json) {
    io.stdout(JSON.stringify({
      url: args.url,
      origin: args.origin,
      browser: args.browser,
      pass: passed,
      expect: args.expect,
      verdict: result.explanation.verdict,
      console: result.explanation.prediction.console,
      sent: result.recorded.sent,
      answers: [...(result.recorded.preflight ? [{ kind: 'preflight', ...result.recorded.preflight }] : []), ...result.recorded.hops.map((hop) => ({ kind: 'actual', ...hop }))],
      steps: result.explanation.steps,
    }, null, 2));
  } else {
    const lines = [`${args.method} ${args.url} from ${args.origin} (${args.browser}): ${passed ? 'PASS' : 'FAIL'} (expected ${args.expect})`];
    for (const sent of result.recorded.sent) lines.push(`  sent ${sent.kind} ${sent.method} ${sent.url}`);
    if (result.recorded.preflight) lines.push(`  preflight answer: ${result.recorded.preflight.status} ${result.recorded.preflight.headers.map(([n, v]) => `${n}: ${v}`).join('; ')}`);
    for (const hop of result.recorded.hops) lines.push(`  answer: ${hop.status} ${hop.headers.map(([n, v]) => `${n}: ${v}`).join('; ')}`);
    lines.push(formatExplanation(result.explanation));
    if (args.save) lines.push(`saved the recorded answers as a scenario: ${args.save}`);
    io.stdout(lines.join('\n'));
  }
  return passed === (args.expect === 'pass') ? 0 : 1;
}
