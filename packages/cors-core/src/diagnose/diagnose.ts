// diagnose(): pasted console text in (Chromium, Firefox or Safari wording, with or without URLs, several
// lines at once), the rule behind each message out: what it means, the likely causes ranked, what to
// check on the server, and a scenario reproducing each cause. Never throws.
import { firefoxConsoleMessage } from '../console/index';
import type { FailureKind } from '../fetch/decision';
import type { Engine, Scenario } from '../scenario/schema';
import { matchLine, messagePatterns, normalizeQuotes, type Captured, type PatternMatch, type RuleId } from './patterns';
import { causesOf, RULES, type CauseDefinition } from './rules';
import { causeContext, causeScenario, type CauseContext } from './scenarios';

export interface DiagnosedCause {
  id: string;
  title: string;
  why: string;
  check: string;
  /** The row of shared/confusions.md the cause comes from. */
  confusion?: number;
  /** A scenario reproducing this cause: open it in the playground or run `cors explain` on it. */
  scenario: Scenario;
}

export interface DiagnosisMatch {
  /** 1-based line of the pasted text. */
  line: number;
  text: string;
  /** The engine whose wording matched ('any' for a line every engine prints alike). */
  engine: Engine | 'any';
  /** The rule behind the message; `rules` lists every rule the same wording can stand for. */
  rule: RuleId;
  rules: RuleId[];
  title: string;
  explanation: string;
  /** The Fetch standard's step, and the MDN page Firefox links to, when there is one. */
  spec: string;
  mdn?: string;
  captured: Captured;
  checks: string[];
  /** Ranked: the causes the line points at (its status, its value) first. */
  causes: DiagnosedCause[];
  /** Causes no scenario can reproduce. */
  otherCauses: string[];
  /** Lines that only accompany this one (net::ERR_FAILED, "Failed to fetch"). */
  companions: string[];
}

export interface ClosestMatch {
  rule: RuleId;
  engine: Engine | 'any';
  template: string;
  /** 0..1, the share of words in common. */
  score: number;
}

export interface UnrecognisedLine {
  line: number;
  text: string;
  closest: ClosestMatch[];
}

export interface Diagnosis {
  matches: DiagnosisMatch[];
  unrecognised: UnrecognisedLine[];
}

export interface DiagnoseOptions {
  /** Prefer this engine's wording where several engines print the same words. */
  browser?: Engine;
}

/** Longest line diagnosed; longer ones are cut (a paste of a whole log must not stall the page). */
const MAX_LINE_LENGTH = 4000;
const MAX_LINES = 500;

/** Lines that are neither a message nor worth reporting: stack frames, blank lines, a lone prefix. */
function isNoise(line: string): boolean {
  const text = line.trim();
  if (text.length < 8) return true;
  if (/^(at\s|@|\(anonymous\)|Promise\.then|\[(Error|Warning|Log)\]\s*$)/.test(text)) return true;
  if (/^[\w$.<>]+@\S+:\d+:\d+$/.test(text)) return true; // Firefox and Safari stack frame
  return text.split(/\s+/).length < 3;
}

function words(text: string): Set<string> {
  return new Set(
    normalizeQuotes(text)
      .toLowerCase()
      .replace(/<[a-z]+>/g, ' ')
      .split(/[^a-z0-9-]+/)
      .filter((word) => word.length >= 3),
  );
}

/** The closest templates to a line nobody recognised, by the share of words in common (Dice). */
export function closestMatches(text: string, limit = 3): ClosestMatch[] {
  const lineWords = words(text);
  const scored = messagePatterns().map((pattern) => {
    const templateWords = words(pattern.template);
    let common = 0;
    for (const word of templateWords) if (lineWords.has(word)) common += 1;
    const score = lineWords.size + templateWords.size === 0 ? 0 : (2 * common) / (lineWords.size + templateWords.size);
    return { rule: pattern.rules[0] as RuleId, engine: pattern.engine, template: pattern.template, score: Math.round(score * 100) / 100 };
  });
  scored.sort((a, b) => b.score - a.score);
  const seen = new Set<string>();
  const out: ClosestMatch[] = [];
  for (const candidate of scored) {
    if (seen.has(candidate.rule) || candidate.score === 0) continue;
    seen.add(candidate.rule);
    out.push(candidate);
    if (out.length === limit) break;
  }
  return out;
}

