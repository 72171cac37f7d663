// A payload's `backend` (server.backend "real"): checked before anything reaches a backend. The framework
// must be one of cors-core's REAL_BACKEND_FRAMEWORKS (a share link chooses among them, never brings its
// own), the policy must pass cors-core's CorsPolicySchema (origins are serialized origins, names are
// tokens of letters, digits, "-" and "_") after its placeholders are resolved with this deployment's
// origins. Only then is it turned into an options object (Node backends) or an nginx configuration.
import { backendOptions, exportPolicy, isRealBackendFramework, REAL_BACKEND_FRAMEWORKS, resolvePolicy, type Origins, type RealBackendFramework, type ResolvedPolicy } from '@cors-playground/cors-core';
import type { Issue } from '../scenario-answer';

export interface BackendRequestConfig {
  framework: RealBackendFramework;
  policy: ResolvedPolicy;
  /** Node backends: base64url(JSON of cors-core `backendOptions`), sent as `x-playground-config`. */
  configHeader: string | null;
  /** nginx: a stable key of the policy (one nginx per configuration). */
  key: string;
}

export type BackendValidation = { ok: true; backend: BackendRequestConfig } | { ok: false; error: string; issues: Issue[] };

export function validateBackend(backend: unknown, origins: Origins): BackendValidation {
  const fail = (path: string, message: string): BackendValidation => ({ ok: false, error: 'invalid scenario', issues: [{ path, message }] });
  if (!backend || typeof backend !== 'object' || Array.isArray(backend)) return fail('server.backend', 'expected { framework, policy }');
  const { framework, policy } = backend as { framework?: unknown; policy?: unknown };
  if (typeof framework !== 'string' || !isRealBackendFramework(framework)) {
    return fail('server.framework', `${JSON.stringify(framework)} is not a real backend: one of ${REAL_BACKEND_FRAMEWORKS.join(', ')}`);
  }
  let resolved: ResolvedPolicy;
  try {
    resolved = resolvePolicy(policy as never, origins);
  } catch (error) {
    return fail('server.policy', error instanceof Error ? error.message : String(error));
  }
  const key = JSON.stringify(resolved);
  if (framework === 'nginx') {
    // Written once here so that an unwritable policy is refused before any nginx starts (the exporter
    // checks every value again as it writes it).
    try {
      exportPolicy(resolved, 'nginx', { host: '127.0.0.1', port: 1, upstream: '127.0.0.1:1' });
    } catch (error) {
      return fail('server.policy', error instanceof Error ? error.message : String(error));
    }
    return { ok: true, backend: { framework, policy: resolved, configHeader: null, key } };
  }
  const configHeader = Buffer.from(JSON.stringify(backendOptions(resolved, framework)), 'utf8').toString('base64url');
  return { ok: true, backend: { framework, policy: resolved, configHeader, key } };
}
