// runScenario(): performs a scenario for real (docs/DESIGN.md, "The runner", steps 1-4).
import {
  deploymentOrigins,
  formatIssue,
  originOf,
  resolveScenario,
  validateScenario,
  type Origins,
  type Scenario,
  type ScenarioRequest,
} from '@cors-playground/cors-core';
import { newRunKey, paths, runIdForKey, toWireUrl, type RecordedRequest, type RunRecord, type ServerConfig } from '@cors-playground/echo-server/protocol';
import { openPerformerFrame, selfPerformer, type Performer } from './frames';
import type { PreparedRequest } from './messages';
import type { RunnerResult, RunOptions } from './types';
import { payloadOf } from './starting-cookies';

/** A run gives up after this long (the longest answer delay a scenario may ask for is 10 s, per hop). */
export const REQUEST_TIMEOUT_MS = 30_000;

/** The deployment's origins, as the server that served this page knows them. */
export async function fetchServerOrigins(): Promise<Origins> {
  const response = await fetch(paths.config, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${paths.config} answered ${response.status}`);
  return ((await response.json()) as ServerConfig).origins;
}

/** `request` with the run's overrides merged over it (fields left out keep the scenario's value). */
export function requestForRun(scenario: Scenario, index: number): ScenarioRequest {
  const override = scenario.runRequests?.[index] ?? {};
  const defined = Object.fromEntries(Object.entries(override).filter(([, value]) => value !== undefined));
  return { ...scenario.request, ...defined };
}

function prepare(request: ScenarioRequest, wire: { runId: string; payload: string }, origins: Origins): PreparedRequest {
  const prepared: PreparedRequest = {
    api: request.api,
    url: toWireUrl(request.url, wire, deploymentOrigins(origins).map((origin) => originOf(origin) ?? origin)),
    method: request.method,
    headers: request.headers.map(([name, value]) => [name, value]),
    body: request.body,
    mode: request.mode,
    credentials: request.credentials,
    uploadListener: request.uploadListener,
    timeoutMs: REQUEST_TIMEOUT_MS,
  };
  if (request.cache) prepared.cache = request.cache;
  if (request.redirect) prepared.redirect = request.redirect;
  return prepared;
}

async function openPerformer(page: string): Promise<Performer> {
  const own = window.location.origin;
  if (page === 'null') return openPerformerFrame(`${own}/runner.html`, true);
  const origin = originOf(page);
  if (!origin) throw new Error(`the scenario's page ${JSON.stringify(page)} is not an origin`);
  if (origin === own) return selfPerformer;
  return openPerformerFrame(`${origin}/runner.html`, false);
}

async function readRecord(key: string): Promise<RecordedRequest[]> {
  const response = await fetch(paths.record(key), { cache: 'no-store' });
  // No request reached the server yet: the run has no record.
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`reading the record ${paths.record('…')} answered ${response.status}`);
  return ((await response.json()) as RunRecord).requests;
}

/**
 * Runs a scenario: each of its `repeat` runs performs the request (merged with `runRequests[i]`) in the
 * frame of the scenario's page, then reads what reached the server during that run.
 * Rejects only when the scenario cannot be run at all (invalid, frame did not load, server unreachable).
 */
export async function runScenario(input: unknown, origins?: Origins, options: RunOptions = {}): Promise<RunnerResult> {
  const validation = validateScenario(input);
  if (!validation.ok) throw new Error(`invalid scenario: ${validation.errors.map(formatIssue).join('; ')}`);
  const resolvedOrigins = origins ?? (await fetchServerOrigins());
  const scenario = resolveScenario(validation.scenario, resolvedOrigins);
  // Starting cookies are set by top-level visits before this call (`startingCookieVisits`), with the
  // same key: a runner page cannot make a top-level visit of another site itself.
  if ((scenario.cookies?.length ?? 0) > 0 && !options.key) {
    throw new Error('this scenario starts with cookies: visit startingCookieVisits(...) top-level first and pass the same key in options.key');
  }
  const { key, runId } = options.key ? { key: options.key, runId: await runIdForKey(options.key) } : await newRunKey();
  const wire = { runId, payload: payloadOf(scenario) };
  const performer = await openPerformer(scenario.page);
  const runs: RunnerResult['runs'] = [];
  try {
    // The starting-cookie visits were recorded under this run id too: they belong to no run.
    let seen = options.key ? (await readRecord(key)).length : 0;
    for (let index = 0; index < scenario.repeat; index++) {
      const outcome = await performer.perform(prepare(requestForRun(scenario, index), wire, resolvedOrigins));
      const all = await readRecord(key);
      runs.push({ outcome, requests: all.slice(seen) });
      seen = all.length;
      await options.onRunEnd?.(index);
    }
  } finally {
    performer.dispose();
  }
  return { runId, key, userAgent: navigator.userAgent, runs };
}
