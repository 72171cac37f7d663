// The echo server's real Fastify + @fastify/cors backend (see common.mjs): per configuration a Fastify
// instance with `app.register(cors, options)` as cors-core's Fastify export writes it; its request
// handler is taken through Fastify's documented `serverFactory`, so one loopback server serves them all.
import { createServer } from 'node:http';
import Fastify from 'fastify';
import cors from '@fastify/cors';
import { appAnswer, bodyless, groupedHeaders, missingApp, serveConfigured, UNAUTHORIZED } from './common.mjs';

function corsOrigin(rule) {
  if (rule.kind === 'star') return '*';
  if (rule.kind === 'reflect') return true;
  return [...rule.origins, ...rule.patterns.map((source) => new RegExp(source))];
}

serveConfigured(async (config) => {
  let handler;
  const app = Fastify({
    serverFactory: (fastifyHandler) => {
      handler = fastifyHandler;
      return createServer();
    },
  });
  if (config.authBeforeCors) app.addHook('onRequest', async (req, reply) => (req.headers.authorization ? undefined : reply.code(401).type('text/plain').send(UNAUTHORIZED)));
  await app.register(cors, { ...config.options, origin: corsOrigin(config.origin) });
  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/*',
    handler: (req, reply) => {
      const answer = appAnswer(req.headers);
      if (!answer) return reply.code(400).type('text/plain').send(missingApp());
      reply.code(answer.status);
      for (const [name, value] of groupedHeaders(answer.headers)) reply.header(name, value);
      return reply.send(bodyless(req.method, answer.status) ? undefined : answer.body);
    },
  });
  await app.ready();
  return handler;
});
