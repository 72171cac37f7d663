// cors-core's prediction for an engine, through `explain()` when the core exports it.
import * as core from '@cors-playground/cors-core';
import type { Engine, Expect, Origins, Scenario } from '@cors-playground/cors-core';

type Explain = (scenario: Scenario, options: { browser: Engine; origins: Origins }) => { prediction: Expect };

/** The core's `explain`, or undefined while the core does not export one. */
export function findExplain(): Explain | undefined {
  const candidate = (core as Record<string, unknown>).explain;
  return typeof candidate === 'function' ? (candidate as Explain) : undefined;
}
