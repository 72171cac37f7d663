// A preset's `expect` records what real Chromium did for that preset. Once the scenario is edited it may
// describe another request: this says which of its fields Chromium's prediction no longer meets.
import { compareExpect, expectFor, resolveScenario, validateScenario, type Difference, type Origins, type Scenario } from '@cors-playground/cors-core';
import { explainScenario } from '../core/adapter';

/** The fields of `expect` that cors-core's Chromium prediction contradicts; empty when none (or no expect). */
export function staleExpectFields(scenario: Scenario, origins: Origins): Difference[] {
  if (!scenario.expect && !scenario.expectBy) return [];
  const validation = validateScenario(scenario);
  if (!validation.ok) return [];
  const expected = expectFor(resolveScenario(validation.scenario, origins), 'chromium');
  const prediction = explainScenario(validation.scenario, 'chromium', origins);
  if (!expected || !prediction.ok) return [];
  return compareExpect(expected, prediction.explanation.prediction);
}

/** The scenario without its expectations. */
export function withoutExpect(scenario: Scenario): Scenario {
  const { expect: _expect, expectBy: _expectBy, ...rest } = scenario;
  return rest;
}
