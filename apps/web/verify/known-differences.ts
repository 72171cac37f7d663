// The checked-in differences of an engine (known-differences/<engine>.json): compared against, so that a
// new difference fails the run and one that went away is reported.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '@cors-playground/cors-core';
import type { KnownDifference } from './verdict';

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
