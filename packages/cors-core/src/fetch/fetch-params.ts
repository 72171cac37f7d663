// What the fetch algorithms of one run share, as the spec passes it from algorithm to algorithm:
// fetch params (https://fetch.spec.whatwg.org/#fetch-params) holding the request
// (https://fetch.spec.whatwg.org/#concept-request, the parts a scenario can change), and the recorder
// every algorithm writes its decisions and the requests it sends to, so an explanation can cite them.
import type { BrowserProfile } from '../browsers/profile';
import type { ServerAnswer } from '../deployment/echo-server';
import type { RunCookies } from '../cookies/fetch-cookies';
import type { Scenario, ScenarioRequest } from '../scenario/schema';
import type { CredentialsMode } from './cors-check';
import type { Decision, DecisionCode, Fact, FailureKind, Verdict } from './decision';
import type { PreflightCache } from './preflight-cache';
import type { ConstructedRequest } from './request-construction';
import type { ResponseTainting } from './response-exposure';
import { serializeUrl, type ParsedUrl } from './urls';

export interface PredictedRequest {
  run: number;
  hop: number;
  kind: 'preflight' | 'actual';
  method: string;
  /** Logical URL (no wire prefix, no credentials). */
  url: string;
  /** The CORS-relevant headers: Origin, Access-Control-Request-*, and the page's non-forbidden headers. */
  headers: [string, string][];
  /** The status of the echo server's answer. */
  status: number;
  routeKey: string | null;
  /** Headers the browser adds that a server also sees and that can be predicted: Host, Referer when cross-origin, Content-Length with a body. */
  browserHeaders: [string, string][];
}

export interface FetchFailure {
  kind: FailureKind;
  /** The failed parameter (Chromium's "hint"): a header value, a method, a header name. */
  value: string;
  hop: number;
  /** Logical URL of the request that failed, and of the first request. */
  lastUrl: string;
  initialUrl: string;
  /** Whether the failure is about the preflight. */
  duringPreflight: boolean;
  /** Status of the last answer received, or null when none. */
  status: number | null;
  /** The response tainting when it failed (set once the request went through main fetch): 'cors' = a CORS request. */
  responseTainting?: ResponseTainting;
}

/** The serialized origins the echo server serves (page, api, other), from `ownOriginsOf(origins)`. */
export interface OwnOrigins {
  page: string;
  all: readonly string[];
}

/**
 * https://fetch.spec.whatwg.org/#concept-request : the request's fields the model follows. From the
 * constructed request: its current URL (`url`, the last of its URL list), method, header list (`headers`,
 * combined; `appended`, one entry per append), body and use-CORS-preflight flag; then:
 */
export interface FetchRequest extends ConstructedRequest {
  mode: ScenarioRequest['mode'];
  credentialsMode: CredentialsMode;
  redirectMode: NonNullable<ScenarioRequest['redirect']>;
  cacheMode: ScenarioRequest['cache'];
  /** "request's origin", serialized: the document's origin, 'null' for a sandboxed frame. */
  origin: string;
  responseTainting: ResponseTainting;
  /** https://fetch.spec.whatwg.org/#concept-request-tainted-origin */
  taintedOrigin: boolean;
  redirectCount: number;
  /** The CORS-unsafe names of the first hop that needed a preflight (engines that preflight again after a redirect). */
  firstPreflightNames?: readonly string[];
  /** The logical URL of the first request (console messages name it: "redirected from"). */
  initialUrl: string;
  /** What script called, as the explanations name it: 'fetch()' or 'XMLHttpRequest'. */
  apiName: string;
}

/** https://fetch.spec.whatwg.org/#fetch-params : the request, and what the model adds (deployment, engine, cache, clock, recorder). */
export interface FetchParams {
  request: FetchRequest;
  /** The scenario's server: its routes (what the deployment's echo server answers), or a CORS policy in front of them. */
  server: Scenario['server'];
  ownOrigins: OwnOrigins;
  profile: BrowserProfile;
  cache: PreflightCache;
  /** Milliseconds since the first run started; advanced by each answer's delay. */
  clock: { now: number };
  record: FetchRecorder;
  /** The run's cookies (src/cookies); none: cookies are not simulated. */
  cookies?: RunCookies;
}

/** A response, as the algorithms hand it to their caller: a network error, an answer, or an opaque-redirect filtered response. */
export type FetchResponse =
  | { type: 'error'; failure: FetchFailure }
  | { type: 'answer'; answer: ServerAnswer }
  | { type: 'opaqueredirect' };

/** What one run leaves behind: every decision with the algorithm and step that took it, every request sent. */
export class FetchRecorder {
  /** 0 = the first URL, +1 per redirect followed. */
  hop = 0;
  readonly decisions: Decision[] = [];
  readonly requests: PredictedRequest[] = [];
  /** Request-header names `setRequestHeader()` refused (XHR): Chromium logs them. */
  readonly refusedHeaders: string[] = [];
  /** Chromium let `Access-Control-Allow-Headers: *` cover `Authorization` (a DevTools deprecation issue). */
  authorizationCoveredByWildcard = false;
  /** Headers of the last answer the browser received, or null when nothing was sent. */
  finalAnswerHeaders: [string, string][] | null = null;

  constructor(readonly run: number) {}

  note(algorithm: string, anchor: string, verdict: Verdict, code: DecisionCode, facts: Record<string, Fact> = {}, adHoc?: string): void {
    const decision: Decision = { run: this.run, hop: this.hop, algorithm, anchor, verdict, code, facts };
    if (adHoc) decision.adHoc = adHoc;
    this.decisions.push(decision);
  }
}

/** A URL as scenarios and console messages write it: no wire prefix, no credentials. */
export function logicalUrl(url: ParsedUrl): string {
  return serializeUrl(url, { excludeCredentials: true });
}

/** https://fetch.spec.whatwg.org/#concept-network-error, with what the console needs to say about it. */
export function networkError(fetchParams: FetchParams, kind: FailureKind, value: string, duringPreflight: boolean): FetchResponse {
  const { request, record } = fetchParams;
  return {
    type: 'error',
    failure: { kind, value, hop: record.hop, lastUrl: logicalUrl(request.url), initialUrl: request.initialUrl, duringPreflight, status: record.requests.at(-1)?.status ?? null, responseTainting: request.responseTainting },
  };
}
