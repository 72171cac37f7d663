// The verdict on one scenario in one engine: observation against cors-core's prediction and against
// the scenario's expectation, with the engine's checked-in known differences set apart.
import { compareExpect, formatValue, type Difference, type Engine, type Expect, type Observation } from '@cors-playground/cors-core';
import type { RecordedRequest } from '@cors-playground/wire';

/** A difference the project knows about (apps/web/verify/known-differences/<engine>.json). */
export interface KnownDifference {
  id: string;
  field: string;
  /** Which comparison it concerns; both when left out. */
  against?: 'prediction' | 'expect';
  /** Why it is known: the engine behaviour, the bug, the plan. */
  note?: string;
}

export interface FoundDifference extends Difference {
  against: 'prediction' | 'expect';
  known: boolean;
}

export interface ScenarioVerdict {
  id: string;
  engine: Engine;
  version: string;
  /** cors-core's prediction for this engine, or null when the core has no `explain` (yet) or it failed. */
  prediction: Expect | null;
  observation: Observation | null;
  /** The scenario's `expect` merged with `expectBy[engine]`, or null when it expects nothing. */
  expected: Expect | null;
  differences: FoundDifference[];
  /** The scenario could not be run or predicted: the reason. */
  error: string | null;
  /** No error and no difference that is not a known one. */
  agree: boolean;
  /** The differences are a later run's preflight, and that run started after the cached result it should reuse expired (timing.ts): why. */
  tooSlow: string | null;
  /** A later run reuses a preflight result that lives 10 s or less (timing.ts): the scenario depends on time. */
  timingDependent: boolean;
  requests: RecordedRequest[];
  durationMs: number;
}

export function findDifferences(
  id: string,
  observation: Observation,
  prediction: Expect | null,
  expected: Expect | null,
  known: readonly KnownDifference[],
): FoundDifference[] {
  const isKnown = (field: string, against: 'prediction' | 'expect') =>
    known.some((entry) => entry.id === id && entry.field === field && (entry.against === undefined || entry.against === against));
  const mark = (against: 'prediction' | 'expect') => (difference: Difference): FoundDifference => ({ ...difference, against, known: isKnown(difference.field, against) });
  return [
    ...(prediction ? compareExpect(prediction, observation).map(mark('prediction')) : []),
    ...(expected ? compareExpect(expected, observation).map(mark('expect')) : []),
  ];
}

/** Known differences of the scenarios that ran which did not show up: the engine or the core now agrees. */
export function staleKnownDifferences(verdicts: readonly ScenarioVerdict[], known: readonly KnownDifference[]): KnownDifference[] {
  const byId = new Map(verdicts.map((verdict) => [verdict.id, verdict]));
  return known.filter((entry) => {
    const verdict = byId.get(entry.id);
    if (!verdict || verdict.error) return false;
    return !verdict.differences.some((difference) => difference.field === entry.field && (entry.against === undefined || entry.against === difference.against));
  });
}

function describe(difference: FoundDifference): string {
  const [want, got] = difference.against === 'prediction' ? ['predicted', 'observed'] : ['expected', 'observed'];
  const prefix = difference.against === 'expect' ? 'expect ' : '';
  return `${prefix}${difference.field}: ${want} ${formatValue(difference.expected)}, ${got} ${formatValue(difference.actual)}`;
}

/** `id  agree` | `id  DIFFER field: predicted X, observed Y; expect field: expected X, observed Y` | `id  ERROR ...` */
export function verdictLine(verdict: ScenarioVerdict, idWidth = 0): string {
  const id = verdict.id.padEnd(idWidth);
  if (verdict.error) return `${id}  ERROR ${verdict.error}`;
  if (verdict.tooSlow) return `${id}  TOO SLOW TO JUDGE ${verdict.tooSlow}`;
  const fresh = verdict.differences.filter((difference) => !difference.known);
  const known = verdict.differences.filter((difference) => difference.known);
  const knownNote = known.length ? ` (known: ${known.map((difference) => `${difference.against === 'expect' ? 'expect ' : ''}${difference.field}`).join(', ')})` : '';
  const real = realBackendNote(verdict.requests);
  if (fresh.length === 0) return `${id}  agree${knownNote}${real}`;
  return `${id}  DIFFER ${fresh.map(describe).join('; ')}${knownNote}${real}`;
}

/** " (real express 5.3.0, cors 2.8.6)" when the echo server's real middleware answered (server.backend "real"). */
export function realBackendNote(requests: readonly RecordedRequest[]): string {
  const versions = [...new Set(requests.flatMap((request) => (request.backend ? [request.backend.version] : [])))];
  return versions.length > 0 ? ` (real ${versions.join('; ')})` : '';
}
