// A HAR file (DevTools "Save all as HAR" in Chromium or Firefox, or Playwright's recordHar) into a
// scenario: the failing request, its preflight when the HAR has one, and the answers they got become
// the scenario's request and server answers, so that Run reproduces what the user saw.
import { explain } from '../explain/explain';
import { stripWirePrefixesFromText } from '../observe/observe';
import type { ScenarioInput } from '../scenario/schema';
import { carryAnswer, carryRequest, importedScenario, importNotes, OriginMap, originOf, pageOriginOf, type CopiedAnswer, type CopiedRequest, type ImportResult, type NotCarried } from './request';

interface HarHeader { name?: unknown; value?: unknown }
interface HarEntry {
  request?: { method?: unknown; url?: unknown; headers?: unknown; postData?: { text?: unknown } };
  response?: { status?: unknown; headers?: unknown; content?: { text?: unknown; encoding?: unknown }; redirectURL?: unknown; _failureText?: unknown; _error?: unknown };
  _resourceType?: unknown;
}

/** One entry of a HAR as the importer sees it. */
export interface HarEntrySummary {
  index: number;
  method: string;
  url: string;
  /** The recorded status; 0 when the HAR has none (the browser blocked the answer before it was recorded). */
  status: number;
  kind: 'preflight' | 'request' | 'other';
  /** Failed in the recording, or fails when cors-core explains it. */
  failed: boolean;
}

const OTHER_TYPES = new Set(['document', 'stylesheet', 'script', 'image', 'font', 'media', 'manifest', 'texttrack', 'websocket', 'ping', 'cspviolationreport']);

function headerPairs(value: unknown): [string, string][] {
  if (!Array.isArray(value)) return [];
  return (value as HarHeader[]).flatMap((header): [string, string][] => (typeof header?.name === 'string' && typeof header.value === 'string' ? [[header.name, header.value]] : []));
}

const header = (pairs: readonly [string, string][], name: string) => pairs.find(([n]) => n.toLowerCase() === name)?.[1];

function entryRequest(entry: HarEntry): CopiedRequest | null {
  const request = entry.request;
  if (typeof request?.method !== 'string' || typeof request.url !== 'string') return null;
  const body = typeof request.postData?.text === 'string' ? request.postData.text : null;
  // HTTP/2 pseudo-headers (":authority") are not headers a page sends.
  const headers = headerPairs(request.headers).filter(([name]) => !name.startsWith(':'));
  return { method: request.method, url: stripWirePrefixesFromText(request.url), headers, body };
}

/** The recorded answer, or null when the recording has none (status 0 or -1). */
function entryAnswer(entry: HarEntry): CopiedAnswer | null {
  const response = entry.response;
  const status = typeof response?.status === 'number' ? response.status : 0;
  if (status <= 0) return null;
  const answer: CopiedAnswer = { status, headers: headerPairs(response?.headers) };
  const text = response?.content?.text;
  if (typeof text === 'string' && response?.content?.encoding !== 'base64') answer.body = text;
  return answer;
}

function isPreflight(entry: HarEntry): boolean {
  const request = entryRequest(entry);
  return entry._resourceType === 'preflight' || (request?.method === 'OPTIONS' && header(request.headers, 'access-control-request-method') !== undefined);
}

function kindOf(entry: HarEntry): HarEntrySummary['kind'] {
  if (isPreflight(entry)) return 'preflight';
  if (typeof entry._resourceType === 'string') return OTHER_TYPES.has(entry._resourceType) ? 'other' : 'request';
  // Firefox records no resource type: a request without Origin that asks for a page is the document.
  const request = entryRequest(entry);
  if (request && header(request.headers, 'origin') === undefined && /^text\/html/.test(header(request.headers, 'accept') ?? '')) return 'other';
  return 'request';
}

export type HarParse = { ok: true; entries: HarEntry[]; pageUrl: string | null } | { ok: false; error: string };

