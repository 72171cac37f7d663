// The console messages cors-core prints, read backwards: one pattern per message template, built by
// calling the very functions that print them (src/console) with marker values and turning the markers
// into capture groups. A wording change in src/console changes the pattern with it.
import {
  chromiumConsoleMessage,
  chromiumCorsReason,
  chromiumRefusedHeaderMessage,
  firefoxAuthorizationWarning,
  firefoxConsoleMessage,
  webkitCannotLoadMessage,
  webkitConsoleMessage,
} from '../console/index';
import { CORS_ERROR_KINDS, OTHER_FAILURE_KINDS, type FailureKind } from '../fetch/decision';
import type { FetchFailure } from '../fetch/fetch-params';
import type { Engine } from '../scenario/schema';

/** What a pattern can capture from a pasted line. */
export interface Captured {
  api?: 'fetch' | 'xhr';
  /** The URL of the request that failed, and the first URL when it was redirected. */
  url?: string;
  initialUrl?: string;
  /** The page's origin as printed ('null' for a sandboxed frame or a file:// page). */
  origin?: string;
  /** The page's URL (Firefox's same-origin-mode message). */
  documentUrl?: string;
  /** The failed parameter: a header value, a method, a header name. */
  value?: string;
  /** The status Firefox and WebKit print ("(null)" is left out). */
  status?: number;
  method?: string;
}

/** A rule id: a failure kind of the simulation, or a line that accompanies one. */
export type RuleId = FailureKind | 'RefusedUnsafeHeader' | 'AuthorizationCoveredByWildcard' | 'NetworkFailure';

export interface MessagePattern {
  engine: Engine | 'any';
  /** The rules this wording can stand for, the likeliest first (Firefox prints one text for several). */
  rules: RuleId[];
  /** The template with markers shown as <url>, <origin>, <value>, <status>: for "closest matches". */
  template: string;
  regex: RegExp;
  /** How specific the pattern is: the number of literal characters. The longest match wins. */
  literalLength: number;
  /** Whether the line only accompanies the real reason (net::ERR_FAILED, "Failed to fetch"). */
  companion: boolean;
  /** Whether cors-core's own console functions print it (the round trip applies), or it is hand-written. */
  derived: boolean;
  groups: (keyof Captured)[];
}

const MARK = {
  url: '\uE001',
  initialUrl: '\uE002',
  origin: '\uE003',
  value: '\uE004',
  documentUrl: '\uE005',
  api: '\uE006',
  redirect: '\uE007',
  webkitApi: '\uE008',
} as const;
const STATUS_MARK = 987_654;
const MARK_NAMES: Record<string, string> = { url: '<url>', initialUrl: '<url>', origin: '<origin>', value: '<value>', documentUrl: '<url>', api: '<api>', redirect: '', webkitApi: '<api>' };

