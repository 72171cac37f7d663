// The echo server running a policy itself: what a careful middleware sends. It answers a preflight only
// when it is one (OPTIONS with Access-Control-Request-Method), reflects the origin instead of sending
// "*" when credentials are on, and varies on what its answer depends on.
import { getHeader } from '../../fetch/header-list';
import {
  applyHeadersOnErrors,
  isOriginAllowed,
  listsOrigins,
  originNote,
  requestOrigin,
  starWithCredentialsNote,
  type AppAnswer,
  type MiddlewareAnswer,
  type PolicyRequest,
} from '../middleware';
import type { CorsPolicy } from '../schema';

const REFUSED_BODY = 'CORS: this origin is not allowed\n';

export function echoAnswer(policy: CorsPolicy, request: PolicyRequest, app: AppAnswer): MiddlewareAnswer {
  const origin = requestOrigin(request);
  const allowed = isOriginAllowed(policy, origin);
  const dependsOnOrigin = policy.allowOrigins !== '*' || policy.credentials;
  const varyOn: string[] = policy.vary && dependsOnOrigin ? ['Origin'] : [];
  const sentOrigin = !allowed ? null : policy.allowOrigins === '*' && !policy.credentials ? '*' : origin;
  const notes = [originNote(policy, origin, allowed, sentOrigin)];
  if (allowed && policy.allowOrigins === '*' && policy.credentials) notes.push(starWithCredentialsNote('The echo server', 'reflected'));
  const cors: [string, string][] = [];
  if (sentOrigin !== null) cors.push(['Access-Control-Allow-Origin', sentOrigin]);
  if (sentOrigin !== null && policy.credentials) cors.push(['Access-Control-Allow-Credentials', 'true']);

  if (origin !== null && !allowed && policy.refusal === 'reject') {
    notes.push({ code: 'refused-403', text: 'The policy rejects requests from origins it does not allow with 403, without CORS headers: the browser reports a missing Access-Control-Allow-Origin, not the 403.' });
    return { status: 403, headers: [...varyLines(varyOn), ['Content-Type', 'text/plain; charset=utf-8']], body: REFUSED_BODY, originAllowed: allowed, notes };
  }

  if (request.kind === 'preflight') {
    const requested = getHeader(request.headers, 'access-control-request-headers');
    if (sentOrigin !== null) {
      cors.push(['Access-Control-Allow-Methods', policy.allowMethods.join(', ')]);
      const allowHeaders = policy.allowHeaders === 'reflect' ? requested : policy.allowHeaders.join(', ');
      if (allowHeaders) cors.push(['Access-Control-Allow-Headers', allowHeaders]);
      if (policy.maxAge !== null) cors.push(['Access-Control-Max-Age', String(policy.maxAge)]);
    }
    if (policy.vary && policy.allowHeaders === 'reflect') varyOn.push('Access-Control-Request-Headers');
    if (sentOrigin === null) notes.push({ code: 'preflight-without-cors', text: `The preflight gets ${policy.preflightStatus} without any CORS header: the browser refuses it and names the missing Access-Control-Allow-Origin.` });
    return { status: policy.preflightStatus, headers: [...cors, ...varyLines(varyOn)], body: '', originAllowed: origin === null ? null : allowed, notes };
  }

  if (sentOrigin !== null && policy.exposeHeaders.length > 0) cors.push(['Access-Control-Expose-Headers', policy.exposeHeaders.join(', ')]);
  const answer: MiddlewareAnswer = { status: app.status, headers: [...cors, ...varyLines(varyOn), ...app.headers], body: app.body, originAllowed: origin === null ? null : allowed, notes };
  return applyHeadersOnErrors(policy, answer, (status) => status < 400, 'The echo server');
}

function varyLines(on: readonly string[]): [string, string][] {
  return on.length > 0 ? [['Vary', on.join(', ')]] : [];
}

export { listsOrigins };
