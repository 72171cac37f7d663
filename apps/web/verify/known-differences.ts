// The checked-in differences of an engine (known-differences/<engine>.json): compared against, so that a
// new difference fails the run and one that went away is reported.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '@cors-playground/cors-core';
import type { KnownDifference, ScenarioVerdict } from './verdict';

export function knownDifferencesPath(engine: Engine): string {
  return join(import.meta.dirname, 'known-differences', `${engine}.json`);
}

export function loadKnownDifferences(engine: Engine): KnownDifference[] {
  const path = knownDifferencesPath(engine);
  if (!existsSync(path)) return [];
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${path}: expected an array of { id, field }`);
  parsed.forEach((entry: unknown, index) => {
    const ok =
      typeof entry === 'object' && entry !== null &&
      typeof (entry as KnownDifference).id === 'string' && typeof (entry as KnownDifference).field === 'string' &&
      [undefined, 'prediction', 'expect'].includes((entry as KnownDifference).against);
    if (!ok) throw new Error(`${path}: [${index}] must be { "id": string, "field": string, "against"?: "prediction" | "expect", "note"?: string }`);
  });
  return parsed as KnownDifference[];
}

/**
 * The known differences after a run: every difference the run found, in scenario order, plus the entries
 * of scenarios that did not run (their notes kept where an entry stays).
 */
export function recordKnownDifferences(previous: readonly KnownDifference[], verdicts: readonly ScenarioVerdict[]): KnownDifference[] {
  const ran = new Set(verdicts.map((verdict) => verdict.id));
  const note = (id: string, field: string, against: 'prediction' | 'expect') =>
    previous.find((entry) => entry.id === id && entry.field === field && (entry.against ?? against) === against)?.note;
  const found = verdicts.flatMap((verdict) =>
    verdict.differences.map((difference): KnownDifference => {
      const entry: KnownDifference = { id: verdict.id, field: difference.field, against: difference.against };
      const kept = note(verdict.id, difference.field, difference.against);
      return kept ? { ...entry, note: kept } : entry;
    }),
  );
  return [...previous.filter((entry) => !ran.has(entry.id)), ...found];
}

export function writeKnownDifferences(engine: Engine, entries: readonly KnownDifference[]): void {
  const lines = entries.map((entry) => `  ${JSON.stringify(entry)}`);
  writeFileSync(knownDifferencesPath(engine), lines.length ? `[\n${lines.join(',\n')}\n]\n` : '[]\n');
}
