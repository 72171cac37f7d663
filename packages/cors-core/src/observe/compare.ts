// compareExpect(): the fields where an expectation (possibly partial: a scenario's `expect`) and an
// observation or a prediction (full) differ. The SPA's agreement badge and `pnpm verify` both use it,
// so a scenario agrees in one exactly when it agrees in the other.
import type { Engine, Expect, ExpectRun, Scenario } from '../scenario/schema';
import type { Difference } from './types';

const SCALAR_FIELDS = ['preflight', 'preflightCount', 'actualSent', 'outcome', 'status'] as const;
const MAP_FIELDS = ['preflightHeaders', 'receivedHeaders', 'readable'] as const;
type MapField = (typeof MAP_FIELDS)[number];
type HeaderValues = Record<string, string | null>;

/** The side compared against: a full observation or prediction (or any `expect`-shaped value). */
export type Comparable = Expect;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property lookup (never the prototype's `__proto__` or `constructor`). */
function own(map: unknown, key: string): unknown {
  return isRecord(map) && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/** A header value by name: the exact key first, else the first key equal ignoring case; absent = null. */
function headerValue(map: unknown, name: string): unknown {
  if (!isRecord(map)) return null;
  const exact = own(map, name);
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  const key = Object.keys(map).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? null : (map[key] ?? null);
}

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

function mergeMaps(base: unknown, over: unknown): HeaderValues | undefined {
  if (!isRecord(base) && !isRecord(over)) return undefined;
  return { ...(isRecord(base) ? base : {}), ...(isRecord(over) ? over : {}) } as HeaderValues;
}

/** `over`'s fields over `base`'s: scalars replaced, header maps merged name by name. */
function mergeRun(base: ExpectRun | undefined, over: ExpectRun | undefined): ExpectRun {
  const merged: ExpectRun = { ...(isRecord(base) ? base : {}), ...(isRecord(over) ? over : {}) };
  for (const field of MAP_FIELDS) {
    const map = mergeMaps(own(base, field), own(over, field));
    if (map) merged[field] = map;
  }
  return merged;
}

function runsOf(expected: unknown): unknown[] {
  const runs = own(expected, 'runs');
  return Array.isArray(runs) ? runs : [];
}

/**
 * What is expected of run `index`: the top-level fields, each field that `runs[index]` lists replacing
 * the top-level one (a header map as a whole: a full prediction's runs must not inherit the first
 * run's header names).
 */
export function expectForRun(expected: Expect, index: number): ExpectRun {
  const { runs: _runs, ...top } = isRecord(expected) ? expected : ({} as Expect);
  const run = runsOf(expected)[index];
  return { ...top, ...(isRecord(run) ? run : {}) };
}

/** A run's fields without `console`. */
function withoutConsole(run: ExpectRun): ExpectRun {
  const { console: _console, ...rest } = run;
  return rest;
}

/**
 * The expectation of a scenario in a browser: `expect` with `expectBy[browser]` merged over it (header
 * maps name by name, `runs` entry by entry). Undefined when the scenario expects nothing.
 *
 * `expect` describes Chromium unless overridden (shared/scenario-format.md), and a console text is
 * one engine's wording: so for Firefox and WebKit the console text of `expect` is left out, and only
 * a console text given in `expectBy[browser]` is expected.
 */
/** The browser `expect` describes (shared/scenario-format.md); `expectBy` holds the others' differences. */
const EXPECT_DESCRIBES: Engine = 'chromium';

export function expectFor(scenario: Pick<Scenario, 'expect' | 'expectBy'>, browser: Engine): Expect | undefined {
  const base = scenario.expect;
  const over = scenario.expectBy?.[browser];
  if (!base && !over) return undefined;
  const ownWording = (run: ExpectRun | undefined): ExpectRun | undefined => (run && browser !== EXPECT_DESCRIBES ? withoutConsole(run) : run);
  const { runs: _baseRuns, ...baseTop } = base ?? {};
  const { runs: _overRuns, ...overTop } = over ?? {};
  const merged: Expect = mergeRun(ownWording(baseTop), overTop);
  const baseRuns = base?.runs ?? [];
  const overRuns = over?.runs ?? [];
  const count = Math.max(baseRuns.length, overRuns.length);
  if (count > 0) merged.runs = Array.from({ length: count }, (_, index) => mergeRun(ownWording(baseRuns[index]), overRuns[index]));
  return merged;
}

function compareRun(expected: ExpectRun, actual: unknown, prefix: string, out: Difference[]): void {
  for (const field of SCALAR_FIELDS) {
    const want = own(expected, field);
    if (want === undefined) continue;
    const got = own(actual, field);
    if (!same(want, got)) out.push({ field: prefix + field, expected: want, actual: got });
  }
  // The console is compared only where the engine exposes it (an observation from WebKitWebDriver has none).
  const wantConsole = own(expected, 'console');
  const gotConsole = own(actual, 'console');
  if (wantConsole !== undefined && gotConsole !== undefined && !same(wantConsole, gotConsole)) {
    out.push({ field: `${prefix}console`, expected: wantConsole, actual: gotConsole });
  }
  for (const field of MAP_FIELDS) compareMap(field, own(expected, field), own(actual, field), prefix, out);
}

function compareMap(field: MapField, want: unknown, got: unknown, prefix: string, out: Difference[]): void {
  if (!isRecord(want)) return;
  for (const name of Object.keys(want)) {
    const wantValue = want[name] ?? null;
    const gotValue = headerValue(got, name);
    if (!same(wantValue, gotValue)) out.push({ field: `${prefix}${field}.${name}`, expected: wantValue, actual: gotValue });
  }
}

/**
 * The differences between an expectation and a full observation (or prediction), comparing only the
 * fields and header names the expected side lists. Each run is compared with the top-level fields
 * merged with `runs[i]`; with more than one run the fields are named `runs[i].field`. Never throws.
 */
export function compareExpect(expected: Expect, actual: Comparable): Difference[] {
  const out: Difference[] = [];
  const actualRuns = runsOf(actual);
  const runs = actualRuns.length > 0 ? actualRuns : [actual];
  const expectedRuns = runsOf(expected);
  runs.forEach((run, index) => {
    const prefix = runs.length > 1 ? `runs[${index}].` : '';
    compareRun(expectForRun(expected, index), run, prefix, out);
  });
  for (let index = runs.length; index < expectedRuns.length; index++) {
    out.push({ field: `runs[${index}]`, expected: expectedRuns[index], actual: undefined });
  }
  return out;
}

/** `runs[1].preflight: expected true, got false` */
export function formatDifference(difference: Difference): string {
  return `${difference.field}: expected ${formatValue(difference.expected)}, got ${formatValue(difference.actual)}`;
}

export function formatValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
