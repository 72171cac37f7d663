// The runner's result: cors-core's `RunnerResult`, with the echo server's full record entries.
import type { RunnerResult as CoreRunnerResult, RunOutcome } from '@cors-playground/cors-core';
import type { RecordedRequest } from '@cors-playground/wire';

export interface RunnerResult extends CoreRunnerResult {
  runs: { outcome: RunOutcome; requests: RecordedRequest[] }[];
}

export interface RunOptions {
  /**
   * Called after each run, before the next one starts. `pnpm verify` uses it to split the console
   * messages between runs.
   */
  onRunEnd?: (index: number, outcome: RunOutcome) => unknown;
  /**
   * The run key to use (else a new one): the key whose run id the starting-cookie visits already used,
   * so that the cookies' paths are this run's.
   */
  key?: string;
}
