// Hono's `cors` middleware (honojs/hono src/middleware/cors/index.ts, 4.x): what it sends under the
// options the exporter writes for a policy.
import { getHeader } from '../../fetch/header-list';
import type { AppAnswer, MiddlewareAnswer, PolicyRequest } from '../middleware';
import type { CorsPolicy } from '../schema';
import { literalStarDecision } from './shared';

export const HONO_NAME = 'Hono cors';

export function honoAnswer(policy: CorsPolicy, request: PolicyRequest, app: AppAnswer): MiddlewareAnswer {
  const { origin, star, sentOrigin, allowedOrNone, notes } = literalStarDecision(policy, request, HONO_NAME, ['refusal', 'vary', 'headersOnErrors', 'preflightStatus']);
  const lines: [string, string][] = [];
  if (sentOrigin !== null) lines.push(['Access-Control-Allow-Origin', sentOrigin]);
  if (policy.credentials) lines.push(['Access-Control-Allow-Credentials', 'true']);
  if (policy.exposeHeaders.length > 0) lines.push(['Access-Control-Expose-Headers', policy.exposeHeaders.join(',')]);
  // Every OPTIONS is a preflight to Hono's cors, answered 204.
  if (request.method === 'OPTIONS') {
    const vary: string[] = star ? [] : ['Origin'];
    if (policy.maxAge !== null) lines.push(['Access-Control-Max-Age', String(policy.maxAge)]);
    lines.push(['Access-Control-Allow-Methods', policy.allowMethods.join(',')]);
    const requested = getHeader(request.headers, 'access-control-request-headers');
    const allowHeaders =
      policy.allowHeaders !== 'reflect' && policy.allowHeaders.length > 0
        ? policy.allowHeaders.join(',')
        : requested
          ? requested.split(',').map((name) => name.trim()).join(',')
          : '';
    if (allowHeaders) {
      lines.push(['Access-Control-Allow-Headers', allowHeaders]);
      vary.push('Access-Control-Request-Headers');
    }
    if (sentOrigin === null && origin !== null) notes.push({ code: 'refused-preflight-still-succeeds', text: `${HONO_NAME} still answers 204 to a preflight from an origin it refuses, only without Access-Control-Allow-Origin.` });
    return { status: 204, headers: [...lines, ...(vary.length > 0 ? [['Vary', vary.join(', ')] as [string, string]] : [])], body: '', originAllowed: allowedOrNone, notes };
  }
  const vary: [string, string][] = star ? [] : [['Vary', 'Origin']];
  return { status: app.status, headers: [...lines, ...app.headers, ...vary], body: app.body, originAllowed: allowedOrNone, notes };
}
