// One run of a scenario: the page calls `fetch()` or XHR `send()`, the request is constructed, then
// fetched (src/fetch/main-fetch.ts and the algorithms it calls), and the result says what script sees.
import type { BrowserProfile } from '../browsers/profile';
import { deploymentOrigins, type Origins } from '../scenario/placeholders';
import { RunCookies, type ScenarioCookies } from '../cookies/fetch-cookies';
import type { Outcome, Scenario, ScenarioRequest } from '../scenario/schema';
import type { CredentialsMode } from './cors-check';
import type { Decision } from './decision';
import { FetchRecorder, logicalUrl, type FetchFailure, type FetchParams, type OwnOrigins, type PredictedRequest } from './fetch-params';
import type { HeaderLines } from './header-list';
import { mainFetch } from './main-fetch';
import type { PreflightCache } from './preflight-cache';
import { constructRequest } from './request-construction';
import { readableHeaders, type ResponseTainting } from './response-exposure';
import { documentOriginOf, runnerPageUrlOf, serializedOriginOf } from '../speed/remembered';
import { serializeUrl } from './urls';

export interface RunSimulation {
  run: number;
  api: 'fetch' | 'xhr';
  /** The page's origin as the console prints it ('null' for a sandboxed frame). */
  documentOrigin: string;
  /** The URL of the document that sends the request (the runner page in the scenario's frame). */
  documentUrl: string;
  outcome: Outcome;
  status: number;
  responseTainting: ResponseTainting | null;
  /** Headers of the last answer the browser received, or null when nothing was sent. */
  finalAnswerHeaders: [string, string][] | null;
  readable: Record<string, string | null>;
  requests: PredictedRequest[];
  decisions: Decision[];
  failure: FetchFailure | null;
  /** Request-header names `setRequestHeader()` refused (XHR): Chromium logs them. */
  refusedHeaders: string[];
  /** Chromium let `Access-Control-Allow-Headers: *` cover `Authorization` (a DevTools deprecation issue). */
  authorizationCoveredByWildcard: boolean;
}

export interface SimulationContext {
  scenario: Scenario;
  origins: Origins;
  /** The serialized origins the echo server serves (page, api, other), from `ownOriginsOf(origins)`. */
  ownOrigins: OwnOrigins;
  profile: BrowserProfile;
  cache: PreflightCache;
  /** Milliseconds since the first run started; advanced by each answer's delay. */
  clock: { now: number };
  /** The cookie jar across the runs (src/cookies); none: cookies are not simulated. */
  cookies?: ScenarioCookies;
}

export function ownOriginsOf(origins: Origins): OwnOrigins {
  return { page: serializedOriginOf(origins.page), all: deploymentOrigins(origins).map(serializedOriginOf) };
}

/** The request of run `run`: `request` with `runRequests[run]` merged over it. */
export function effectiveRequest(scenario: Scenario, run: number): ScenarioRequest {
  const override = scenario.runRequests?.[run];
  if (!override) return scenario.request;
  const merged: Record<string, unknown> = { ...scenario.request };
  for (const [key, value] of Object.entries(override)) if (value !== undefined) merged[key] = value;
  return merged as ScenarioRequest;
}

function lowerMap(headers: HeaderLines): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    out[lower] = out[lower] === undefined ? value : `${out[lower]}, ${value}`;
  }
  return out;
}

// https://fetch.spec.whatwg.org/#concept-fetch : one run of a scenario, the page's `fetch()`
// (https://fetch.spec.whatwg.org/#dom-global-fetch) or XHR `send()` (https://xhr.spec.whatwg.org/#the-send()-method):
// the request is constructed (what throws before anything is sent), then main fetch follows it hop by
// hop through the scenario's routes, and the result says what script sees.
export function simulateRun(context: SimulationContext, run: number): RunSimulation {
  const { scenario, origins, ownOrigins, profile, cache, clock } = context;
  const request = effectiveRequest(scenario, run);
  const api = request.api;
  const apiName = api === 'xhr' ? 'XMLHttpRequest' : 'fetch()';
  const record = new FetchRecorder(run);
  const documentOrigin = documentOriginOf(scenario.page);
  // A sandboxed runner is loaded from the page origin; relative URLs resolve against the runner page.
  const base = runnerPageUrlOf(scenario.page === 'null' ? origins.page : scenario.page);
  const documentUrl = base ? serializeUrl(base) : `${scenario.page}/runner.html`;
  // fetch(): https://fetch.spec.whatwg.org/#dom-request ; XHR: https://xhr.spec.whatwg.org/#the-send()-method
  const credentialsMode: CredentialsMode = api === 'xhr' ? (request.credentials === 'include' ? 'include' : 'same-origin') : request.credentials;
  const mode = api === 'xhr' ? 'cors' : request.mode;
  const redirectMode = api === 'xhr' ? 'follow' : (request.redirect ?? 'follow');
  const result = (outcome: Outcome, status: number, tainting: ResponseTainting | null, failure: FetchFailure | null): RunSimulation => {
    const { finalAnswerHeaders, requests, decisions, refusedHeaders, authorizationCoveredByWildcard } = record;
    const readable = readableHeaders(outcome === 'ok' ? tainting : null, finalAnswerHeaders ?? [], credentialsMode);
    return { run, api, documentOrigin, documentUrl, outcome, status, responseTainting: tainting, finalAnswerHeaders, readable, requests, decisions, failure, refusedHeaders, authorizationCoveredByWildcard };
  };
  const constructed = constructRequest(request, base, mode, profile, { note: (...args) => record.note(...args), refusedHeaders: record.refusedHeaders });
  if (!constructed.ok) {
    const { kind, value, algorithm, anchor, code, facts } = constructed.refusal;
    record.note(algorithm, anchor, 'fail', code, { api: apiName, ...facts });
    return result('throws-before-send', 0, null, { kind, value, hop: 0, lastUrl: request.url, initialUrl: request.url, duringPreflight: false, status: null });
  }
  const { url, method, appended, headers, body, useCorsPreflightFlag } = constructed.request;
  const fetchParams: FetchParams = {
    request: {
      url, method, headers, appended, body, mode, credentialsMode, redirectMode, cacheMode: request.cache, useCorsPreflightFlag, origin: documentOrigin,
      responseTainting: 'basic', taintedOrigin: false, redirectCount: 0, initialUrl: logicalUrl(url), apiName,
    },
    server: scenario.server, ownOrigins, profile, cache, clock, record,
  };
  if (context.cookies) fetchParams.cookies = new RunCookies(context.cookies, documentOrigin, credentialsMode, (...args) => record.note(...args));
  const response = mainFetch(fetchParams);
  if (response.type === 'error') return result(record.requests.length > 0 ? 'network-error' : 'throws-before-send', 0, null, response.failure);
  if (response.type === 'opaqueredirect' || fetchParams.request.responseTainting === 'opaque') return result('opaque', 0, 'opaque', null);
  return result('ok', response.answer.status, fetchParams.request.responseTainting, null);
}

/** Lower-cased headers of a predicted request, for `preflightHeaders` / `receivedHeaders`. */
export function predictedHeaderMap(request: PredictedRequest | undefined): Record<string, string> {
  return request ? lowerMap([...request.headers, ...request.browserHeaders]) : {};
}