/** Causes of every rule the wording can stand for, the line's own first, then by the `when` hints. */
function rankedCauses(rules: readonly RuleId[], ctx: CauseContext): CauseDefinition[] {
  const all: CauseDefinition[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    for (const cause of causesOf(rule, ctx)) {
      if (seen.has(cause.id)) continue;
      seen.add(cause.id);
      all.push(cause);
    }
  }
  const pointed = all.filter((cause) => cause.when?.(ctx) === true);
  return [...pointed, ...all.filter((cause) => !pointed.includes(cause))];
}

function mdnFor(rule: RuleId): string | undefined {
  if (!(rule in RULES) || rule === 'RefusedUnsafeHeader' || rule === 'AuthorizationCoveredByWildcard' || rule === 'NetworkFailure') return undefined;
  const message = firefoxConsoleMessage({ kind: rule as FailureKind, value: '', hop: 0, lastUrl: '', initialUrl: '', duringPreflight: false, status: 0, responseTainting: 'cors' });
  return message?.mdn;
}

function buildMatch(line: number, text: string, found: PatternMatch, companions: string[]): DiagnosisMatch {
  const rules = found.pattern.rules;
  const rule = rules[0] as RuleId;
  const definition = RULES[rule];
  const ctx = causeContext(found.captured);
  const causes = rankedCauses(rules, ctx).map((cause): DiagnosedCause => {
    const notes = `Reproduces the console message:\n\n> ${text.trim()}\n\n${cause.why}\n\nCheck: ${cause.check}`;
    const diagnosed: DiagnosedCause = {
      id: cause.id,
      title: cause.title,
      why: cause.why,
      check: cause.check,
      scenario: causeScenario(ctx, cause.id, cause.title, notes, definition?.spec ?? '', cause.build(ctx)),
    };
    if (cause.confusion !== undefined) diagnosed.confusion = cause.confusion;
    return diagnosed;
  });
  const match: DiagnosisMatch = {
    line,
    text: text.trim(),
    engine: found.pattern.engine,
    rule,
    rules: [...rules],
    title: definition?.title ?? rule,
    explanation: definition?.explanation ?? '',
    spec: definition?.spec ?? '',
    captured: found.captured,
    checks: definition?.checks ?? [],
    causes,
    otherCauses: [...new Set(rules.flatMap((id) => RULES[id]?.otherCauses ?? []))],
    companions,
  };
  const mdn = mdnFor(rule);
  if (mdn) match.mdn = mdn;
  return match;
}

/**
 * Reads pasted console text line by line. A line that only accompanies a message (Chromium's
 * net::ERR_FAILED line, "TypeError: Failed to fetch") is folded into the message before it, and its
 * status refines the ranking; alone, it is diagnosed as a failure whose reason is elsewhere.
 */
export function diagnose(text: string, options: DiagnoseOptions = {}): Diagnosis {
  const lines = String(text).split(/\r?\n/).slice(0, MAX_LINES);
  const found: { line: number; text: string; match: PatternMatch; companions: string[] }[] = [];
  const unrecognised: UnrecognisedLine[] = [];
  const pendingCompanions: { text: string; match: PatternMatch }[] = [];
  lines.forEach((raw, index) => {
    const lineText = raw.length > MAX_LINE_LENGTH ? raw.slice(0, MAX_LINE_LENGTH) : raw;
    const match = matchLine(lineText, options.browser);
    if (!match) {
      if (!isNoise(lineText)) unrecognised.push({ line: index + 1, text: lineText.trim(), closest: closestMatches(lineText) });
      return;
    }
    if (match.pattern.companion) {
      const previous = found.at(-1);
      if (previous && !previous.match.pattern.companion) {
        previous.companions.push(lineText.trim());
        // The status of the blocked answer, which Chromium's CORS line does not print.
        if (previous.match.captured.status === undefined && match.captured.status !== undefined) previous.match.captured.status = match.captured.status;
        return;
      }
      pendingCompanions.push({ text: lineText.trim(), match });
      found.push({ line: index + 1, text: lineText, match, companions: [] });
      return;
    }
    found.push({ line: index + 1, text: lineText, match, companions: [] });
  });
  // A companion printed before any message (Safari prints the reason, then "cannot load") is folded
  // into the first real message when there is one.
  const real = found.filter((entry) => !entry.match.pattern.companion);
  const kept = real.length > 0 ? real : found;
  if (real.length > 0) {
    const first = real[0] as (typeof real)[number];
    for (const companion of pendingCompanions) first.companions.push(companion.text);
  }
  return {
    matches: kept.map((entry) => buildMatch(entry.line, entry.text, entry.match, entry.companions)),
    unrecognised,
  };
}
