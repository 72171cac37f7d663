// What the runner page reports (docs/DESIGN.md, "The runner") and what `observe` makes of it: an
// observation in the shape of `expect` (shared/scenario-format.md), every field filled.
import type { FilledExpectRun } from '../scenario/filled-expect';

/**
 * A request as the echo server recorded it (docs/DESIGN.md, "The record"). Only the fields the
 * observation reads: the echo server's `RecordedRequest` is assignable to it.
 */
export interface ObservedRequest {
  seq: number;
  /** The origin the request was sent to. */
  origin: string;
  method: string;
  /** Logical path and query. */
  path: string;
  rawHeaders: [string, string][];
  kind: 'preflight' | 'actual';
  answer: { status: number; headers: [string, string][] } | { error: string };
}

/** What script saw when it performed one request. */
export interface RunOutcome {
  /** `resolved`: fetch resolved / XHR `load`; `rejected`: the promise rejected / XHR `error`; `threw`: a synchronous exception. */
  kind: 'resolved' | 'rejected' | 'threw';
  /** `response.status` / `xhr.status` (0 for errors and opaque responses). */
  status: number;
  /** `response.type` (fetch), null for XHR or when there is no response. */
  type: string | null;
  /** The response URL with the wire prefix removed (a logical URL), or null. */
  url: string | null;
  redirected: boolean;
  /** The headers script can read, as iterated (`response.headers` / `getAllResponseHeaders()`). */
  headers: [string, string][];
  /** The start of the body as text, when script could read it. */
  bodyExcerpt: string | null;
  error: { name: string; message: string } | null;
  durationMs: number;
}

export interface RunnerRun {
  outcome: RunOutcome;
  /** The requests the server recorded during this run, in arrival order. */
  requests: ObservedRequest[];
}

/** The result of `window.corsPlayground.runScenario(scenario, origins)`. */
export interface RunnerResult {
  runId: string;
  /** The key that reads the run's record (`GET /__pg/record/<key>`). */
  key: string;
  userAgent: string;
  runs: RunnerRun[];
}

/**
 * One run of an observation: every field of `expect`, filled, as in a prediction; except that `console`
 * is undefined when the engine exposes no console (WebKitWebDriver), and then is not compared.
 */
export interface ObservedRun extends Omit<FilledExpectRun, 'console'> {
  console?: string | null;
}

/** An observation: the first run's fields at the top, and every run in `runs` (one per repeat). */
export interface Observation extends ObservedRun {
  runs: ObservedRun[];
}

/** One field where an expectation and an observation (or a prediction) differ. */
export interface Difference {
  /** `outcome`, `readable.x-secret`, `runs[1].preflight` ... */
  field: string;
  expected: unknown;
  actual: unknown;
}
