// The echo server's real Express + cors backend (see common.mjs): per configuration an Express app with
// app.use(cors(options)), after the authentication layer when the policy puts one first, in front of the
// application, as cors-core's Express export writes it.
import express from 'express';
import cors from 'cors';
import { appAnswer, bodyless, groupedHeaders, missingApp, serveConfigured, UNAUTHORIZED } from './common.mjs';

function corsOrigin(rule) {
  if (rule.kind === 'star') return '*';
  if (rule.kind === 'reflect') return true;
  return [...rule.origins, ...rule.patterns.map((source) => new RegExp(source))];
}

serveConfigured((config) => {
  const app = express();
  if (config.authBeforeCors) app.use((req, res, next) => (req.headers.authorization ? next() : res.status(401).type('text/plain').send(UNAUTHORIZED)));
  app.use(cors({ ...config.options, origin: corsOrigin(config.origin) }));
  app.use((req, res) => {
    const answer = appAnswer(req.headers);
    if (!answer) return res.status(400).type('text/plain').send(missingApp());
    res.status(answer.status);
    for (const [name, value] of groupedHeaders(answer.headers)) res.setHeader(name, value);
    return res.end(bodyless(req.method, answer.status) ? undefined : answer.body);
  });
  return app;
});
