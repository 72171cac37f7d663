// Koa + `@koa/cors` 5 (koajs/cors index.js): what the middleware sends under the options the exporter
// writes for a policy.
import { getHeader } from '../../fetch/header-list';
import {
  isOriginAllowed,
  originNote,
  requestOrigin,
  starWithCredentialsNote,
  type AppAnswer,
  type MiddlewareAnswer,
  type PolicyNote,
  type PolicyRequest,
} from '../middleware';
import type { CorsPolicy } from '../schema';
import { notExpressible } from './shared';

export const KOA_CORS_NAME = '@koa/cors';

export function koaCorsAnswer(policy: CorsPolicy, request: PolicyRequest, app: AppAnswer): MiddlewareAnswer {
  const origin = requestOrigin(request);
  const star = policy.allowOrigins === '*';
  const allowed = isOriginAllowed(policy, origin);
  const notes: PolicyNote[] = [...notExpressible(policy, KOA_CORS_NAME, ['refusal', 'vary', 'preflightStatus', 'headersOnErrors'])];
  // `@koa/cors` always varies on Origin, whatever the options.
  const vary: [string, string] = ['Vary', 'Origin'];
  const allowedOrNone = origin === null ? null : star || allowed;
  // With a list, the exporter's `origin` function returns '' for a refused origin: the middleware then
  // steps aside and the request goes on to the application, OPTIONS included.
  if (!star && !allowed) {
    notes.unshift(originNote(policy, origin, false, null));
    if (request.kind === 'preflight' && origin !== null) notes.push({ code: 'refused-preflight-reaches-app', text: `${KOA_CORS_NAME} steps aside for an origin it refuses: the preflight reaches your application, which answers ${app.status} without CORS headers.` });
    return { status: app.status, headers: [vary, ...app.headers], body: app.body, originAllowed: allowedOrNone, notes };
  }
  // `credentials` with "*" quietly reflects the request's Origin.
  const sentOrigin = star && !policy.credentials ? '*' : (origin ?? '');
  notes.unshift(originNote(policy, origin, true, sentOrigin));
  if (star && policy.credentials) notes.push(starWithCredentialsNote(KOA_CORS_NAME, 'reflected'));
  const lines: [string, string][] = [vary];
  if (request.method !== 'OPTIONS') {
    lines.push(['Access-Control-Allow-Origin', sentOrigin]);
    if (policy.credentials) lines.push(['Access-Control-Allow-Credentials', 'true']);
    if (policy.exposeHeaders.length > 0) lines.push(['Access-Control-Expose-Headers', policy.exposeHeaders.join(',')]);
    return { status: app.status, headers: [...lines, ...app.headers], body: app.body, originAllowed: allowedOrNone, notes };
  }
  if (getHeader(request.headers, 'access-control-request-method') === null) {
    return { status: app.status, headers: [vary, ...app.headers], body: app.body, originAllowed: allowedOrNone, notes };
  }
  lines.push(['Access-Control-Allow-Origin', sentOrigin]);
  if (policy.credentials) lines.push(['Access-Control-Allow-Credentials', 'true']);
  // `if (options.maxAge)`: a max-age of 0 is not sent.
  if (policy.maxAge) lines.push(['Access-Control-Max-Age', String(policy.maxAge)]);
  lines.push(['Access-Control-Allow-Methods', policy.allowMethods.join(',')]);
  const allowHeaders = policy.allowHeaders === 'reflect' ? getHeader(request.headers, 'access-control-request-headers') : policy.allowHeaders.join(',');
  if (allowHeaders) lines.push(['Access-Control-Allow-Headers', allowHeaders]);
  return { status: 204, headers: lines, body: '', originAllowed: allowedOrNone, notes };
}