export function parseHar(text: string): HarParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const log = (data as { log?: { entries?: unknown; pages?: unknown } } | null)?.log;
  if (!log || typeof log !== 'object') return { ok: false, error: 'not a HAR file: there is no "log" object' };
  if (!Array.isArray(log.entries)) return { ok: false, error: 'not a HAR file: "log.entries" is not a list' };
  const pages = Array.isArray(log.pages) ? (log.pages as { title?: unknown }[]) : [];
  const title = pages[0]?.title;
  const entries = (log.entries as unknown[]).map((entry): HarEntry => (entry && typeof entry === 'object' ? (entry as HarEntry) : {}));
  return { ok: true, entries, pageUrl: typeof title === 'string' ? title : null };
}

/** The preflight recorded for the request at `index`: the nearest OPTIONS before it to the same URL. */
function preflightFor(entries: readonly HarEntry[], index: number): HarEntry | null {
  const url = entries[index]?.request?.url;
  for (let j = index - 1; j >= 0 && j >= index - 20; j -= 1) {
    const entry = entries[j] as HarEntry;
    if (isPreflight(entry) && entry.request?.url === url) return entry;
  }
  return null;
}

/** The entry that redirected to the request at `index`, if the HAR has it. */
function redirectInto(entries: readonly HarEntry[], index: number): { entry: HarEntry; index: number } | null {
  const url = entries[index]?.request?.url;
  for (let j = index - 1; j >= 0 && j >= index - 20; j -= 1) {
    const entry = entries[j] as HarEntry;
    if (entry.response?.redirectURL === url && url !== undefined) return { entry, index: j };
  }
  return null;
}

