// resolveScenario() with copy-on-write: strings without "{" and subtrees without placeholders are
// returned as they are, so explaining an already-resolved scenario allocates almost nothing. Same
// result as scenario/placeholders.ts `resolveScenario` (which it calls for every string it changes).
import { resolveOriginPlaceholders, type Origins } from '../scenario/placeholders';
import type { Scenario } from '../scenario/schema';

function resolveValue(value: unknown, origins: Origins): unknown {
  if (typeof value === 'string') return value.includes('{') ? resolveOriginPlaceholders(value, origins) : value;
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
    let out: Record<string, unknown> | undefined;
    const entries = Object.entries(value);
    for (let index = 0; index < entries.length; index += 1) {
      const [key, item] = entries[index] as [string, unknown];
      const resolvedKey = key.includes('{') ? resolveOriginPlaceholders(key, origins) : key;
      const resolved = resolveValue(item, origins);
      if ((resolved !== item || resolvedKey !== key) && !out) out = Object.fromEntries(entries.slice(0, index));
      if (out) out[resolvedKey] = resolved;
    }
    return out ?? value;
  }
  return value;
}

export function resolveScenarioShared(scenario: Scenario, origins: Origins): Scenario {
  return resolveValue(scenario, origins) as Scenario;
}
