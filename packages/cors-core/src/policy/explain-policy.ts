// The server half of an explanation in policy mode: for each request of the prediction, the headers the
// policy's middleware produced and why. explain() gives the browser's half; this one reuses its
// requests, so both halves talk about the same requests.
import { isLowerCaseMatch } from '../scenario/header-syntax';
import { explain, type ExplainOptions } from '../explain/explain';
import { ownOriginsOf } from '../fetch/run';
import { parseUrl, serializeOrigin } from '../fetch/urls';
import { DEFAULT_ORIGINS, resolveScenario } from '../scenario/placeholders';
import type { Answer, Routes, Scenario } from '../scenario/schema';
import { isCorsHeaderName, type PolicyNote } from './middleware';
import type { PolicyFramework } from './schema';
import { scenarioServerAnswer, type PolicyServerAnswer } from './server-answer';

export interface PolicyExplainedRequest {
  run: number;
  hop: number;
  kind: 'preflight' | 'actual';
  method: string;
  url: string;
  status: number;
  /** The CORS header lines of the answer (Access-Control-* and Vary), as the middleware sent them. */
  corsHeaders: [string, string][];
  /** The whole answer, for the routes the echo server is given (see policyRoutes). */
  answer: { status: number; headers: [string, string][]; body: string };
  notes: PolicyNote[];
}

export interface PolicyExplanation {
  framework: PolicyFramework;
  requests: PolicyExplainedRequest[];
}

/** The policy's answer to each request the browser is predicted to send; undefined without a policy. */
export function explainPolicy(scenario: Scenario, options: ExplainOptions = {}): PolicyExplanation | undefined {
  if (!scenario.server.policy) return undefined;
  const origins = options.origins ?? DEFAULT_ORIGINS;
  const resolved = resolveScenario(scenario, origins);
  const own = ownOriginsOf(origins).all;
  const requests: PolicyExplainedRequest[] = [];
  for (const request of explain(resolved, options).requests) {
    const url = parseUrl(request.url);
    if (!url) continue;
    const answer: PolicyServerAnswer = scenarioServerAnswer(resolved.server, url, request.method, request.kind, request.headers, own);
    requests.push({
      run: request.run,
      hop: request.hop,
      kind: request.kind,
      method: request.method,
      url: request.url,
      status: answer.status,
      corsHeaders: answer.headers.filter(([name]) => isCorsHeaderName(name)),
      answer: { status: answer.status, headers: answer.headers, body: answer.body },
      notes: answer.policy?.notes ?? [],
    });
  }
  return { framework: resolved.server.framework ?? 'echo', requests };
}

export type PolicyRoutesResult = { ok: true; routes: Routes } | { ok: false; error: string };

/**
 * The policy's answers written out as raw routes (full-origin keys), one per request the browser is
 * predicted to send. This is how the echo server runs a policy: it answers raw routes, and these are the
 * ones the middleware's answers amount to for this scenario. Fails when two requests to the same URL
 * and of the same kind would need different answers (the routes cannot tell them apart).
 */
export function policyRoutes(scenario: Scenario, options: ExplainOptions = {}): PolicyRoutesResult {
  const explained = explainPolicy(scenario, options);
  if (!explained) return { ok: true, routes: scenario.server.routes };
  const routes: Routes = {};
  for (const request of explained.requests) {
    const url = parseUrl(request.url);
    if (!url) continue;
    const key = `${serializeOrigin(url)}${url.path}${url.query}`;
    // The echo server frames every answer itself (and refuses a Content-Length on a 204 or 304), so the
    // routes carry the policy's headers without the framing the prediction added.
    const headers = request.answer.headers.filter(([name]) => !isLowerCaseMatch(name, 'content-length'));
    const answer: Answer = { status: request.answer.status, headers, body: request.answer.body };
    const route = (routes[key] ??= {});
    const previous = route[request.kind];
    if (previous && JSON.stringify(previous) !== JSON.stringify(answer)) {
      return { ok: false, error: `${request.kind} requests to ${key} get different answers in different runs; give each run its own URL` };
    }
    route[request.kind] = answer;
  }
  return { ok: true, routes };
}