/** Curly quotes and non-breaking spaces as plain ones: people paste from MDN, chat and bug trackers. */
export function normalizeQuotes(text: string): string {
  return text.replace(/[‘’‚‛′]/g, "'").replace(/[“”„″]/g, '"').replace(/\u00a0/g, ' ');
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A template (with markers) as a regex source. " Status code: <status>" becomes optional (older
 * Firefox and WebKit builds print no status), and so does the redirect part of Chromium's prefix.
 */
function templateRegex(template: string, groups: (keyof Captured)[]): { source: string; literalLength: number } {
  let literalLength = 0;
  let source = '';
  const statusText = String(STATUS_MARK);
  const parts = normalizeQuotes(template).split(new RegExp(`(${Object.values(MARK).join('|')}| Status code: ${statusText}\\.?|${statusText})`));
  for (const part of parts) {
    if (part === '') continue;
    const markName = (Object.keys(MARK) as (keyof typeof MARK)[]).find((name) => MARK[name] === part);
    if (markName === 'api' || markName === 'webkitApi') {
      groups.push('api');
      source += markName === 'api' ? '(fetch|XMLHttpRequest)' : '(Fetch API|XMLHttpRequest)';
    } else if (markName === 'redirect') {
      groups.push('initialUrl');
      source += String.raw`(?: \(redirected from '(\S*?)'\))?`;
    } else if (markName) {
      groups.push(markName);
      source += markName === 'value' ? '(.*?)' : '(\\S*?)';
    } else if (part.startsWith(' Status code: ')) {
      groups.push('status');
      source += ` ?(?:Status code: (\\d{3}|\\(null\\))\\.?)?`;
    } else if (part === statusText) {
      groups.push('status');
      source += '(\\d{3}|\\(null\\))';
    } else {
      literalLength += part.length;
      source += escapeRegex(part);
    }
  }
  return { source, literalLength };
}

function failureWithMarks(kind: FailureKind, status: number | null = STATUS_MARK): FetchFailure {
  return { kind, value: MARK.value, hop: 0, lastUrl: MARK.url, initialUrl: MARK.url, duringPreflight: kind.startsWith('Preflight'), status, responseTainting: 'cors' };
}

/** The longest common prefix of two texts: Chromium's reason without the per-API hint sentence. */
function commonPrefix(a: string, b: string): string {
  let index = 0;
  while (index < a.length && a[index] === b[index]) index += 1;
  return a.slice(0, index);
}

function pattern(engine: MessagePattern['engine'], rules: RuleId[], template: string, options: { optionalHead?: string; optionalTail?: string; companion?: boolean; derived?: boolean } = {}): MessagePattern {
  const groups: (keyof Captured)[] = [];
  const head = options.optionalHead ? templateRegex(options.optionalHead, groups) : null;
  const body = templateRegex(template, groups);
  const tail = options.optionalTail ? templateRegex(options.optionalTail, groups) : null;
  const source = `${head ? `(?:${head.source})?` : ''}${body.source}${tail ? `(?:${tail.source})?` : ''}`;
  const shown = (options.optionalHead ?? '') + template + (options.optionalTail ?? '');
  return {
    engine,
    rules,
    template: normalizeQuotes(shown)
      .replace(new RegExp(`${Object.values(MARK).join('|')}`, 'g'), (mark) => MARK_NAMES[(Object.keys(MARK) as (keyof typeof MARK)[]).find((name) => MARK[name] === mark) as string] ?? '')
      .replace(String(STATUS_MARK), '<status>'),
    regex: new RegExp(source),
    literalLength: body.literalLength,
    companion: options.companion ?? false,
    derived: options.derived ?? true,
    groups,
  };
}

const ALL_KINDS: readonly FailureKind[] = [...CORS_ERROR_KINDS, ...OTHER_FAILURE_KINDS];

/** Chromium: "Access to <api> at '<url>' [(redirected from '<url>') ]from origin '<origin>' has been blocked by CORS policy: " + reason. */
function chromiumPatterns(): MessagePattern[] {
  const out: MessagePattern[] = [];
  for (const kind of ALL_KINDS) {
    const fetchReason = chromiumCorsReason(kind, MARK.value, 'fetch');
    const xhrReason = chromiumCorsReason(kind, MARK.value, 'xhr');
    if (fetchReason !== null && xhrReason !== null) {
      const failure = { ...failureWithMarks(kind), initialUrl: MARK.initialUrl };
      const full = chromiumConsoleMessage(failure, { api: 'fetch', documentOrigin: MARK.origin }) as string;
      const head = full.slice(0, full.indexOf(fetchReason)).replace('Access to fetch at', `Access to ${MARK.api} at`);
      // The redirect part is optional: split it out of the head so it matches with or without it.
      const [before, after] = head.split(` (redirected from '${MARK.initialUrl}')`);
      out.push(pattern('chromium', [kind], commonPrefix(fetchReason, xhrReason), { optionalHead: `${before}${MARK.redirect}${after}` }));
      continue;
    }
    const whole = chromiumConsoleMessage(failureWithMarks(kind), { api: 'fetch', documentOrigin: MARK.origin });
    if (whole !== null) out.push(pattern('chromium', [kind], whole));
  }
  out.push(pattern('chromium', ['RefusedUnsafeHeader'], chromiumRefusedHeaderMessage(MARK.value)));
  return out;
}

/**
 * A Firefox line as "<head>(Reason: <reason>)<tail>": the head (with the URL) and the tail (the status)
 * are optional, and so are the parentheses: MDN titles its pages "Reason: <reason>".
 */
function firefoxReasonPattern(rules: RuleId[], line: string, reasonAt: number): MessagePattern {
  const close = line.lastIndexOf(')', line.includes('Status code:') ? line.indexOf('Status code:') : line.length);
  return pattern('firefox', rules, line.slice(reasonAt + 1, close), { optionalHead: `${line.slice(0, reasonAt)}(`, optionalTail: line.slice(close) });
}

/** Firefox: "Cross-Origin Request Blocked: ... at <url>. " (optional) + "(Reason: ...)", one pattern per line. */
function firefoxPatterns(): MessagePattern[] {
  const byTemplate = new Map<string, RuleId[]>();
  for (const kind of ALL_KINDS) {
    const message = firefoxConsoleMessage(failureWithMarks(kind), { documentUrl: MARK.documentUrl });
    if (!message) continue;
    // A preflight answered with a redirect prints two lines; the second is the "did not succeed" one.
    const line = message.text.split('\n')[0] as string;
    byTemplate.set(line, [...(byTemplate.get(line) ?? []), kind]);
  }
  const out: MessagePattern[] = [];
  for (const [line, rules] of byTemplate) {
    const reasonAt = line.indexOf('(Reason:');
    if (reasonAt === -1) {
      out.push(pattern('firefox', rules, line));
      continue;
    }
    out.push(firefoxReasonPattern(rules, line, reasonAt));
  }
  const warning = firefoxAuthorizationWarning(MARK.url);
  out.push(firefoxReasonPattern(['AuthorizationCoveredByWildcard'], warning, warning.indexOf('(Reason:')));
  return out;
}

/** WebKit: the reason line, then "Fetch API cannot load <url> due to access control checks." */
function webkitPatterns(): MessagePattern[] {
  const byTemplate = new Map<string, RuleId[]>();
  for (const kind of ALL_KINDS) {
    const text = webkitConsoleMessage(failureWithMarks(kind), MARK.origin);
    if (text !== null) byTemplate.set(text, [...(byTemplate.get(text) ?? []), kind]);
  }
  const out = [...byTemplate].map(([text, rules]) => pattern('webkit', rules, text));
  out.push(pattern('webkit', ['NetworkFailure'], webkitCannotLoadMessage('fetch', MARK.url).replace('Fetch API', MARK.webkitApi), { companion: true }));
  return out;
}

/**
 * Lines that only say "it failed" (hand-written: the browsers print them, cors-core does not). Chromium's
 * network line, e.g. "GET http://api.example.com/x net::ERR_FAILED 200 (OK)" or "Failed to load
 * resource: net::ERR_FAILED"; the rejections script sees in each engine.
 */
function companionPatterns(): MessagePattern[] {
  const companion = (engine: MessagePattern['engine'], source: string, template: string, groups: (keyof Captured)[]): MessagePattern => ({
    engine, rules: ['NetworkFailure'], template, regex: new RegExp(source), literalLength: template.length - 20, companion: true, derived: false, groups,
  });
  return [
    companion('chromium', String.raw`(?:\b([A-Z]{3,10}) )?(?:(\S+) )?net::ERR_FAILED(?: (\d{3})\b)?`, '<METHOD> <url> net::ERR_FAILED <status>', ['method', 'url', 'status']),
    companion('chromium', String.raw`TypeError: Failed to fetch`, 'TypeError: Failed to fetch', []),
    companion('firefox', String.raw`NetworkError when attempting to fetch resource`, 'TypeError: NetworkError when attempting to fetch resource.', []),
    companion('webkit', String.raw`TypeError: Load failed`, 'TypeError: Load failed', []),
  ];
}

let table: MessagePattern[] | undefined;

/** Every pattern, built once on first use (the console tables are read when the first diagnosis runs). */
export function messagePatterns(): readonly MessagePattern[] {
  table ??= [...chromiumPatterns(), ...firefoxPatterns(), ...webkitPatterns(), ...companionPatterns()];
  return table;
}

export interface PatternMatch {
  pattern: MessagePattern;
  captured: Captured;
}

/** Reads the groups of a match into `Captured`. */
function capturedFrom(pattern: MessagePattern, match: RegExpExecArray): Captured {
  const captured: Captured = {};
  pattern.groups.forEach((name, index) => {
    const text = match[index + 1];
    if (text === undefined || text === '') return;
    if (name === 'status') {
      if (/^\d{3}$/.test(text)) captured.status = Number(text);
    } else if (name === 'api') {
      captured.api = text === 'XMLHttpRequest' ? 'xhr' : 'fetch';
    } else if (name === 'method') {
      captured.method = text;
    } else {
      captured[name] = text.replace(/^'|'$/g, '');
    }
  });
  return captured;
}

/** The most specific pattern matching one line (engine-preferred when `browser` is given), or null. */
export function matchLine(line: string, browser?: Engine): PatternMatch | null {
  const text = normalizeQuotes(line);
  let best: PatternMatch | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const candidate of messagePatterns()) {
    const match = candidate.regex.exec(text);
    if (!match) continue;
    const score = candidate.literalLength + (browser && candidate.engine === browser ? 10_000 : 0) + (candidate.companion ? -5_000 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = { pattern: candidate, captured: capturedFrom(candidate, match) };
    }
  }
  return best;
}
