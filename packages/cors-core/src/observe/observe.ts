// observe(): the runner's result (what script saw) plus the echo server's record (what arrived),
// turned into the shape of `expect` so that an observation compares field by field with a
// prediction and with a scenario's expectation (docs/DESIGN.md, "The observation").
import type { Outcome, Scenario } from '../scenario/schema';
import type { ObservedRequest, ObservedRun, Observation, RunnerResult, RunnerRun, RunOutcome } from './types';

// https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name
// Always readable on a CORS response; `readable` lists them so that a hidden-or-not question about
// them is answered even when the answer does not send them (null).
export const CORS_SAFELISTED_RESPONSE_HEADER_NAMES = [
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
] as const;

// The wire prefix `/r/<runId>/<payload>` (docs/DESIGN.md, "The wire URL"). The echo server's
// protocol module has the same function; the core may not import from apps/, so it is repeated here.
const WIRE_PREFIX = /\/r\/[A-Za-z0-9_-]{22}\/[A-Za-z0-9_-]+(?=[/?'"\s#)]|$)/g;

/** Removes every wire prefix from a text (console messages, URLs), leaving logical URLs. */
export function stripWirePrefixesFromText(text: string): string {
  return text.replace(WIRE_PREFIX, '');
}

/** Header lines as a map: lower-case names, repeated lines joined with ", " (as `headers.get` does). */
export function headerMap(lines: readonly (readonly [string, string])[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [name, value] of lines) {
    const key = name.toLowerCase();
    map[key] = key in map ? `${map[key]}, ${value}` : value;
  }
  return map;
}

function outcomeOf(outcome: RunOutcome, requests: readonly ObservedRequest[]): Outcome {
  if (outcome.kind === 'resolved') {
    // A no-cors response ("opaque") and a manual redirect ("opaqueredirect") both hide status,
    // headers and body from script.
    return outcome.type === 'opaque' || outcome.type === 'opaqueredirect' ? 'opaque' : 'ok';
  }
  // A rejection is a network error once something reached a server; before that, the request
  // was refused by the page's own checks (forbidden method, no-cors with a non-safelisted header, ...).
  return requests.length === 0 ? 'throws-before-send' : 'network-error';
}

/** The answer script saw last: the last actual request's, else the last request's. */
function finalAnswerHeaders(requests: readonly ObservedRequest[]): [string, string][] {
  const actuals = requests.filter((request) => request.kind === 'actual');
  const last = actuals[actuals.length - 1] ?? requests[requests.length - 1];
  return last && 'headers' in last.answer ? last.answer.headers : [];
}

function readableOf(outcome: Outcome, runOutcome: RunOutcome, requests: readonly ObservedRequest[]): Record<string, string | null> {
  const names = new Set<string>(CORS_SAFELISTED_RESPONSE_HEADER_NAMES);
  for (const [name] of finalAnswerHeaders(requests)) names.add(name.toLowerCase());
  const seen = outcome === 'ok' ? headerMap(runOutcome.headers) : {};
  const readable: Record<string, string | null> = {};
  for (const name of names) readable[name] = seen[name] ?? null;
  return readable;
}

function observeRun(run: RunnerRun, consoleText: string | null | undefined): ObservedRun {
  const preflights = run.requests.filter((request) => request.kind === 'preflight');
  const actuals = run.requests.filter((request) => request.kind === 'actual');
  const outcome = outcomeOf(run.outcome, run.requests);
  const observed: ObservedRun = {
    preflight: preflights.length > 0,
    preflightHeaders: preflights[0] ? headerMap(preflights[0].rawHeaders) : {},
    preflightCount: preflights.length,
    actualSent: actuals.length > 0,
    receivedHeaders: actuals[0] ? headerMap(actuals[0].rawHeaders) : {},
    outcome,
    status: outcome === 'ok' ? run.outcome.status : 0,
    readable: readableOf(outcome, run.outcome, run.requests),
  };
  if (consoleText !== undefined) observed.console = consoleText === null ? null : stripWirePrefixesFromText(consoleText);
  return observed;
}

/**
 * What happened in a scenario run, in the shape of `expect`: every field, one entry of `runs` per
 * repeat, the first run's fields at the top.
 *
 * @param _scenario the resolved scenario that ran (kept for the signature shared with the SPA; the
 *   observation itself depends only on what the runner and the server saw)
 * @param consoleTexts the console text of each run, as the engine printed it; omit it when the engine
 *   exposes no console (WebKitWebDriver): `console` is then left out and never compared
 */
export function observe(_scenario: Scenario, result: RunnerResult, consoleTexts?: readonly (string | null)[]): Observation {
  if (result.runs.length === 0) throw new Error(`observe: the runner result of run ${result.runId} has no runs`);
  const runs = result.runs.map((run, index) => observeRun(run, consoleTexts === undefined ? undefined : (consoleTexts[index] ?? null)));
  const [first] = runs as [ObservedRun, ...ObservedRun[]];
  return { ...first, runs };
}
