// Policy mode at the network step of the prediction: the scenario's routes act as the application, the
// policy's middleware wraps them. Without a policy this is exactly the echo server's raw answer.
import type { HeaderLines } from '../fetch/header-list';
import { echoServerAnswer, type ServerAnswer } from '../deployment/echo-server';
import type { ParsedUrl } from '../fetch/urls';
import { echoServerFramingHeaders, type RequestKind } from '../scenario/routes';
import type { Scenario } from '../scenario/schema';
import { isLowerCaseMatch } from '../scenario/header-syntax';
import { policyAnswer } from './answer';
import type { PolicyNote } from './middleware';
import type { PolicyFramework } from './schema';

export interface PolicyServerAnswer extends ServerAnswer {
  /** Set in policy mode: which middleware answered, and why it sent what it sent. */
  policy?: { framework: PolicyFramework; originAllowed: boolean | null; notes: PolicyNote[] };
}

export function scenarioServerAnswer(
  server: Scenario['server'],
  url: ParsedUrl,
  method: string,
  kind: RequestKind,
  requestHeaders: HeaderLines,
  ownOrigins: readonly string[],
): PolicyServerAnswer {
  if (!server.policy) return echoServerAnswer(server.routes, url, method, kind, requestHeaders, ownOrigins);
  const framework = server.framework ?? 'echo';
  // The application answers every method with its route's "actual" answer; the middleware decides
  // whether a request reaches it.
  const app = echoServerAnswer(server.routes, url, method, 'actual', requestHeaders, ownOrigins);
  const appHeaders = app.headers.filter(([name]) => !isLowerCaseMatch(name, 'content-length'));
  const answer = policyAnswer(server.policy, framework, { method, kind, headers: requestHeaders }, { status: app.status, headers: appHeaders, body: app.body });
  const headers = [...answer.headers, ...echoServerFramingHeaders(answer.headers, method, answer.status, answer.body)];
  const fromApp = answer.body === app.body && answer.status === app.status;
  return {
    status: answer.status,
    headers,
    body: answer.body,
    routeKey: fromApp ? app.routeKey : null,
    delayMs: fromApp ? app.delayMs : 0,
    note: fromApp ? app.note : null,
    policy: { framework, originAllowed: answer.originAllowed, notes: answer.notes },
  };
}
