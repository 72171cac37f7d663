// The fixes cors-core suggests for the scenario being edited, and what its safety lens says about it:
// derived (never stored), with the rules of the engine the prediction shows.
import type { Origins, Scenario } from '@cors-playground/cors-core';
import type { Engine } from '@cors-playground/cors-core';
import { fixesAndRisks, type FixesResult } from '../core/adapter';
import { memo, selectPredictionEngine, selectValidation } from './selectors';
import type { AppState } from './store';

const NONE: FixesResult = { ok: true, fixes: [], risks: [] };

const fixesFor = memo((scenario: Scenario | null, browser: Engine, origins: Origins): FixesResult => (scenario ? fixesAndRisks(scenario, browser, origins) : NONE));

/** Fixes (safest first) when the scenario fails; the safety lens's risks when it passes or fails. */
export const selectFixes = (state: AppState): FixesResult => {
  const validation = selectValidation(state);
  return fixesFor(validation.ok ? validation.scenario : null, selectPredictionEngine(state), state.origins);
};
