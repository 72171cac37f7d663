// resolveScenario() for explain(): copy-on-write, and only over the fields the simulation and the
// explanation read. Strings without "{" and subtrees without placeholders are returned as they are, so
// explaining an already-resolved scenario allocates almost nothing. Each field it resolves comes out as
// scenario/placeholders.ts `resolveScenario` makes it (it calls the same resolveOriginPlaceholders for
// every string it changes); the fields explain() never reads (`expect`, `expectBy`, `notes`, `title`,
// `source`, `tags`) are left as written, which was most of the work.
import { resolveOriginPlaceholders, type Origins } from '../scenario/placeholders';
import type { Scenario } from '../scenario/schema';

/** The scenario fields explain() reads: the simulation's input and the explanation's `id`. */
const FIELDS_EXPLAIN_READS = ['id', 'page', 'request', 'runRequests', 'server', 'cookies'] as const;

/** Past this many distinct strings the cache of resolved strings starts over. */
const MAX_CACHED_STRINGS = 1024;

/**
 * Resolved strings for one set of origins. The same few strings come back in scenario after scenario
 * ("{api}/resource", "{page}"), and a lookup costs less than the regular expression replacing them.
 */
let cachedStrings: { origins: Origins; resolved: Map<string, string> } | undefined;

function sameOrigins(a: Origins, b: Origins): boolean {
  return a.page === b.page && a.api === b.api && a.other === b.other && a.samesite === b.samesite;
}

function resolveString(text: string, origins: Origins): string {
  if (!text.includes('{')) return text;
  // A copy of the origins: a caller may change its own object between two calls.
  if (!cachedStrings || !sameOrigins(cachedStrings.origins, origins)) cachedStrings = { origins: { ...origins }, resolved: new Map() };
  let resolved = cachedStrings.resolved.get(text);
  if (resolved === undefined) {
    resolved = resolveOriginPlaceholders(text, origins);
    if (cachedStrings.resolved.size >= MAX_CACHED_STRINGS) cachedStrings.resolved.clear();
    cachedStrings.resolved.set(text, resolved);
  }
  return resolved;
}

function resolveValue(value: unknown, origins: Origins): unknown {
  if (typeof value === 'string') return resolveString(value, origins);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      const resolved = resolveValue(item, origins);
      if (resolved !== item && !out) out = value.slice(0, index);
      if (out) out.push(resolved);
    }
    return out ?? value;
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    const keys = Object.keys(object);
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index] as string;
      const item = object[key];
      const resolvedKey = resolveString(key, origins);
      const resolved = resolveValue(item, origins);
      if ((resolved !== item || resolvedKey !== key) && !out) out = copyOfFirstKeys(object, keys, index);
      if (out) out[resolvedKey] = resolved;
    }
    return out ?? value;
  }
  return value;
}

/** A new object with the first `count` of `keys` (in order) of `object`. */
function copyOfFirstKeys(object: Record<string, unknown>, keys: readonly string[], count: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let index = 0; index < count; index += 1) {
    const key = keys[index] as string;
    out[key] = object[key];
  }
  return out;
}

export function resolveScenarioShared(scenario: Scenario, origins: Origins): Scenario {
  let out: Record<string, unknown> | undefined;
  for (const field of FIELDS_EXPLAIN_READS) {
    const value = scenario[field];
    const resolved = resolveValue(value, origins);
    if (resolved === value) continue;
    out ??= { ...scenario };
    out[field] = resolved;
  }
  return (out ?? scenario) as Scenario;
}
