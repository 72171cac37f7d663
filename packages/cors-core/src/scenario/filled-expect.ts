// The shape prediction and observation share.
import type { Outcome } from './schema';

/**
 * One run in the shape of `expect` with every field filled: what a prediction and an observation both
 * report, so that the two compare field by field (shared/scenario-format.md, "Predictions and observations").
 */
export interface FilledExpectRun {
  /** A preflight reached the server during this run. */
  preflight: boolean;
  /** Lower-cased headers of the run's first preflight: at least origin, access-control-request-method, access-control-request-headers (null = absent). */
  preflightHeaders: Record<string, string | null>;
  preflightCount: number;
  actualSent: boolean;
  /** Lower-cased headers of the run's first actual request: origin (null = absent) and each header the page set. */
  receivedHeaders: Record<string, string | null>;
  outcome: Outcome;
  /** What script sees: the status when ok, 0 otherwise. */
  status: number;
  /** headers.get(name) (XHR: getResponseHeader) for each header of the final answer and each CORS-safelisted response-header name; null = hidden or absent. */
  readable: Record<string, string | null>;
  /** The console text of the run, or null when there is none. */
  console: string | null;
}
