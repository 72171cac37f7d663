// Apache httpd has no model in cors-core's policyAnswer, so its export is checked one level up: the real
// answers to the browser's preflight and actual request, given to cors-core as raw routes, must lead
// the browser to the decision the policy intends (the prediction of the same scenario run by the echo
// server's own middleware). Cases whose difference the export documents are left out.
import { CorsPolicySchema, DEFAULT_ORIGINS, EXPORT_TARGETS, explain, exportPolicy, resolveOriginPlaceholders, ScenarioSchema, type CorsPolicy, type Routes } from '@cors-playground/cors-core';
import { describe, expect, it } from 'vitest';
import { apacheTest, apacheVersion, startApache } from './apache';
import { POLICY_CASES } from './cases';
import { freeLoopbackPort } from './backends';
import { browserRequests, send } from './wire';

const version = apacheVersion();
if (!version) process.stderr.write('\n\x1b[31m[middleware-check] SKIPPED the Apache checks: apache2 is not installed (apt-get install apache2)\x1b[0m\n');

function resolved(input: unknown): CorsPolicy {
  const policy = CorsPolicySchema.parse(input);
  return Array.isArray(policy.allowOrigins) ? { ...policy, allowOrigins: policy.allowOrigins.map((origin) => resolveOriginPlaceholders(origin, DEFAULT_ORIGINS)) } : policy;
}

// Left out, each documented in the export's quirk or notes: "*" with credentials (sent as a literal *,
// like nginx), an auth layer or a 403 refusal (not part of this export), an application error status
// (the stand-in is a static file).
const INTENT_CASES = POLICY_CASES.filter(
  ({ policy, appStatus }) => !(policy.allowOrigins === '*' && policy.credentials) && !policy.authBeforeCors && policy.refusal !== 'reject' && (appStatus ?? 200) === 200,
);

describe.skipIf(!version)(`Apache httpd ${version ?? ''}: the export leads the browser where the policy intends`, () => {
  it('the export names the version installed here', () => {
    expect(EXPORT_TARGETS.apache.checked.version).toContain(`Apache ${version}`);
  });

  for (const policyCase of INTENT_CASES) {
    it(policyCase.name, async () => {
      const policy = resolved(policyCase.policy);
      const port = await freeLoopbackPort();
      const made = exportPolicy(policy, 'apache');
      const backend = await startApache(made.text, port);
      const routes: Routes = {};
      try {
        for (const wire of browserRequests(policyCase.request)) {
          const answer = await send(port, wire);
          const headers = answer.headers.filter(([name]) => !/^(date|server|etag|last-modified|accept-ranges|keep-alive|connection)$/i.test(name));
          routes[wire.path] = { ...routes[wire.path], [wire.kind]: { status: answer.status, headers, body: '' } };
        }
      } finally {
        await backend.stop();
      }
      const intended = explain(ScenarioSchema.parse({ request: policyCase.request, server: { policy, framework: 'echo' } })).prediction;
      const real = explain(ScenarioSchema.parse({ request: policyCase.request, server: { routes } })).prediction;
      expect({ outcome: real.outcome, preflight: real.preflight, actualSent: real.actualSent }, `export:\n${made.text}\nreal answers:\n${JSON.stringify(routes, null, 1)}`).toEqual({
        outcome: intended.outcome,
        preflight: intended.preflight,
        actualSent: intended.actualSent,
      });
    });
  }

  for (const policyCase of POLICY_CASES) {
    it(`apache2 -t accepts the export: ${policyCase.name}`, () => {
      const result = apacheTest(exportPolicy(resolved(policyCase.policy), 'apache').text);
      expect(result.output).toContain('Syntax OK');
      expect(result.ok, result.output).toBe(true);
    });
  }
});