/** The request a failed preflight stood for, when the actual request never appears in the HAR. */
function requestOfPreflight(preflight: CopiedRequest, notCarried: NotCarried[]): CopiedRequest {
  const method = header(preflight.headers, 'access-control-request-method') ?? 'GET';
  const names = (header(preflight.headers, 'access-control-request-headers') ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const headers: [string, string][] = preflight.headers.filter(([name]) => ['origin', 'referer'].includes(name.toLowerCase()));
  for (const name of names) headers.push([name, name === 'content-type' ? 'application/json' : 'x']);
  if (names.length > 0) notCarried.push({ what: `values of ${names.join(', ')}`, why: 'the HAR has only the preflight: the header names come from Access-Control-Request-Headers, their values are stand-ins' });
  return { method, url: preflight.url, headers, body: null };
}

/** Builds the scenario of the entry at `index` (a request, or a preflight whose request is missing). */
function scenarioOf(entries: readonly HarEntry[], index: number, pageUrl: string | null): { input: ScenarioInput; notCarried: NotCarried[]; copied: CopiedRequest; origins: OriginMap } | { error: string } {
  const notCarried: NotCarried[] = [];
  const entry = entries[index] as HarEntry;
  const chosen = entryRequest(entry);
  if (!chosen) return { error: `entry ${index} has no request method and URL` };
  const ownPreflight = isPreflight(entry) ? entry : preflightFor(entries, index);
  const copied = isPreflight(entry) ? requestOfPreflight(chosen, notCarried) : chosen;
  const redirect = isPreflight(entry) ? null : redirectInto(entries, index);
  const firstRequest = redirect ? (entryRequest(redirect.entry) ?? copied) : copied;
  const origins = new OriginMap(pageOriginOf(copied.headers) ?? pageOriginOf(ownPreflight ? headerPairs(ownPreflight.request?.headers) : []) ?? originOf(pageUrl));
  const carried = carryRequest({ ...copied, url: firstRequest.url, method: firstRequest.method }, origins, notCarried);
  if ('error' in carried) return { error: carried.error };
  const routes: NonNullable<ScenarioInput['server']>['routes'] = {};
  const routeKey = (url: string) => {
    const mapped = origins.mapUrl(url) ?? '{api}/';
    const match = /^(\{[a-z]+\})(\/[^?#]*)?/.exec(mapped);
    return match?.[1] === '{api}' ? (match[2] ?? '/') : `${match?.[1] ?? ''}${match?.[2] ?? '/'}`;
  };
  if (redirect) {
    const answer = entryAnswer(redirect.entry);
    if (answer) routes[routeKey(firstRequest.url)] = { actual: carryAnswer(answer, origins, `redirect (entry ${redirect.index})`, notCarried) };
  }
  const key = routeKey(copied.url);
  const route: { preflight?: ReturnType<typeof carryAnswer>; actual?: ReturnType<typeof carryAnswer> } = {};
  if (ownPreflight) {
    const answer = entryAnswer(ownPreflight);
    if (answer) route.preflight = carryAnswer(answer, origins, 'preflight', notCarried);
    else notCarried.push({ what: 'the preflight\'s answer', why: 'the HAR has the preflight but not its answer: the echo server answers it with 404 and no CORS headers' });
  }
  const actual = isPreflight(entry) ? null : entryAnswer(entry);
  if (actual) route.actual = carryAnswer(actual, origins, 'answer', notCarried);
  else if (!isPreflight(entry)) {
    const failure = typeof entry.response?._failureText === 'string' ? ` (${entry.response._failureText})` : '';
    notCarried.push({ what: `the answer${failure}`, why: 'the browser blocked it before it was recorded: the echo server answers 404 with no CORS headers, which fails the same way; `pnpm cors probe URL --save FILE` records the real answers' });
  }
  if (route.preflight || route.actual) routes[key] = route;
  const input: ScenarioInput = {
    version: 1,
    id: 'imported-har',
    title: `${copied.method} ${copied.url}`.slice(0, 300),
    page: carried.page,
    request: carried.request,
    server: { routes },
  };
  return { input, notCarried, copied, origins };
}

/** Every entry of a HAR, with whether it failed (in the recording, or in cors-core's prediction). */
export function harEntries(text: string): { ok: true; entries: HarEntrySummary[] } | { ok: false; error: string } {
  const parsed = parseHar(String(text));
  if (!parsed.ok) return parsed;
  const entries = parsed.entries.slice(0, 5000).map((entry, index): HarEntrySummary => {
    const request = entryRequest(entry);
    const status = typeof entry.response?.status === 'number' && entry.response.status > 0 ? entry.response.status : 0;
    const kind = kindOf(entry);
    let failed = status === 0 || typeof entry.response?._failureText === 'string';
    if (!failed && kind !== 'other' && request) {
      const built = scenarioOf(parsed.entries, index, parsed.pageUrl);
      if (!('error' in built)) {
        const result = importedScenario(built.input, []);
        failed = result.ok && explain(result.scenario).prediction.outcome !== 'ok';
      }
    }
    return { index, method: request?.method ?? '?', url: request?.url ?? '?', status, kind, failed };
  });
  return { ok: true, entries };
}

export interface HarImportOptions {
  /** The entry to import (0-based, as `harEntries` lists them); default: the first failing request. */
  entry?: number;
}

/** A HAR → the scenario of its failing request (or of `entry`). Never throws. */
export function importHar(text: string, options: HarImportOptions = {}): ImportResult & { entry?: number } {
  const parsed = parseHar(String(text));
  if (!parsed.ok) return { ok: false, error: parsed.error, notCarried: [] };
  const listed = harEntries(String(text));
  if (!listed.ok) return { ok: false, error: listed.error, notCarried: [] };
  let index = options.entry;
  if (index !== undefined && (index < 0 || index >= parsed.entries.length || !Number.isInteger(index))) {
    return { ok: false, error: `--entry ${index}: the HAR has entries 0 to ${parsed.entries.length - 1}`, notCarried: [] };
  }
  if (index === undefined) {
    const requests = listed.entries.filter((entry) => entry.kind !== 'other');
    // A failing request first; a failed preflight whose request the HAR lacks next; else the last request.
    const failing = requests.find((entry) => entry.kind === 'request' && entry.failed) ?? requests.find((entry) => entry.kind === 'preflight' && entry.failed) ?? requests.at(-1);
    if (!failing) return { ok: false, error: 'the HAR has no fetch or XHR request', notCarried: [] };
    index = failing.index;
  }
  const built = scenarioOf(parsed.entries, index, parsed.pageUrl);
  if ('error' in built) return { ok: false, error: built.error, notCarried: [] };
  const others = listed.entries.filter((entry) => entry.kind !== 'other' && entry.index !== index).length;
  if (others > 0) built.notCarried.push({ what: `${others} other request${others === 1 ? '' : 's'} of the HAR`, why: `only entry ${index} is imported (--entry N picks another)` });
  built.input.notes = importNotes(`HAR entry ${index}`, built.copied, built.origins, built.notCarried);
  return { ...importedScenario(built.input, built.notCarried), entry: index };
}
