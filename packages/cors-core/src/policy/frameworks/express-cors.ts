// Express + `cors` 2.8 (expressjs/cors lib/index.js): the options the exporter writes for a policy, and
// what the middleware then sends.
import { getHeader } from '../../fetch/header-list';
import type { AppAnswer, MiddlewareAnswer, PolicyRequest } from '../middleware';
import type { CorsPolicy } from '../schema';
import { literalStarDecision } from './shared';

export const EXPRESS_CORS_NAME = 'Express cors';

export function expressCorsAnswer(policy: CorsPolicy, request: PolicyRequest, app: AppAnswer): MiddlewareAnswer {
  const { origin, star, sentOrigin, allowedOrNone, notes } = literalStarDecision(policy, request, EXPRESS_CORS_NAME, ['refusal', 'vary', 'headersOnErrors']);
  const lines: [string, string][] = [];
  const vary: string[] = [];
  if (sentOrigin !== null) lines.push(['Access-Control-Allow-Origin', sentOrigin]);
  if (!star) vary.push('Origin');
  if (policy.credentials) lines.push(['Access-Control-Allow-Credentials', 'true']);
  // Every OPTIONS is a preflight to `cors`, with or without Access-Control-Request-Method.
  if (request.method.toUpperCase() === 'OPTIONS') {
    lines.push(['Access-Control-Allow-Methods', policy.allowMethods.join(',')]);
    if (policy.allowHeaders === 'reflect') {
      vary.push('Access-Control-Request-Headers');
      const requested = getHeader(request.headers, 'access-control-request-headers');
      if (requested) lines.push(['Access-Control-Allow-Headers', requested]);
    } else if (policy.allowHeaders.length > 0) lines.push(['Access-Control-Allow-Headers', policy.allowHeaders.join(',')]);
    if (policy.maxAge !== null) lines.push(['Access-Control-Max-Age', String(policy.maxAge)]);
    if (policy.exposeHeaders.length > 0) lines.push(['Access-Control-Expose-Headers', policy.exposeHeaders.join(',')]);
    if (vary.length > 0) lines.push(['Vary', vary.join(', ')]);
    if (request.kind !== 'preflight') notes.push({ code: 'every-options-is-preflight', text: `${EXPRESS_CORS_NAME} answers every OPTIONS request as a preflight: this one never reaches your route.` });
    if (sentOrigin === null && origin !== null) notes.push({ code: 'refused-preflight-still-succeeds', text: `${EXPRESS_CORS_NAME} still answers ${policy.preflightStatus} to a preflight from an origin it refuses, only without Access-Control-Allow-Origin.` });
    return { status: policy.preflightStatus, headers: [...lines, ['Content-Length', '0']], body: '', originAllowed: allowedOrNone, notes };
  }
  if (policy.exposeHeaders.length > 0) lines.push(['Access-Control-Expose-Headers', policy.exposeHeaders.join(',')]);
  if (vary.length > 0) lines.push(['Vary', vary.join(', ')]);
  return { status: app.status, headers: [...lines, ...app.headers], body: app.body, originAllowed: allowedOrNone, notes };
}
