// The shape explain() returns. Stable: the web app, the CLI and the verifier read it.
import type { Engine, Outcome } from '../scenario/schema';

/** One run's prediction, in the shape of `expect` with every field filled. */
export interface PredictionRun {
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
  /** The chosen browser's console text, or null. */
  console: string | null;
}

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

export interface ExplainedRequest {
  run: number;
  hop: number;
  kind: 'preflight' | 'actual';
  method: string;
  url: string;
  headers: [string, string][];
  /** The status of the server's answer. */
  status: number;
}

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
}
