// nginx with the configuration the exporter writes (export/nginx.ts): a `map` from $http_origin to the
// allowed origin, `add_header` lines (with `always` unless the policy lets error answers lose them), an
// `if ($request_method = OPTIONS)` block answering preflights, and an optional 401 check in front.
import { getHeader } from '../../fetch/header-list';
import { applyHeadersOnErrors, NGINX_ADD_HEADER_STATUSES, type AppAnswer, type MiddlewareAnswer, type PolicyRequest } from '../middleware';
import { literalStarDecision } from './shared';
import type { CorsPolicy } from '../schema';

export const NGINX_NAME = 'nginx';

export function nginxAnswer(policy: CorsPolicy, request: PolicyRequest, app: AppAnswer): MiddlewareAnswer {
  // "*" -> a literal *; "reflect-any" -> $http_origin; a list -> the `map`, "" for a refused origin (add_header
  // skips a line whose value is empty).
  const { origin, star, allowed, sentOrigin, allowedOrNone, notes } = literalStarDecision(policy, request, NGINX_NAME, []);
  if (origin !== null && !allowed && policy.refusal === 'reject') {
    notes.push({ code: 'refused-403', text: 'nginx rejects requests from origins the map does not allow with 403, without CORS headers.' });
    return { status: 403, headers: [['Content-Type', 'text/plain']], body: 'Forbidden\n', originAllowed: allowedOrNone, notes };
  }
  const lines: [string, string][] = [];
  if (sentOrigin !== null) lines.push(['Access-Control-Allow-Origin', sentOrigin]);
  if (policy.credentials) lines.push(['Access-Control-Allow-Credentials', 'true']);
  const vary = policy.vary && !star ? 'Origin' : null;
  if (request.method === 'OPTIONS') {
    lines.push(['Access-Control-Allow-Methods', policy.allowMethods.join(', ')]);
    const allowHeaders = policy.allowHeaders === 'reflect' ? getHeader(request.headers, 'access-control-request-headers') : policy.allowHeaders.join(', ');
    if (allowHeaders) lines.push(['Access-Control-Allow-Headers', allowHeaders]);
    if (policy.maxAge !== null) lines.push(['Access-Control-Max-Age', String(policy.maxAge)]);
    const varyOn = [...(vary ? [vary] : []), ...(policy.vary && policy.allowHeaders === 'reflect' ? ['Access-Control-Request-Headers'] : [])];
    if (varyOn.length > 0) lines.push(['Vary', varyOn.join(', ')]);
    if (request.kind !== 'preflight') notes.push({ code: 'every-options-is-preflight', text: 'The nginx configuration answers every OPTIONS request as a preflight: this one never reaches your application.' });
    return { status: policy.preflightStatus, headers: lines, body: '', originAllowed: allowedOrNone, notes };
  }
  if (policy.exposeHeaders.length > 0) lines.push(['Access-Control-Expose-Headers', policy.exposeHeaders.join(', ')]);
  if (vary) lines.push(['Vary', vary]);
  const answer: MiddlewareAnswer = { status: app.status, headers: [...app.headers, ...lines], body: app.body, originAllowed: allowedOrNone, notes };
  return applyHeadersOnErrors(policy, answer, (status) => NGINX_ADD_HEADER_STATUSES.includes(status), NGINX_NAME);
}
