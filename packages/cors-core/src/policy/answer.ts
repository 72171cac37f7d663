// The answer a policy produces for one request, by the framework chosen to run it.
import { authLayerAnswer, type AppAnswer, type MiddlewareAnswer, type PolicyRequest } from './middleware';
import type { CorsPolicy, PolicyFramework } from './schema';
import { echoAnswer } from './frameworks/echo';
import { expressCorsAnswer } from './frameworks/express-cors';
import { fastifyCorsAnswer } from './frameworks/fastify-cors';
import { honoAnswer } from './frameworks/hono';
import { koaCorsAnswer } from './frameworks/koa-cors';
import { nginxAnswer } from './frameworks/nginx';

type Profile = (policy: CorsPolicy, request: PolicyRequest, app: AppAnswer) => MiddlewareAnswer;

const PROFILES: Record<PolicyFramework, Profile> = {
  echo: echoAnswer,
  'express-cors': expressCorsAnswer,
  'fastify-cors': fastifyCorsAnswer,
  hono: honoAnswer,
  'koa-cors': koaCorsAnswer,
  nginx: nginxAnswer,
};

/**
 * What `framework`, configured by `policy`, answers to `request` in front of an application that would
 * answer `app`: the status, the header lines (CORS ones included) and notes explaining each decision.
 */
export function policyAnswer(policy: CorsPolicy, framework: PolicyFramework, request: PolicyRequest, app: AppAnswer): MiddlewareAnswer {
  return authLayerAnswer(policy, request) ?? PROFILES[framework](policy, request, app);
}
