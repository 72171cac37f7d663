// Placeholders (shared/scenario-format.md, "Origins and placeholders"): {page}, {api}, {other}, their
// parts ({api.host} ...), and {request.NAME}, which only the echo server can fill in, per request.
import type { Scenario } from './schema';

export interface Origins {
  /** The playground's own origin, e.g. `http://web.localhost:8787`. */
  page: string;
  /** The echo server's main origin, cross-origin to `page`. */
  api: string;
  /** A third origin served by the echo server too. */
  other: string;
  /**
   * A fourth origin, cross-origin but same-site to `page` (e.g. `http://api.web.localhost:8787`). Optional
   * for deployments that predate it: `sameSiteOriginOf(origins)` derives it from `page`.
   */
  samesite?: string;
}

export const DEFAULT_ORIGINS: Origins = {
  page: 'http://web.localhost:8787',
  api: 'http://api.localhost:8787',
  other: 'http://other.localhost:8787',
  samesite: 'http://api.web.localhost:8787',
};

/**
 * The `{samesite}` origin: the deployment's, else `api.` in front of the page's host name (same scheme
 * and port), which is same-site with the page whenever the page's host has a registrable domain. An IP
 * page (LAN mode) has no such name, and every origin on its address (other ports) is same-site with it
 * anyway: `{samesite}` is then `{api}`.
 */
export function sameSiteOriginOf(origins: Origins): string {
  if (origins.samesite) return origins.samesite;
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^:/]+)(:\d+)?$/i.exec(origins.page);
  if (!match || /^[\d.]+$/.test(match[2] ?? '') || (match[2] ?? '').startsWith('[')) return origins.api;
  return `${match[1]}://api.${match[2]}${match[3] ?? ''}`;
}

/** The serialized origins the echo server serves, in a fixed order: page, api, other, samesite. */
export function deploymentOrigins(origins: Origins): string[] {
  const all = [origins.page, origins.api, origins.other];
  const samesite = sameSiteOriginOf(origins);
  if (!all.includes(samesite)) all.push(samesite);
  return all;
}

type OriginName = keyof Origins;
const ORIGIN_NAMES: readonly OriginName[] = ['page', 'api', 'other', 'samesite'];

function originParts(origin: string): Record<string, string> {
  const match = /^([a-z][a-z0-9+.-]*):\/\/(\[[^\]]+\]|[^:/]+)(?::(\d+))?$/i.exec(origin);
  if (!match) return {};
  const [, scheme = '', hostname = '', port = ''] = match;
  return { scheme, hostname, port, host: port ? `${hostname}:${port}` : hostname };
}

const PLACEHOLDER = /\{(page|api|other|samesite)(?:\.(scheme|host|hostname|port))?\}/g;

/** Replaces the origin placeholders in one string; `{request.NAME}` is left for the echo server. */
export function resolveOriginPlaceholders(text: string, origins: Origins): string {
  return text.replace(PLACEHOLDER, (whole, name: OriginName, part?: string) => {
    const origin = name === 'samesite' ? sameSiteOriginOf(origins) : origins[name];
    if (!part) return origin;
    return originParts(origin)[part] ?? whole;
  });
}

function resolveDeep<T>(value: T, origins: Origins): T {
  if (typeof value === 'string') return resolveOriginPlaceholders(value, origins) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => resolveDeep(item, origins)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[resolveOriginPlaceholders(key, origins)] = resolveDeep(item, origins);
    return out as T;
  }
  return value;
}

/**
 * Replaces the origin placeholders everywhere in a scenario, object keys included (route keys such as
 * `{other}/final`). `page` becomes an origin or `"null"`.
 */
export function resolveScenario(scenario: Scenario, origins: Origins): Scenario {
  return resolveDeep(scenario, origins);
}

/** Which of the three named origins a URL or origin belongs to, if any. */
export function originNameOf(urlOrOrigin: string, origins: Origins): OriginName | undefined {
  const origin = originOf(urlOrOrigin);
  return ORIGIN_NAMES.find((name) => originOf(name === 'samesite' ? sameSiteOriginOf(origins) : origins[name]) === origin);
}

/** The serialized origin of an absolute URL (`scheme://host[:port]`, default port dropped), or undefined. */
export function originOf(url: string): string | undefined {
  const match = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]]+\]|[^:/?#]+)(?::(\d*))?/i.exec(url);
  if (!match) return undefined;
  const scheme = (match[1] ?? '').toLowerCase();
  const host = (match[2] ?? '').toLowerCase();
  const port = match[3] ?? '';
  const defaultPort = scheme === 'http' ? '80' : scheme === 'https' ? '443' : '';
  return port && port !== defaultPort ? `${scheme}://${host}:${port}` : `${scheme}://${host}`;
}

const REQUEST_PLACEHOLDER = /\{request\.([a-z0-9!#$%&'*+\-.^_`|~]+)\}/gi;

/**
 * Fills `{request.NAME}` in an answer's header value or body with the value of request header NAME as
 * the server received it (several lines joined with ", "), or the empty string.
 */
export function resolveRequestPlaceholders(text: string, requestHeaders: readonly (readonly [string, string])[]): string {
  return text.replace(REQUEST_PLACEHOLDER, (_whole, name: string) => {
    const lower = name.toLowerCase();
    return requestHeaders
      .filter(([headerName]) => headerName.toLowerCase() === lower)
      .map(([, value]) => value)
      .join(', ');
  });
}
