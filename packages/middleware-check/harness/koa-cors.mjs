// The echo server's real Koa + @koa/cors backend (see common.mjs): per configuration a Koa app with
// app.use(cors(options)) as cors-core's Koa export writes it.
import Koa from 'koa';
import cors from '@koa/cors';
import { appAnswer, bodyless, groupedHeaders, missingApp, originTest, serveConfigured, UNAUTHORIZED } from './common.mjs';

function koaOrigin(rule) {
  if (rule.kind === 'star') return '*';
  if (rule.kind === 'reflect') return (ctx) => ctx.get('Origin');
  const allowed = originTest(rule);
  return (ctx) => {
    const origin = ctx.get('Origin');
    return allowed(origin) ? origin : '';
  };
}

serveConfigured((config) => {
  const app = new Koa();
  if (config.authBeforeCors) {
    app.use(async (ctx, next) => {
      if (!ctx.get('Authorization')) {
        ctx.status = 401;
        ctx.body = UNAUTHORIZED;
        return;
      }
      await next();
    });
  }
  app.use(cors({ ...config.options, origin: koaOrigin(config.origin) }));
  app.use((ctx) => {
    const answer = appAnswer(ctx.headers);
    if (!answer) {
      ctx.status = 400;
      ctx.body = missingApp();
      return;
    }
    ctx.status = answer.status;
    for (const [name, value] of groupedHeaders(answer.headers)) ctx.set(name, value);
    ctx.body = bodyless(ctx.method, answer.status) ? null : answer.body;
  });
  return app.callback();
});
