// The echo server's real Hono + hono/cors backend (see common.mjs): per configuration a Hono app with
// app.use('*', cors(options)) as cors-core's Hono export writes it, served through @hono/node-server's
// request listener (what its `serve()` uses).
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { getRequestListener } from '@hono/node-server';
import { appAnswer, bodyless, groupedHeaders, missingApp, originTest, serveConfigured, UNAUTHORIZED } from './common.mjs';

function honoOrigin(rule) {
  if (rule.kind === 'star') return '*';
  if (rule.kind === 'reflect') return (origin) => origin;
  const allowed = originTest(rule);
  return (origin) => (allowed(origin) ? origin : null);
}

serveConfigured((config) => {
  const app = new Hono();
  if (config.authBeforeCors) app.use('*', async (c, next) => (c.req.header('authorization') ? next() : c.text(UNAUTHORIZED, 401)));
  app.use('*', cors({ ...config.options, origin: honoOrigin(config.origin) }));
  app.all('*', (c) => {
    const answer = appAnswer(Object.fromEntries(c.req.raw.headers));
    if (!answer) return c.text(missingApp(), 400);
    return c.body(bodyless(c.req.method, answer.status) ? null : answer.body, answer.status, Object.fromEntries(groupedHeaders(answer.headers)));
  });
  return getRequestListener(app.fetch);
});
