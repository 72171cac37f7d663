import { describe, expect, it } from 'vitest';
import { DEFAULT_ORIGINS, ENGINES, validateScenario, type Engine } from '@cors-playground/cors-core';
import { explainScenario, type PredictionResult } from '../core/adapter';
import { presetById } from '../presets/presets';
import { compareEngines } from './engine-comparison';

function predictions(id: string): Record<Engine, PredictionResult> {
  const result = validateScenario(presetById(id));
  if (!result.ok) throw new Error(`bad preset ${id}`);
  return Object.fromEntries(ENGINES.map((engine) => [engine, explainScenario(result.scenario, engine, DEFAULT_ORIGINS)])) as Record<Engine, PredictionResult>;
}

describe('compareEngines', () => {
  it('gives one row per engine and names the one running the page', () => {
    const rows = compareEngines(predictions('simple-get'), 'firefox');
    expect(rows.map((row) => [row.label, row.thisBrowser])).toEqual([['Chromium', false], ['Firefox', true], ['WebKit', false]]);
    expect(rows[0]!.cells).toMatchObject({ preflight: { text: 'no', differs: false }, outcome: { text: 'ok', differs: false } });
  });

  it('marks the engine that does something else: Firefox preflights again under a cached `*`', () => {
    const rows = compareEngines(predictions('engines-differ-cached-wildcard'), 'chromium');
    expect(rows.map((row) => [row.engine, row.cells?.preflight.text, row.cells?.preflight.differs])).toEqual([
      ['chromium', 'yes, then no', false],
      ['firefox', 'yes', true],
      ['webkit', 'yes, then no', false],
    ]);
  });

  it('says per run when the runs differ (the preflight cache)', () => {
    const [chromium] = compareEngines(predictions('max-age-cache'), 'chromium');
    expect(chromium!.cells?.preflight.text).toBe('yes, then no');
  });

  it('marks nothing when every engine agrees', () => {
    const rows = compareEngines(predictions('credentials-with-star'), 'chromium');
    expect(rows.flatMap((row) => Object.entries(row.cells ?? {}).filter(([column, cell]) => column !== 'console' && cell.differs))).toEqual([]);
  });
});
