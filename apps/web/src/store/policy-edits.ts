// Pure edits of a scenario's policy mode (server.policy, server.framework, server.backend), one per form
// gesture, like scenario-edits.ts. The policy's defaults are filled by cors-core's schema, so the form
// always shows every field's real value.
import { CorsPolicySchema, type CorsPolicy, type PolicyBackend, type PolicyFramework, type Scenario } from '@cors-playground/cors-core';

/** A new policy: the page's origin listed, every default of the schema filled. */
export function defaultPolicy(scenario: Scenario): CorsPolicy {
  const page = scenario.page && /^\{(page|api|other)\}$/.test(scenario.page) ? scenario.page : '{page}';
  return CorsPolicySchema.parse({ allowOrigins: [page] });
}

/** Turns policy mode on (Express + cors, run by the model until the person picks the real one) or off. */
export function setPolicyMode(scenario: Scenario, on: boolean): Scenario {
  const { policy: _policy, framework: _framework, backend: _backend, ...server } = scenario.server;
  if (!on) return { ...scenario, server };
  return { ...scenario, server: { ...server, policy: scenario.server.policy ?? defaultPolicy(scenario), framework: scenario.server.framework ?? 'express-cors', backend: scenario.server.backend ?? 'model' } };
}

/** Changes some fields of the policy (policy mode must be on). */
export function setPolicyFields(scenario: Scenario, patch: Partial<CorsPolicy>): Scenario {
  const policy = scenario.server.policy ?? defaultPolicy(scenario);
  return { ...scenario, server: { ...scenario.server, policy: { ...policy, ...patch } } };
}

/** Replaces the whole policy (a suggested fix). */
export function setPolicy(scenario: Scenario, policy: CorsPolicy): Scenario {
  return { ...scenario, server: { ...scenario.server, policy } };
}

export function setFramework(scenario: Scenario, framework: PolicyFramework): Scenario {
  // The echo server's own middleware has no real backend: its answer is the model's.
  const backend = framework === 'echo' ? 'model' : scenario.server.backend;
  return { ...scenario, server: { ...scenario.server, framework, ...(backend ? { backend } : {}) } };
}

export function setBackend(scenario: Scenario, backend: PolicyBackend): Scenario {
  return { ...scenario, server: { ...scenario.server, backend } };
}

/** A comma- or line-separated list as typed, cut into entries (empty ones dropped). */
export function parseList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}
