// performScenario(): performs a scenario for real (docs/DESIGN.md, "The runner", steps 1-4); the runner
// page exposes it as `window.corsPlayground.runScenario`.
import { deploymentOrigins, effectiveRequest, formatIssue, originOf, resolveScenario, validateScenario, type Origins, type ScenarioRequest } from '@cors-playground/cors-core';
import { newRunKey, paths, runIdForKey, toWireUrl, type RecordedRequest, type RunRecord } from '@cors-playground/wire';
import { openPerformerFrame, selfPerformer, type Performer } from './frames';
import type { PreparedRequest } from './messages';
import { fetchServerOrigins } from './server-config';
import type { RunnerResult, RunOptions } from './types';
import { payloadOf } from './starting-cookies';

/** A run gives up after this long (the longest answer delay a scenario may ask for is 10 s, per hop). */
export const REQUEST_TIMEOUT_MS = 30_000;

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

/**
 * Child runners already open, by URL and sandboxing: a frame is opened once and serves every later
 * scenario on its origin (loading one costs more than most scenarios). It keeps nothing between
 * scenarios: it performs the requests it is given, and every scenario's URLs carry their own run id.
 */
const childRunners = new Map<string, Promise<Performer>>();

function childRunner(src: string, sandboxed: boolean): Promise<Performer> {
  const key = `${sandboxed ? 'sandboxed ' : ''}${src}`;
  let performer = childRunners.get(key);
  if (!performer) {
    performer = openPerformerFrame(src, sandboxed);
    childRunners.set(key, performer);
    // A frame that did not load is not kept: the next scenario tries again.
    performer.catch(() => childRunners.delete(key));
  }
  return performer;
}

async function openPerformer(page: string): Promise<Performer> {
  const own = window.location.origin;
  if (page === 'null') return childRunner(`${own}/runner.html`, true);
  const origin = originOf(page);
  if (!origin) throw new Error(`the scenario's page ${JSON.stringify(page)} is not an origin`);
  if (origin === own) return selfPerformer;
  return childRunner(`${origin}/runner.html`, false);
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
 * frame of the scenario's page, then reads what reached the server during that run. The runs follow
 * each other back to back (a later run may depend on a preflight result cached for a second): between
 * two runs only the record is read and `onRunEnd` called; every request is prepared before the first.
 * Rejects only when the scenario cannot be run at all (invalid, frame did not load, server unreachable).
 */
export async function performScenario(input: unknown, origins?: Origins, options: RunOptions = {}): Promise<RunnerResult> {
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
  const wire = { runId, payload: payloadOf(scenario, resolvedOrigins) };
  const performer = await openPerformer(scenario.page);
  const requests = Array.from({ length: scenario.repeat }, (_, index) => prepare(effectiveRequest(scenario, index), wire, resolvedOrigins));
  const runs: RunnerResult['runs'] = [];
  // The starting-cookie visits were recorded under this run id too: they belong to no run.
  let seen = options.key ? (await readRecord(key)).length : 0;
  for (const [index, request] of requests.entries()) {
    const outcome = await performer.perform(request);
    const all = await readRecord(key);
    runs.push({ outcome, requests: all.slice(seen) });
    seen = all.length;
    await options.onRunEnd?.(index, outcome);
  }
  return { runId, key, userAgent: navigator.userAgent, runs };
}
