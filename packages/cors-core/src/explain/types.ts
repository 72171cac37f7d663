// The shape explain() returns. Stable: the web app, the CLI and the verifier read it.
import type { PredictedRequest } from '../fetch/fetch-params';
import type { FilledExpectRun } from '../scenario/filled-expect';
import type { Engine } from '../scenario/schema';
import type { StoredCookie } from '../cookies/jar';

/** One run's cookies: what each actual request (hop) carried, and the jar after the run. */
export interface RunCookiesPrediction {
  /** The `Cookie` header of each actual request of the run, hop by hop (null: none). */
  sent: (string | null)[];
  /** The cookies the browser holds once the run is over. */
  jar: StoredCookie[];
}

/** One run's prediction, in the shape of `expect` with every field filled. */
export type PredictionRun = FilledExpectRun;

export interface Prediction extends PredictionRun {
  /** One entry per repeat. The top-level fields equal runs[0]. */
  runs: PredictionRun[];
}

export interface ExplanationStep {
  run: number;
  hop: number;
  algorithm: string;
  /** https://fetch.spec.whatwg.org/#... (or the XHR standard for XHR-only steps). */
  spec: string;
  verdict: 'pass' | 'fail' | 'info';
  /** One plain sentence with the concrete values. */
  text: string;
  /** Present when a browser deviation decided the step: the engine source it follows. */
  adHoc?: string;
}

export interface ExplanationConsole {
  chromium: string | null;
  firefox: { text: string; mdn: string } | null;
  webkit: string | null;
  devtoolsIssue: string | null;
}

/** What reaches the server, per run and hop: the simulation's predicted request without its internals. */
export type ExplainedRequest = Omit<PredictedRequest, 'routeKey' | 'browserHeaders'>;

export interface Explanation {
  id: string;
  browser: Engine;
  prediction: Prediction;
  steps: ExplanationStep[];
  /** What each engine prints for run 0's result (computed from the chosen browser's simulation). */
  console: ExplanationConsole;
  /** One plain sentence for the UI. */
  verdict: string;
  requests: ExplainedRequest[];
  /** Cookies, run by run (RFC 6265bis as the engine does it). */
  cookies: RunCookiesPrediction[];
}
