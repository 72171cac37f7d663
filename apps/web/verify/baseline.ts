// The baseline every rate is read against: round trips of an empty scenario (one same-origin GET,
// nothing to isolate) through one runner page that stays open. It costs the browser, the echo server
// and the runner their fixed share of a scenario and nothing else, so "scenarios/s ÷ baseline/s"
// compares runs made on a machine under different load (the development machines are shared).
import { ScenarioSchema, type Scenario } from '@cors-playground/cors-core';

/** Round trips measured per engine before its corpus runs. */
export const BASELINE_ROUND_TRIPS = 20;

export const EMPTY_SCENARIO: Scenario = ScenarioSchema.parse({
  id: 'baseline-empty-round-trip',
  request: { url: '{page}/empty', method: 'GET' },
  server: { routes: { '/empty': { actual: { status: 200, headers: [], body: '' } } } },
});

export interface Baseline {
  roundTrips: number;
  seconds: number;
}

export function perSecond(count: number, seconds: number): number {
  return seconds > 0 ? count / seconds : 0;
}

/** `baseline 14.2 empty round trips/s` */
export function baselineText(baseline: Baseline): string {
  return `baseline ${perSecond(baseline.roundTrips, baseline.seconds).toFixed(1)} empty round trips/s`;
}
