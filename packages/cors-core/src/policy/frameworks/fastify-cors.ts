// Fastify + `@fastify/cors` 11 (fastify/fastify-cors index.js): what the plugin sends under the options
// the exporter writes for a policy.
import { getHeader } from '../../fetch/header-list';
import type { AppAnswer, MiddlewareAnswer, PolicyRequest } from '../middleware';
import type { CorsPolicy } from '../schema';
import { literalStarDecision } from './shared';

export const FASTIFY_CORS_NAME = '@fastify/cors';

export function fastifyCorsAnswer(policy: CorsPolicy, request: PolicyRequest, app: AppAnswer): MiddlewareAnswer {
  const { origin, star, sentOrigin, allowedOrNone, notes } = literalStarDecision(policy, request, FASTIFY_CORS_NAME, ['refusal', 'vary', 'headersOnErrors']);
  const lines: [string, string][] = [];
  const vary: string[] = [];
  // A non-string `origin` option (true, a list, a RegExp) adds Vary: Origin before anything else.
  if (!star) vary.push('Origin');
  if (sentOrigin !== null) lines.push(['Access-Control-Allow-Origin', sentOrigin]);
  if (policy.credentials) lines.push(['Access-Control-Allow-Credentials', 'true']);
  if (policy.exposeHeaders.length > 0) lines.push(['Access-Control-Expose-Headers', policy.exposeHeaders.join(', ')]);
  if (request.method === 'OPTIONS') {
    // `strictPreflight` (default true): an OPTIONS without Origin or Access-Control-Request-Method is malformed.
    if (origin === null || getHeader(request.headers, 'access-control-request-method') === null) {
      notes.push({ code: 'strict-preflight-400', text: `${FASTIFY_CORS_NAME} (strictPreflight) answers 400 "Invalid Preflight Request" to an OPTIONS without Origin or Access-Control-Request-Method.` });
      return { status: 400, headers: [...lines, ...varyLines(vary), ['Content-Type', 'text/plain; charset=utf-8']], body: 'Invalid Preflight Request', originAllowed: allowedOrNone, notes };
    }
    lines.push(['Access-Control-Allow-Methods', policy.allowMethods.join(', ')]);
    if (policy.allowHeaders === 'reflect') {
      vary.push('Access-Control-Request-Headers');
      const requested = getHeader(request.headers, 'access-control-request-headers');
      if (requested !== null) lines.push(['Access-Control-Allow-Headers', requested]);
    } else lines.push(['Access-Control-Allow-Headers', policy.allowHeaders.join(', ')]);
    if (policy.maxAge !== null) lines.push(['Access-Control-Max-Age', String(policy.maxAge)]);
    if (sentOrigin === null) notes.push({ code: 'refused-preflight-still-succeeds', text: `${FASTIFY_CORS_NAME} still answers ${policy.preflightStatus} to a preflight from an origin it refuses, only without Access-Control-Allow-Origin.` });
    return { status: policy.preflightStatus, headers: [...lines, ...varyLines(vary), ['Content-Length', '0']], body: '', originAllowed: allowedOrNone, notes };
  }
  return { status: app.status, headers: [...lines, ...varyLines(vary), ...app.headers], body: app.body, originAllowed: allowedOrNone, notes };
}

function varyLines(on: readonly string[]): [string, string][] {
  return on.length > 0 ? [['Vary', on.join(', ')]] : [];
}
