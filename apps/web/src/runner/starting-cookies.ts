// A scenario's starting cookies (`cookies: [{ origin, setCookie }]`): the browser must hold them before
// run 1, as if the user had visited each origin. The same way in every engine and in the playground: a
// top-level visit of a URL on that origin whose answer is the `Set-Cookie` line, so the cookie is stored
// first-party (SameSite=Lax and Strict included) by the engine's own rules. The visits use the run's
// wire prefix, and the echo server rewrites `Path` into it: the cookies belong to this run only.
import { deploymentOrigins, isRealBackendFramework, originOf, policyRoutes, type Origins, type Routes, type Scenario } from '@cors-playground/cors-core';
import { encodeRoutes, toWireUrl } from '@cors-playground/wire';

/** The logical path of starting cookie `index`: one segment, so a cookie without Path gets the run's `/`. */
export function startingCookiePath(index: number): string {
  return `/__pg-starting-cookie-${index}`;
}

/** The scenario's routes plus one route per starting cookie, answering its `Set-Cookie` to a top-level visit. */
export function routesWithStartingCookies(scenario: Scenario, serverRoutes: Routes = scenario.server.routes): Routes {
  const cookies = scenario.cookies ?? [];
  if (cookies.length === 0) return serverRoutes;
  const routes: Routes = { ...serverRoutes };
  cookies.forEach(({ origin, setCookie }, index) => {
    routes[`${originOf(origin) ?? origin}${startingCookiePath(index)}`] = {
      actual: { status: 200, headers: [['Set-Cookie', setCookie], ['Content-Type', 'text/plain; charset=utf-8'], ['Cache-Control', 'no-store']], body: `starting cookie ${index + 1} set` },
    };
  });
  return routes;
}

/**
 * The wire payload of a resolved scenario: its routes (in policy mode, the routes the policy's middleware
 * amounts to, cors-core `policyRoutes`, or with `backend: "real"` the routes as the application and the
 * policy for the real middleware) and its starting-cookie routes. The visits and the runs share it,
 * so the cookies' rewritten paths are the runs' own.
 */
export function payloadOf(scenario: Scenario, origins: Origins): string {
  const { policy, framework, backend } = scenario.server;
  // Run by the real middleware: the routes are the application behind it, the echo server forwards
  // each request to that framework configured with the policy (it validates both again).
  if (policy && backend === 'real' && framework !== undefined && isRealBackendFramework(framework)) {
    return encodeRoutes(routesWithStartingCookies(scenario), { framework, policy });
  }
  const routes = policyRoutes(scenario, { origins });
  if (!routes.ok) throw new Error(`policy mode: ${routes.error}`);
  return encodeRoutes(routesWithStartingCookies(scenario, routes.routes));
}

/** The URLs to visit top-level, in order, before run 1 (resolved scenario). */
export function startingCookieVisits(scenario: Scenario, runId: string, origins: Origins): string[] {
  const payload = payloadOf(scenario, origins);
  const own = deploymentOrigins(origins).map((origin) => originOf(origin) ?? origin);
  return (scenario.cookies ?? []).map(({ origin }, index) => toWireUrl(`${originOf(origin) ?? origin}${startingCookiePath(index)}`, { runId, payload }, own));
}
