// Pure edits of a scenario, one per form gesture. Each returns a new scenario (the store keeps the
// old one intact so selectors memoized on the object stay correct).
import type { Answer, HeaderList, Route, Scenario, ScenarioRequest } from '@cors-playground/cors-core';

export type AnswerKind = 'preflight' | 'actual';

export function setRequest<K extends keyof ScenarioRequest>(scenario: Scenario, field: K, value: ScenarioRequest[K]): Scenario {
  const request = { ...scenario.request, [field]: value };
  if (value === undefined) delete request[field];
  return { ...scenario, request };
}

/** Sets a top-level field; `undefined` (an emptied title or notes) removes it. */
export function setField<K extends 'page' | 'repeat' | 'title' | 'notes' | 'id'>(scenario: Scenario, field: K, value: Scenario[K]): Scenario {
  const next = { ...scenario, [field]: value };
  if (value === undefined) delete next[field];
  return next;
}

// --- header rows (shared by the request and the answers) ---------------------------------------------

export function addHeader(headers: HeaderList, name = '', value = ''): HeaderList {
  return [...headers, [name, value]];
}

export function removeHeader(headers: HeaderList, index: number): HeaderList {
  return headers.filter((_, i) => i !== index);
}

export function setHeader(headers: HeaderList, index: number, part: 0 | 1, text: string): HeaderList {
  return headers.map((row, i) => (i === index ? (part === 0 ? [text, row[1]] : [row[0], text]) : row));
}

/** Moves a row up (-1) or down (+1); out-of-range moves change nothing. */
export function moveHeader(headers: HeaderList, index: number, by: -1 | 1): HeaderList {
  const target = index + by;
  if (index < 0 || index >= headers.length || target < 0 || target >= headers.length) return headers;
  const next = [...headers];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function setRequestHeaders(scenario: Scenario, headers: HeaderList): Scenario {
  return setRequest(scenario, 'headers', headers);
}

// --- routes and answers ------------------------------------------------------------------------------

export const DEFAULT_ANSWER: Answer = { status: 200, headers: [['Access-Control-Allow-Origin', '{page}']] };

function withRoutes(scenario: Scenario, routes: Record<string, Route>): Scenario {
  return { ...scenario, server: { ...scenario.server, routes } };
}

/** Adds a route with a free key ("/new", "/new-2", ...). */
export function addRoute(scenario: Scenario, preferred = '/new'): Scenario {
  let key = preferred;
  for (let n = 2; key in scenario.server.routes; n++) key = `${preferred}-${n}`;
  return withRoutes(scenario, { ...scenario.server.routes, [key]: { actual: { ...DEFAULT_ANSWER, headers: [...DEFAULT_ANSWER.headers] } } });
}

export function removeRoute(scenario: Scenario, key: string): Scenario {
  const routes = { ...scenario.server.routes };
  delete routes[key];
  return withRoutes(scenario, routes);
}

/** Renames a route, keeping its place in the order; renaming onto an existing key changes nothing. */
export function renameRoute(scenario: Scenario, from: string, to: string): Scenario {
  if (from === to || !(from in scenario.server.routes) || to in scenario.server.routes) return scenario;
  const routes: Record<string, Route> = {};
  for (const [key, route] of Object.entries(scenario.server.routes)) routes[key === from ? to : key] = route;
  return withRoutes(scenario, routes);
}

/** Sets (or with `undefined` removes) the preflight or actual answer of a route. */
export function setAnswer(scenario: Scenario, key: string, kind: AnswerKind, answer: Answer | undefined): Scenario {
  const route: Route = { ...scenario.server.routes[key] };
  if (answer) route[kind] = answer;
  else delete route[kind];
  return withRoutes(scenario, { ...scenario.server.routes, [key]: route });
}

/** Turns an answer into a redirect to `target`: status 302 unless already 3xx, one Location header. */
export function makeRedirect(answer: Answer, target: string): Answer {
  const headers = answer.headers.filter(([name]) => name.toLowerCase() !== 'location');
  return { ...answer, status: answer.status >= 300 && answer.status < 400 ? answer.status : 302, headers: [...headers, ['Location', target]] };
}
