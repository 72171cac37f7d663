import { describe, expect, it } from 'vitest';
import { explain } from '../explain/explain';
import { ScenarioSchema, type ScenarioInput } from '../scenario/schema';
import { explainPolicy, policyRoutes } from './explain-policy';
import { POLICY_FRAMEWORKS, type CorsPolicyInput, type PolicyFramework } from './schema';

function scenario(policy: CorsPolicyInput, framework: PolicyFramework, request: ScenarioInput['request'] = { url: '{api}/r', method: 'PUT', headers: [['X-Token', '1']] }, status = 200) {
  return ScenarioSchema.parse({ request, server: { policy, framework, routes: { '/r': { actual: { status, headers: [['Content-Type', 'text/plain']], body: 'ok' } } } } });
}

const codes = (s: ReturnType<typeof scenario>) => explainPolicy(s)?.requests.flatMap((request) => request.notes.map((note) => note.code)) ?? [];

describe('policy mode in the prediction', () => {
  it('lets a listed origin through and refuses any other, naming the origin', () => {
    for (const framework of POLICY_FRAMEWORKS) {
      expect(explain(scenario({ allowOrigins: ['{page}'], allowMethods: ['PUT'] }, framework)).prediction.outcome, framework).toBe('ok');
      const refused = scenario({ allowOrigins: ['{other}'], allowMethods: ['PUT'] }, framework);
      expect(explain(refused).prediction.outcome, framework).toBe('network-error');
      expect(codes(refused), framework).toContain('origin-refused');
    }
  });

  it('shows the quirk of "*" with credentials: sent as is by Express cors, @fastify/cors, Hono and nginx, reflected by @koa/cors and the echo server', () => {
    const request = { url: '{api}/r', credentials: 'include' as const };
    for (const framework of ['express-cors', 'fastify-cors', 'hono', 'nginx'] as const) {
      const s = scenario({ allowOrigins: '*', credentials: true }, framework, request);
      expect(explain(s).prediction.outcome, framework).toBe('network-error');
      expect(explain(s).prediction.console, framework).toContain("must not be the wildcard '*'");
      expect(codes(s), framework).toContain('star-with-credentials-sent');
    }
    for (const framework of ['koa-cors', 'echo'] as const) {
      const s = scenario({ allowOrigins: '*', credentials: true }, framework, request);
      expect(explain(s).prediction.outcome, framework).toBe('ok');
      expect(codes(s), framework).toContain('star-with-credentials-reflected');
    }
  });

  it('an auth layer before CORS turns the preflight into a 401 without CORS headers', () => {
    const s = scenario({ allowOrigins: ['{page}'], allowMethods: ['PUT'], authBeforeCors: true }, 'express-cors');
    expect(explain(s).prediction.outcome).toBe('network-error');
    expect(explainPolicy(s)?.requests[0]?.status).toBe(401);
    expect(codes(s)).toContain('auth-before-cors');
  });

  it('nginx without `always` hides a 500 behind a CORS failure; with it, script sees the 500', () => {
    const get = { url: '{api}/r' };
    const without = scenario({ allowOrigins: ['{page}'], headersOnErrors: false }, 'nginx', get, 500);
    expect(explain(without).prediction.outcome).toBe('network-error');
    expect(codes(without)).toContain('headers-dropped-on-error');
    const withAlways = scenario({ allowOrigins: ['{page}'] }, 'nginx', get, 500);
    expect(explain(withAlways).prediction).toMatchObject({ outcome: 'ok', status: 500 });
  });

  it('policyRoutes gives the echo server raw routes that predict exactly what the policy does', () => {
    const cases = [
      scenario({ allowOrigins: ['{page}'], allowMethods: ['PUT'], exposeHeaders: ['X-Total'], maxAge: 60 }, 'echo'),
      scenario({ allowOrigins: '*', credentials: true }, 'express-cors', { url: '{api}/r', credentials: 'include' }),
      scenario({ allowOrigins: ['{other}'] }, 'koa-cors'),
      scenario({ allowOrigins: 'reflect-any', allowHeaders: ['X-Token'] }, 'hono'),
    ];
    for (const s of cases) {
      const routes = policyRoutes(s);
      expect(routes.ok).toBe(true);
      if (!routes.ok) continue;
      const raw = ScenarioSchema.parse({ ...s, server: { routes: routes.routes } });
      expect(explain(raw).prediction).toEqual(explain(s).prediction);
    }
  });

  it('a scenario without a policy is predicted exactly as before', () => {
    const raw = ScenarioSchema.parse({ request: { url: '{api}/r' }, server: { routes: { '/r': { actual: { headers: [['Access-Control-Allow-Origin', '*']] } } } } });
    expect(explainPolicy(raw)).toBeUndefined();
    expect(explain(raw).prediction.outcome).toBe('ok');
  });
});
