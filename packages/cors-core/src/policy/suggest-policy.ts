// Fixes at the level of the policy (policy mode), the way a person fixes a middleware's configuration:
// name the origin instead of "*", add the page's origin to the list, allow the method or the header,
// let OPTIONS through before authentication, keep the CORS headers on errors. Each candidate is applied
// to the scenario and kept only when cors-core then predicts every run to pass with the same framework
// (its quirks included): a suggestion is never a guess.
import { explain } from '../explain/explain';
import type { Engine, Scenario } from '../scenario/schema';
import type { Origins } from '../scenario/placeholders';
import { isSafeName, type CorsPolicy } from './schema';

export interface PolicyFix {
  id: string;
  /** A button's label: "Name the origin {page} instead of *". */
  title: string;
  /** Why, in one or two sentences. */
  why: string;
  /** The policy with the fix applied (cors-core predicts the scenario to pass with it). */
  policy: CorsPolicy;
}

const passes = (scenario: Scenario, options: { browser?: Engine; origins?: Origins }) =>
  explain(scenario, options).prediction.runs.every((run) => run.outcome === 'ok' || run.outcome === 'opaque');

/** The page's origin as the policy can list it: the placeholder itself, or a literal origin. */
function pageEntry(scenario: Scenario): string | undefined {
  const page = scenario.page ?? '{page}';
  return page === 'null' || /^\{(page|api|other)\}$/.test(page) || /^https?:\/\//.test(page) ? page : undefined;
}

/** A fix before it is checked: how it changes the policy. */
type Candidate = Omit<PolicyFix, 'policy'> & { apply: (policy: CorsPolicy) => CorsPolicy };

function candidates(scenario: Scenario, policy: CorsPolicy): Candidate[] {
  const page = pageEntry(scenario);
  const method = scenario.request.method ?? 'GET';
  const headers = (scenario.request.headers ?? []).map(([name]) => name).filter(isSafeName);
  const listed = Array.isArray(policy.allowOrigins) ? policy.allowOrigins : [];
  const out: Candidate[] = [];
  if (page && (policy.allowOrigins === '*' || policy.allowOrigins === 'reflect-any') && policy.credentials) {
    out.push({
      id: 'name-the-origin',
      title: `Name the origin ${page} instead of ${policy.allowOrigins === '*' ? '"*"' : 'reflecting any origin'}`,
      why: 'With credentials the answer must name the one origin that may read it: list the origins your pages run on, and the middleware sends back the one that asked (with Vary: Origin).',
      apply: (p) => ({ ...p, allowOrigins: [page], allowOriginPatterns: [] }),
    });
  }
  if (page && Array.isArray(policy.allowOrigins) && !listed.includes(page)) {
    out.push({ id: 'list-the-origin', title: `Allow the origin ${page}`, why: `The page runs on ${page}, which the policy does not list: the middleware sends no Access-Control-Allow-Origin to it.`, apply: (p) => ({ ...p, allowOrigins: [...listed, page] }) });
  }
  if (isSafeName(method) && !policy.allowMethods.includes(method) && !policy.allowMethods.includes('*')) {
    out.push({ id: 'allow-the-method', title: `Allow the method ${method}`, why: `A ${method} request is preflighted, and the policy's methods do not include it.`, apply: (p) => ({ ...p, allowMethods: [...p.allowMethods, method] }) });
  }
  if (Array.isArray(policy.allowHeaders)) {
    const current = policy.allowHeaders;
    const missing = headers.filter((name) => !current.some((allowed) => allowed.toLowerCase() === name.toLowerCase()));
    if (missing.length > 0) {
      out.push({ id: 'allow-the-headers', title: `Allow the request header${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, why: 'The preflight asks for these headers and the policy does not list them.', apply: (p) => ({ ...p, allowHeaders: [...current, ...missing] }) });
    }
  }
  if (policy.authBeforeCors) {
    out.push({ id: 'cors-before-auth', title: 'Let OPTIONS through before authentication', why: 'A preflight never carries credentials: register the CORS middleware before the authentication layer so that it answers preflights.', apply: (p) => ({ ...p, authBeforeCors: false }) });
  }
  if (!policy.headersOnErrors) {
    out.push({ id: 'headers-on-errors', title: 'Send the CORS headers on error answers too', why: 'Without them the browser hides the error status behind a CORS error (nginx: add_header ... always).', apply: (p) => ({ ...p, headersOnErrors: true }) });
  }
  return out;
}

/**
 * Policy-level fixes for a failing policy-mode scenario, each checked by re-explaining it; then, when no
 * single change is enough, all of them together. Empty without a policy or when the scenario passes.
 */
export function suggestPolicyFixes(scenario: Scenario, options: { browser?: Engine; origins?: Origins } = {}): PolicyFix[] {
  const policy = scenario.server.policy;
  if (!policy || passes(scenario, options)) return [];
  const withPolicy = (next: CorsPolicy): Scenario => ({ ...scenario, server: { ...scenario.server, policy: next } });
  const all = candidates(scenario, policy);
  const fixes: PolicyFix[] = [];
  for (const { apply, ...fix } of all) {
    const next = apply(policy);
    if (passes(withPolicy(next), options)) fixes.push({ ...fix, policy: next });
  }
  if (fixes.length === 0 && all.length > 1) {
    const next = all.reduce((current, candidate) => candidate.apply(current), policy);
    if (passes(withPolicy(next), options)) {
      fixes.push({ id: 'all-together', title: all.map((candidate) => candidate.title).join('; '), why: all.map((candidate) => candidate.why).join(' '), policy: next });
    }
  }
  return fixes;
}
