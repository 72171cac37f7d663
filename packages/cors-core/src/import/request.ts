// What every importer shares: a request as DevTools copied it (any origin, every header the browser sent)
// turned into a scenario request (origins mapped onto {page}/{api}/{other}, only the headers a page sets),
// and the list of what could not be carried over, each with the reason. Nothing is dropped silently.
import { isForbiddenRequestHeader } from '../fetch/request-headers';
import { parseUrl, serializeOrigin, serializeUrl } from '../fetch/urls';
import { isHeaderName, isSendableHeaderValue } from '../scenario/header-syntax';
import { MAX_ANSWER_BODY_LENGTH, MAX_HEADER_VALUE_LENGTH, MAX_REQUEST_BODY_LENGTH, MAX_REQUEST_HEADERS, MAX_ROUTES } from '../scenario/limits';
import { ScenarioSchema, type Scenario, type ScenarioInput } from '../scenario/schema';

export interface NotCarried {
  /** What was left out: a header line, an option, a body, an entry. */
  what: string;
  why: string;
}

export type ImportResult =
  | { ok: true; scenario: Scenario; notCarried: NotCarried[] }
  | { ok: false; error: string; notCarried: NotCarried[] };

/** A request as a tool copied it, before mapping. */
export interface CopiedRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: string | null;
  /** `credentials` / `mode` when the copy says them (fetch); cURL and HAR leave them to the headers. */
  credentials?: 'omit' | 'same-origin' | 'include';
  mode?: 'cors' | 'no-cors' | 'same-origin';
}

/** An answer as a HAR recorded it. */
export interface CopiedAnswer {
  status: number;
  headers: [string, string][];
  body?: string;
}

/**
 * Headers the browser adds by itself: a page does not set them, so they are left out and listed.
 * (Forbidden request-headers are refused by the browser anyway: https://fetch.spec.whatwg.org/#forbidden-request-header)
 */
const BROWSER_ADDED: Record<string, string> = {
  'user-agent': 'the browser sends its own User-Agent',
  'accept-language': 'the browser sends the user\'s languages',
  priority: 'the browser sets the request priority',
  'upgrade-insecure-requests': 'the browser adds it to navigations',
  pragma: 'DevTools adds it when "Disable cache" is on',
  'cache-control': 'DevTools adds it when "Disable cache" is on (the scenario\'s `cache` option sets it)',
};
const BROWSER_ADDED_PREFIXES = ['sec-ch-'];

/** Maps the origins of a copied request onto the scenario's placeholders, and remembers them for the notes. */
export class OriginMap {
  private readonly names = new Map<string, string>();
  readonly page: string | null;

  constructor(pageOrigin: string | null) {
    this.page = pageOrigin;
    if (pageOrigin) this.names.set(pageOrigin, '{page}');
  }

