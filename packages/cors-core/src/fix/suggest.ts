// Fix suggestions: for a failing scenario, the smallest changes to the server's answers that make the
// request pass, each found by repairing the failure cors-core reports, re-explaining, and repeating, and
// kept only when the final explanation passes. Several strategies give several fixes, safest first.
import { explain } from '../explain/explain';
import type { Explanation } from '../explain/types';
import { parseUrl, serializeOrigin } from '../fetch/urls';
import { DEFAULT_ORIGINS, resolveOriginPlaceholders, type Origins } from '../scenario/placeholders';
import { routeKeysFor } from '../scenario/routes';
import type { Answer, Engine, Scenario } from '../scenario/schema';
import { safetyReview, type SafetyRisk } from './safety';

export interface FixChange {
  /** The route key and which answer changed. */
  route: string;
  answer: 'preflight' | 'actual';
  /** One plain sentence: "add `Access-Control-Allow-Methods: PUT`". */
  text: string;
}

export interface FixSuggestion {
  id: string;
  title: string;
  /** 1 = safest. */
  rank: number;
  safety: 'exact' | 'permissive';
  why: string;
  changes: FixChange[];
  /** The scenario with the changes applied (and without the failing one's `expect`): cors-core explains it as passing. */
  scenario: Scenario;
  /** What the safety lens says about the fixed scenario (empty: nothing dangerous found). */
  risks: SafetyRisk[];
}

export interface FixOptions {
  browser?: Engine;
  origins?: Origins;
}

type Strategy = 'exact' | 'permissive';
const ACAO = 'Access-Control-Allow-Origin';
const MAX_STEPS = 8;

const lower = (name: string) => name.toLowerCase();
const getHeader = (answer: Answer | undefined, name: string) => answer?.headers.find(([n]) => lower(n) === lower(name))?.[1];
function setHeader(answer: Answer, name: string, value: string): Answer {
  const rest = answer.headers.filter(([n]) => lower(n) !== lower(name));
  return { ...answer, headers: [...rest, [name, value]] };
}

/** The failure kind of run 0 (the DevTools issue names it), or null when it passes or fails otherwise. */
function failureKind(explanation: Explanation): string | null {
  if (explanation.prediction.runs.every((run) => run.outcome === 'ok' || run.outcome === 'opaque')) return null;
  const issue = explanation.console.devtoolsIssue;
  return issue?.startsWith('CorsIssue: ') ? issue.slice('CorsIssue: '.length) : 'other';
}

/** The scenario's route key for the last request of run 0 (or a new key for its path). */
function failingRoute(scenario: Scenario, explanation: Explanation, origins: Origins): { key: string; kind: 'preflight' | 'actual' } | null {
  const last = explanation.requests.filter((request) => request.run === 0).at(-1);
  if (!last) return null;
  const url = parseUrl(last.url);
  if (!url) return null;
  const origin = serializeOrigin(url);
  const pathAndQuery = last.url.slice(origin.length) || '/';
  const keys = Object.keys(scenario.server.routes);
  for (const candidate of routeKeysFor(origin, pathAndQuery)) {
    const key = keys.find((k) => resolveOriginPlaceholders(k, origins) === candidate);
    if (key) return { key, kind: last.kind };
  }
  const path = pathAndQuery.replace(/\?.*$/, '');
  const placeholder = (['api', 'other', 'page'] as const).find((name) => origins[name] === origin);
  return { key: placeholder === 'api' ? path : placeholder ? `{${placeholder}}${path}` : `${origin}${path}`, kind: last.kind };
}

interface Step {
  answer: Answer;
  text: string;
}

