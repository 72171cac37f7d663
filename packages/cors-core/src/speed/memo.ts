// Pure functions of one string that remember their recent answers (remembered.ts, explain's spec links).

/** Past this many distinct keys the cache starts over: the keys are a deployment's few origins. */
const MAX_ENTRIES = 64;

/**
 * Wraps a pure function of one string so that it computes each answer once. Object answers are
 * frozen, since every caller now shares them.
 */
export function memoizeByString<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute(key);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, typeof value === 'object' && value !== null ? Object.freeze(value) : value);
    return value;
  };
}
