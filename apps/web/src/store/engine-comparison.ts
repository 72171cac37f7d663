// The prediction with each engine's rules, one row each, so the differences between Chromium, Firefox
// and WebKit show at a glance. A value is marked as differing when it is not the most common one among
// the engines (all three are marked when all three differ).
import { ENGINES, type Engine } from '@cors-playground/cors-core';
import type { PredictionResult } from '../core/adapter';
import { ENGINE_LABELS } from '../engine/detect';

export const ENGINE_COLUMNS = ['preflight', 'outcome', 'readable', 'console'] as const;
export type EngineColumn = (typeof ENGINE_COLUMNS)[number];

export interface EngineCell {
  text: string;
  /** Not what most engines do. */
  differs: boolean;
}

export interface EngineRow {
  engine: Engine;
  label: string;
  /** The engine running this page. */
  thisBrowser: boolean;
  /** Null when there is no prediction (the reason is in `unavailable`). */
  cells: Record<EngineColumn, EngineCell> | null;
  unavailable?: string;
}

/** One value per run, said once when every run has it ("yes", or "yes, then no"). */
function perRun(values: string[]): string {
  return values.every((value) => value === values[0]) ? (values[0] ?? '') : values.join(', then ');
}

/** The comparable text of each column, and the console text (compared only on whether there is one). */
function columnsOf(result: PredictionResult, engine: Engine): { values: Record<EngineColumn, string>; console: string } | null {
  if (!result.ok) return null;
  const { prediction, console } = result.explanation;
  const runs = prediction.runs.length ? prediction.runs : [prediction];
  const text = engine === 'firefox' ? console.firefox?.text : console[engine];
  return {
    values: {
      preflight: perRun(runs.map((run) => (run.preflight ? (run.preflightCount > 1 ? `yes (${run.preflightCount})` : 'yes') : 'no'))),
      outcome: perRun(runs.map((run) => run.outcome)),
      readable: perRun(
        runs.map((run) => {
          if (run.outcome !== 'ok') return 'nothing';
          const names = Object.entries(run.readable).filter(([, value]) => value !== null).map(([name]) => name);
          return `status ${run.status}${names.length ? `; ${names.join(', ')}` : ''}`;
        }),
      ),
      console: text ? 'message' : 'none',
    },
    console: text ?? '(nothing)',
  };
}

function differing(values: (string | undefined)[]): boolean[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  const top = Math.max(0, ...counts.values());
  const allDistinct = counts.size === values.filter((value) => value !== undefined).length && counts.size > 1;
  return values.map((value) => value !== undefined && counts.size > 1 && ((counts.get(value) ?? 0) < top || allDistinct));
}

export function compareEngines(predictions: Record<Engine, PredictionResult>, thisEngine: Engine): EngineRow[] {
  const columns = ENGINES.map((engine) => columnsOf(predictions[engine], engine));
  const marks = Object.fromEntries(ENGINE_COLUMNS.map((column) => [column, differing(columns.map((entry) => entry?.values[column]))])) as Record<EngineColumn, boolean[]>;
  return ENGINES.map((engine, index) => {
    const entry = columns[index];
    const result = predictions[engine];
    const row: EngineRow = { engine, label: ENGINE_LABELS[engine], thisBrowser: engine === thisEngine, cells: null };
    if (!entry) return { ...row, unavailable: result.ok ? 'no prediction' : result.reason };
    const cell = (column: EngineColumn, text: string): EngineCell => ({ text, differs: marks[column][index]! });
    return {
      ...row,
      cells: {
        preflight: cell('preflight', entry.values.preflight),
        outcome: cell('outcome', entry.values.outcome),
        readable: cell('readable', entry.values.readable),
        console: cell('console', entry.console),
      },
    };
  });
}
