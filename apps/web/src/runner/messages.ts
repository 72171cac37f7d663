// The runner's postMessage protocol (docs/DESIGN.md, "The runner"). Every message is checked for shape
// and for where it comes from before anything is done with it.
import type { Origins, Scenario } from '@cors-playground/cors-core';
import type { RunOutcome } from '@cors-playground/cors-core';
import type { RunnerResult } from './types';

/** Asks a runner to run a scenario (from the SPA, which embeds the runner on its own origin). */
export const RUN_SCENARIO = 'cors-playground:run-scenario';
/** The answer: `result`, or `error` when the scenario could not be run at all. */
export const SCENARIO_RESULT = 'cors-playground:scenario-result';
/** A child runner tells its parent it listens (sent by every runner that has a parent window). */
export const RUNNER_READY = 'cors-playground:runner-ready';
/** Parent runner → child runner: perform one prepared request in your frame. */
export const PERFORM = 'cors-playground:perform';
/** Child runner → parent runner: what script saw. */
export const PERFORMED = 'cors-playground:performed';

/** A request ready to perform: placeholders resolved, URL already on the wire. */
export interface PreparedRequest {
  api: 'fetch' | 'xhr';
  /** The wire URL (`/r/<runId>/<payload>` inserted). */
  url: string;
  method: string;
  headers: [string, string][];
  body: string | null;
  mode: RequestMode;
  credentials: RequestCredentials;
  cache?: RequestCache;
  redirect?: RequestRedirect;
  uploadListener: boolean;
  /** Give up (and report a rejection) after this long. */
  timeoutMs: number;
}

export interface RunScenarioMessage {
  type: typeof RUN_SCENARIO;
  id: string | number;
  scenario: unknown;
  origins?: Origins;
  /** The run key whose starting-cookie visits were made (scenarios with `cookies`). */
  key?: string;
}

export interface ScenarioResultMessage {
  type: typeof SCENARIO_RESULT;
  id: string | number;
  result?: RunnerResult;
  error?: { message: string };
}

export interface PerformMessage {
  type: typeof PERFORM;
  id: number;
  request: PreparedRequest;
}

export interface PerformedMessage {
  type: typeof PERFORMED;
  id: number;
  outcome: RunOutcome;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string | number {
  return (typeof value === 'string' && value.length <= 200) || (typeof value === 'number' && Number.isFinite(value));
}

export function isOrigins(value: unknown): value is Origins {
  return isObject(value) && typeof value.page === 'string' && typeof value.api === 'string' && typeof value.other === 'string' && (value.samesite === undefined || typeof value.samesite === 'string');
}

export function isRunScenarioMessage(data: unknown): data is RunScenarioMessage {
  return isObject(data) && data.type === RUN_SCENARIO && isId(data.id) && isObject(data.scenario) && (data.origins === undefined || isOrigins(data.origins)) && (data.key === undefined || typeof data.key === 'string');
}

function isHeaderList(value: unknown): value is [string, string][] {
  return Array.isArray(value) && value.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string');
}

export function isPerformMessage(data: unknown): data is PerformMessage {
  if (!isObject(data) || data.type !== PERFORM || typeof data.id !== 'number' || !isObject(data.request)) return false;
  const request = data.request;
  return (
    (request.api === 'fetch' || request.api === 'xhr') &&
    typeof request.url === 'string' &&
    typeof request.method === 'string' &&
    isHeaderList(request.headers) &&
    (request.body === null || typeof request.body === 'string') &&
    typeof request.mode === 'string' &&
    typeof request.credentials === 'string' &&
    typeof request.uploadListener === 'boolean' &&
    typeof request.timeoutMs === 'number'
  );
}

export function isPerformedMessage(data: unknown): data is PerformedMessage {
  return isObject(data) && data.type === PERFORMED && typeof data.id === 'number' && isObject(data.outcome) && typeof data.outcome.kind === 'string';
}

export function isRunnerReadyMessage(data: unknown): boolean {
  return isObject(data) && data.type === RUNNER_READY;
}

/** The scenario type the runner accepts, re-exported for callers. */
export type { Scenario };
