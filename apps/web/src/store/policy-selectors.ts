// Derived state of policy mode, memoized like selectors.ts: what the policy sends for each predicted
// request (cors-core explainPolicy), the policy-level fixes (suggestPolicyFixes), the export for a
// framework, and whether the server can run the chosen framework for real.
import { explainPolicy, suggestPolicyFixes, type Engine, type Origins, type PolicyExplanation, type PolicyFix, type Scenario } from '@cors-playground/cors-core';
import type { BackendStatus } from '@cors-playground/wire';
import { memo, selectPredictionEngine, selectValidation } from './selectors';
import type { AppState } from './store';

const policyExplanation = memo((scenario: Scenario | undefined, browser: Engine, origins: Origins): PolicyExplanation | undefined => (scenario ? explainPolicy(scenario, { browser, origins }) : undefined));

/** For each request the browser is predicted to send: the headers the policy's middleware produced, and why. */
export const selectPolicyExplanation = (state: AppState): PolicyExplanation | undefined => {
  const validation = selectValidation(state);
  return policyExplanation(validation.ok ? validation.scenario : undefined, selectPredictionEngine(state), state.origins);
};

const policyFixes = memo((scenario: Scenario | undefined, browser: Engine, origins: Origins): PolicyFix[] => (scenario ? suggestPolicyFixes(scenario, { browser, origins }) : []));

/** Fixes to the policy that cors-core predicts to make the scenario pass. */
export const selectPolicyFixes = (state: AppState): PolicyFix[] => {
  const validation = selectValidation(state);
  return policyFixes(validation.ok ? validation.scenario : undefined, selectPredictionEngine(state), state.origins);
};

const realBackend = memo((framework: string, backends: BackendStatus[] | null): { ok: true; backend: BackendStatus } | { ok: false; reason: string } => {
  if (framework === 'echo') return { ok: false, reason: 'the echo server’s own middleware is the model itself' };
  if (backends === null) return { ok: false, reason: 'the server has not said which backends it runs yet' };
  const backend = backends.find((candidate) => candidate.framework === framework);
  return backend ? { ok: true, backend } : { ok: false, reason: `this server does not run ${framework} (start it with --backends ${framework})` };
});

/** The real backend of the chosen framework on this server, or why there is none (memoized: a stable object). */
export const selectRealBackend = (state: AppState): { ok: true; backend: BackendStatus } | { ok: false; reason: string } =>
  realBackend(state.scenario.server.framework ?? 'echo', state.serverBackends);