/** The repair of one failure on the answer that caused it. */
function repair(kind: string, answer: Answer, scenario: Scenario, strategy: Strategy, value: string, allow: string): Step | null {
  const credentials = scenario.request.credentials === 'include';
  const origin = strategy === 'permissive' && !credentials ? '*' : allow;
  const withVary = (a: Answer) => (origin === '*' || /\borigin\b/i.test(getHeader(a, 'Vary') ?? '') ? a : setHeader(a, 'Vary', [getHeader(a, 'Vary'), 'Origin'].filter(Boolean).join(', ')));
  switch (kind.replace(/^Preflight(?=(WildcardOriginNotAllowed|MissingAllowOriginHeader|MultipleAllowOriginValues|InvalidAllowOriginValue|AllowOriginMismatch|InvalidAllowCredentials))/, '')) {
    case 'MissingAllowOriginHeader':
    case 'MultipleAllowOriginValues':
    case 'InvalidAllowOriginValue':
    case 'AllowOriginMismatch':
    case 'WildcardOriginNotAllowed': {
      const lines = answer.headers.filter(([n]) => lower(n) === lower(ACAO)).length;
      const what = lines > 1 ? `send one ${ACAO} line, \`${origin}\` (remove the duplicate a proxy or the app adds)` : lines === 1 ? `send \`${ACAO}: ${origin}\` instead of \`${getHeader(answer, ACAO)}\`` : `add \`${ACAO}: ${origin}\` (also to error answers: nginx \`add_header ... always\`)`;
      return { answer: withVary(setHeader(answer, ACAO, origin)), text: what };
    }
    case 'InvalidAllowCredentials':
      return { answer: setHeader(answer, 'Access-Control-Allow-Credentials', 'true'), text: 'add `Access-Control-Allow-Credentials: true`' };
    case 'PreflightInvalidStatus':
      return { answer: { ...answer, status: 204 }, text: `answer the preflight with 204 instead of ${answer.status} (before authentication and routing run)` };
    case 'PreflightDisallowedRedirect': {
      const headers = answer.headers.filter(([n]) => lower(n) !== 'location');
      return { answer: { ...answer, status: 204, headers }, text: `answer the preflight with 204 instead of redirecting it (${answer.status})` };
    }
    case 'InvalidAllowMethodsPreflightResponse':
    case 'MethodDisallowedByPreflightResponse': {
      const current = getHeader(answer, 'Access-Control-Allow-Methods');
      const parsed = kind === 'InvalidAllowMethodsPreflightResponse' ? (current ?? '').split(/[\s,;]+/).filter(Boolean) : (current ?? '').split(',').map((m) => m.trim()).filter(Boolean);
      const method = scenario.request.method;
      const list = strategy === 'permissive' && !credentials ? ['*'] : [...new Set([...parsed, method])];
      return { answer: setHeader(answer, 'Access-Control-Allow-Methods', list.join(', ')), text: `list \`${list.includes('*') ? '*' : method}\` in Access-Control-Allow-Methods: \`${list.join(', ')}\`` };
    }
    case 'InvalidAllowHeadersPreflightResponse':
    case 'HeaderDisallowedByPreflightResponse': {
      const current = getHeader(answer, 'Access-Control-Allow-Headers');
      const parsed = kind === 'InvalidAllowHeadersPreflightResponse' ? (current ?? '').split(/[\s,;]+/).filter(Boolean) : (current ?? '').split(',').map((m) => m.trim()).filter(Boolean);
      const name = value.toLowerCase();
      // `*` never covers Authorization (and means a literal `*` with credentials): name those.
      const list = strategy === 'permissive' && !credentials && name !== 'authorization' ? ['*'] : [...new Set([...parsed.filter((n) => n !== '*' || !credentials), name])];
      return { answer: setHeader(answer, 'Access-Control-Allow-Headers', list.join(', ')), text: `allow the request header \`${name}\`: \`Access-Control-Allow-Headers: ${list.join(', ')}\`` };
    }
    default:
      return null;
  }
}

/** The failed parameter of run 0's failure, read back from Chromium's console text. */
function failedValue(explanation: Explanation): string {
  const text = explanation.console.chromium ?? '';
  return /Request header field (\S+) is not allowed/.exec(text)?.[1] ?? '';
}

function applyStrategy(scenario: Scenario, options: Required<FixOptions>, strategy: Strategy): { scenario: Scenario; changes: FixChange[] } | null {
  let current = scenario;
  const changes: FixChange[] = [];
  const allow = scenario.page === 'null' ? 'null' : '{page}';
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const explanation = explain(current, { browser: options.browser, origins: options.origins });
    const kind = failureKind(explanation);
    if (kind === null) return changes.length > 0 ? { scenario: current, changes } : null;
    const where = failingRoute(current, explanation, options.origins);
    if (!where) return null;
    const route = current.server.routes[where.key] ?? {};
    const answerKind = kind.startsWith('Preflight') || /Methods|Headers/.test(kind) ? 'preflight' : where.kind;
    // A route with no answer for this request gets one (the echo server's 404 has no CORS headers).
    const existing: Answer = route[answerKind] ?? { status: answerKind === 'preflight' ? 204 : 200, headers: [] };
    const fixed = repair(kind, existing, current, strategy, failedValue(explanation), allow);
    if (!fixed) return null;
    const text = route[answerKind] === undefined ? `add a ${answerKind === 'preflight' ? 'preflight (OPTIONS) answer' : 'answer'} and ${fixed.text}` : fixed.text;
    changes.push({ route: where.key, answer: answerKind, text });
    current = { ...current, server: { routes: { ...current.server.routes, [where.key]: { ...route, [answerKind]: fixed.answer } } } };
  }
  return null;
}

/** The fixes for a failing scenario, safest first; empty when it passes or no server change can fix it. */
export function suggestFixes(scenario: Scenario, options: FixOptions = {}): FixSuggestion[] {
  const resolvedOptions = { browser: options.browser ?? 'chromium', origins: options.origins ?? DEFAULT_ORIGINS };
  const out: FixSuggestion[] = [];
  const seen = new Set<string>();
  const strategies: { strategy: Strategy; title: string; why: string }[] = [
    { strategy: 'exact', title: 'Allow exactly this origin, method and headers', why: 'Names the page\'s origin and only what the request needs: nothing else is opened to other sites. With a reflected origin, `Vary: Origin` keeps caches from serving it to another site.' },
    { strategy: 'permissive', title: 'Allow any origin with `*` (no credentials)', why: 'Simpler, and fine for public data that needs no cookies: any site can read these answers. Not possible with credentials.' },
  ];
  for (const { strategy, title, why } of strategies) {
    const result = applyStrategy(scenario, resolvedOptions, strategy);
    if (!result) continue;
    const signature = JSON.stringify(result.scenario.server);
    if (seen.has(signature)) continue;
    seen.add(signature);
    // Checked: the fixed scenario passes in every run.
    const check = explain(result.scenario, resolvedOptions);
    if (!check.prediction.runs.every((run) => run.outcome === 'ok' || run.outcome === 'opaque')) continue;
    // The failing scenario's `expect` described the failure: the fixed one carries none.
    const { expect: _expect, expectBy: _expectBy, ...fixed } = result.scenario;
    out.push({ id: `fix-${strategy}`, title, rank: out.length + 1, safety: strategy, why, changes: result.changes, scenario: fixed, risks: safetyReview(fixed, resolvedOptions) });
  }
  return out;
}