  /** `{api}/path?query` for the first cross-origin origin, `{other}` for the second; null beyond. */
  mapUrl(url: string): string | null {
    const parsed = parseUrl(url);
    if (!parsed || (parsed.scheme !== 'http' && parsed.scheme !== 'https')) return null;
    const origin = serializeOrigin(parsed);
    let name = this.names.get(origin);
    if (!name) {
      const used = new Set(this.names.values());
      name = !used.has('{api}') ? '{api}' : !used.has('{other}') ? '{other}' : undefined;
      if (!name) return null;
      this.names.set(origin, name);
    }
    const rest = serializeUrl(parsed, { excludeCredentials: true }).slice(origin.length).replace(/#.*$/, '');
    return name + rest.replace(/[{}]/g, (c) => encodeURIComponent(c));
  }

  /** Replaces every mapped origin in a header value (an Access-Control-Allow-Origin, a Location) by its placeholder. */
  mapText(text: string): string {
    let out = text;
    const byLength = [...this.names].sort(([a], [b]) => b.length - a.length);
    for (const [origin, name] of byLength) out = out.split(origin).join(name);
    return out;
  }

  /** "{api} = https://api.example.com, {page} = https://app.example.com" */
  describe(): string {
    return [...this.names].map(([origin, name]) => `${name} = ${origin}`).join(', ');
  }
}

export function originOf(url: string | undefined | null): string | null {
  if (!url) return null;
  const parsed = parseUrl(url);
  return parsed && (parsed.scheme === 'http' || parsed.scheme === 'https') ? serializeOrigin(parsed) : null;
}

/** The page's origin as the request shows it: its Origin header, else its Referer's origin. */
export function pageOriginOf(headers: readonly [string, string][]): string | null {
  const header = (name: string) => headers.find(([n]) => n.toLowerCase() === name)?.[1];
  const origin = header('origin');
  if (origin && origin !== 'null') return originOf(origin);
  return originOf(header('referer'));
}

export interface CarriedRequest {
  request: ScenarioInput['request'];
  page: string;
}

/**
 * The scenario request of a copied request. `credentials`: a request that carried cookies was sent
 * with credentials, unless the copy says otherwise.
 */
export function carryRequest(copied: CopiedRequest, origins: OriginMap, notCarried: NotCarried[]): CarriedRequest | { error: string } {
  const url = origins.mapUrl(copied.url);
  if (url === null) return { error: `the URL ${JSON.stringify(copied.url)} is not an absolute http(s) URL` };
  const headers: [string, string][] = [];
  let sentCookies = false;
  let page = '{page}';
  for (const [name, value] of copied.headers) {
    const lower = name.toLowerCase();
    const line = `${name}: ${value.length > 80 ? `${value.slice(0, 77)}...` : value}`;
    if (lower === 'origin') {
      if (value === 'null') page = 'null';
      notCarried.push({ what: line, why: value === 'null' ? 'the browser sets Origin: the page is a sandboxed frame (page "null")' : 'the browser sets Origin: the page origin became {page}' });
    } else if (lower === 'cookie') {
      sentCookies = true;
      notCarried.push({ what: `${name}: (${value.split(';').length} cookies)`, why: 'a page cannot set Cookie: the request was sent with credentials, so credentials became "include" (the values are not copied)' });
    } else if (!isHeaderName(name)) {
      notCarried.push({ what: line, why: 'not a valid header name' });
    } else if (isForbiddenRequestHeader(name, value)) {
      notCarried.push({ what: line, why: 'a forbidden request-header: the browser sets it, a page cannot' });
    } else if (BROWSER_ADDED[lower] || BROWSER_ADDED_PREFIXES.some((prefix) => lower.startsWith(prefix))) {
      notCarried.push({ what: line, why: BROWSER_ADDED[lower] ?? 'a client hint the browser adds' });
    } else if (lower === 'accept' && value === '*/*') {
      notCarried.push({ what: line, why: 'fetch() sends Accept: */* by itself' });
    } else if (value.length > MAX_HEADER_VALUE_LENGTH || headers.length >= MAX_REQUEST_HEADERS) {
      notCarried.push({ what: line, why: 'beyond the scenario\'s limits' });
    } else {
      headers.push([name, value]);
    }
  }
  let body = copied.body;
  if (body !== null && body.length > MAX_REQUEST_BODY_LENGTH) {
    notCarried.push({ what: `body (${body.length} characters)`, why: `longer than ${MAX_REQUEST_BODY_LENGTH} characters` });
    body = body.slice(0, MAX_REQUEST_BODY_LENGTH);
  }
  const request: ScenarioInput['request'] = {
    url,
    method: copied.method,
    headers,
    body,
    mode: copied.mode ?? 'cors',
    credentials: copied.credentials ?? (sentCookies ? 'include' : 'same-origin'),
  };
  return { request, page };
}

/** The headers of a recorded answer the echo server can send again. */
export function carryAnswer(answer: CopiedAnswer, origins: OriginMap, label: string, notCarried: NotCarried[]) {
  const headers: [string, string][] = [];
  for (const [name, value] of answer.headers) {
    const lower = name.toLowerCase();
    if (['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date'].includes(lower)) continue;
    if (!isHeaderName(name) || !isSendableHeaderValue(value) || value.length > MAX_HEADER_VALUE_LENGTH) {
      notCarried.push({ what: `${label} header ${name}`, why: 'cannot be sent again as it is (invalid name or value)' });
      continue;
    }
    // A Location pointing at one of the mapped origins is rewritten so the redirect stays inside the scenario.
    const mapped = lower === 'location' ? (origins.mapUrl(value) ?? value) : origins.mapText(value);
    headers.push([name, mapped]);
  }
  const status = answer.status >= 200 && answer.status <= 599 ? answer.status : 200;
  if (status !== answer.status) notCarried.push({ what: `${label} status ${answer.status}`, why: 'the recording has no real status (the answer was blocked or never arrived): 200 stands in' });
  const out: { status: number; headers: [string, string][]; body?: string } = { status, headers };
  if (answer.body !== undefined && answer.body !== '') {
    out.body = answer.body.slice(0, MAX_ANSWER_BODY_LENGTH);
    if (answer.body.length > MAX_ANSWER_BODY_LENGTH) notCarried.push({ what: `${label} body`, why: `cut to ${MAX_ANSWER_BODY_LENGTH} characters` });
  }
  return out;
}

/** Assembles and validates the scenario; an invalid result is an error, never a throw. */
export function importedScenario(input: ScenarioInput, notCarried: NotCarried[]): ImportResult {
  const routes = input.server?.routes ?? {};
  if (Object.keys(routes).length > MAX_ROUTES) return { ok: false, error: `more than ${MAX_ROUTES} routes`, notCarried };
  const parsed = ScenarioSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `the imported scenario is invalid: ${issue?.path.join('.')}: ${issue?.message}`, notCarried };
  }
  return { ok: true, scenario: parsed.data, notCarried };
}

/** The notes of an imported scenario: where it came from, so the original stays readable. */
export function importNotes(kind: string, copied: CopiedRequest, origins: OriginMap, notCarried: readonly NotCarried[]): string {
  const lines = [`Imported from ${kind}: \`${copied.method} ${copied.url}\``, '', `Origins: ${origins.describe()}.`];
  if (notCarried.length > 0) {
    lines.push('', 'Not carried over:');
    for (const item of notCarried) lines.push(`- ${item.what}: ${item.why}`);
  }
  return lines.join('\n').slice(0, 20_000);
}
