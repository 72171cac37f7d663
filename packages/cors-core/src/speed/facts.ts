import type { Fact } from '../fetch/decision';

/**
 * `{ ...facts, ...extra }`, written as Object.assign: a spread with added keys runs an order of
 * magnitude slower in Node 20, and the spec code extends facts on every CORS check. Same keys, same order.
 */
export function withFacts(facts: Record<string, Fact>, extra: Record<string, Fact>): Record<string, Fact> {
  return Object.assign({}, facts, extra);
}
