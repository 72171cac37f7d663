// Exports for the four Node middleware this project runs for real (packages/middleware-check): a whole
// runnable server file, the middleware registered as the policy says, a stand-in for the user's routes.
import { Raw, js, listedOrigins, patternSources, regexLiteral, str } from './code';
import type { Exporter, ResolvedPolicy } from './types';

const PORT_LINE = (port: number) => `const port = Number(process.env.PORT ?? ${port});\nconst host = process.env.HOST ?? '127.0.0.1';`;

function notesFor(policy: ResolvedPolicy, library: string, { status204 = true, rejects = false } = {}): string[] {
  const notes: string[] = [];
  if (policy.refusal === 'reject' && !rejects) notes.push(`${library} cannot reject a refused origin with 403: it answers without Access-Control-Allow-Origin instead.`);
  if (!policy.vary) notes.push(`${library} always sends Vary: Origin when the answer depends on the Origin.`);
  if (!policy.headersOnErrors) notes.push(`${library} sets the CORS headers before your handler runs, so error answers keep them.`);
  if (!status204 && policy.preflightStatus !== 204) notes.push(`${library} always answers a preflight with 204.`);
  return notes;
}

/** Express `cors` and `@fastify/cors` take the same origin forms: "*", true, or a list of strings and RegExps. */
function sharedOrigin(policy: ResolvedPolicy): unknown {
  if (policy.allowOrigins === '*') return '*';
  if (policy.allowOrigins === 'reflect-any') return true;
  return [...listedOrigins(policy), ...patternSources(policy).map(regexLiteral)];
}

/** Express `cors` and `@fastify/cors` share their option names. */
function expressFastifyOptions(policy: ResolvedPolicy): Record<string, unknown> {
  return {
    origin: sharedOrigin(policy),
    methods: policy.allowMethods,
    allowedHeaders: policy.allowHeaders === 'reflect' ? undefined : policy.allowHeaders,
    exposedHeaders: policy.exposeHeaders.length > 0 ? policy.exposeHeaders : undefined,
    credentials: policy.credentials || undefined,
    maxAge: policy.maxAge ?? undefined,
    optionsSuccessStatus: policy.preflightStatus === 204 ? undefined : policy.preflightStatus,
  };
}

function optionsData(options: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(options, (_key, value: unknown) => (value instanceof Raw ? value.code : value))) as Record<string, unknown>;
}

const STAR_CREDENTIALS = (library: string) =>
  `${library} sends "Access-Control-Allow-Origin: *" together with "Access-Control-Allow-Credentials: true" as configured, and browsers refuse that for requests with credentials: list the origins instead.`;

export const expressCors: Exporter = (policy, { appStatus, port }) => {
  const options = expressFastifyOptions(policy);
  const auth = `app.use((req, res, next) => (req.headers.authorization ? next() : res.status(401).type('text/plain').send('Unauthorized')));`;
  const text = [
    '// npm install express cors',
    "import express from 'express';",
    "import cors from 'cors';",
    '',
    'const app = express();',
    ...(policy.authBeforeCors ? ['// Authentication BEFORE cors: preflights (which never carry credentials) get 401. Move it below app.use(cors(...)).', auth] : []),
    `app.use(cors(${js(options, '')}));`,
    '// Stand-in for your routes:',
    `app.use((req, res) => res.status(${appStatus}).type('text/plain').send('ok\\n'));`,
    '',
    PORT_LINE(port),
    'app.listen(port, host);',
    '',
  ].join('\n');
  return {
    file: 'server.mjs',
    text,
    options: optionsData(options),
    quirk:
      policy.allowOrigins === '*' && policy.credentials
        ? STAR_CREDENTIALS('cors')
        : 'cors treats every OPTIONS request as a preflight, and still answers 204 (with Allow-Methods and Allow-Headers, without Allow-Origin) to a preflight from a refused origin.',
    notes: notesFor(policy, 'cors'),
  };
};

export const fastifyCors: Exporter = (policy, { appStatus, port }) => {
  const options = expressFastifyOptions(policy);
  const text = [
    '// npm install fastify @fastify/cors',
    "import Fastify from 'fastify';",
    "import cors from '@fastify/cors';",
    '',
    'const app = Fastify();',
    ...(policy.authBeforeCors
      ? [
          '// Authentication BEFORE cors: preflights (which never carry credentials) get 401. Register it after the cors plugin.',
          "app.addHook('onRequest', async (req, reply) => { if (!req.headers.authorization) return reply.code(401).type('text/plain').send('Unauthorized'); });",
        ]
      : []),
    `await app.register(cors, ${js(options, '')});`,
    '// Stand-in for your routes:',
    `app.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/*', handler: (req, reply) => reply.code(${appStatus}).type('text/plain').send('ok\\n') });`,
    '',
    PORT_LINE(port),
    'await app.listen({ port, host });',
    '',
  ].join('\n');
  return {
    file: 'server.mjs',
    text,
    options: optionsData(options),
    quirk:
      policy.allowOrigins === '*' && policy.credentials
        ? STAR_CREDENTIALS('@fastify/cors')
        : '@fastify/cors answers 400 "Invalid Preflight Request" to an OPTIONS without Origin or Access-Control-Request-Method (strictPreflight), and 204 without Allow-Origin to a preflight from a refused origin; its default methods are only GET, HEAD, POST.',
    notes: notesFor(policy, '@fastify/cors'),
  };
};

/** Hono and @koa/cors take a function for anything beyond one origin or "*". */
function originFunction(policy: ResolvedPolicy, readOrigin: string, refused: string): Raw {
  const listed = listedOrigins(policy);
  const patterns = patternSources(policy).map((source) => `/${source}/.test(origin)`);
  const tests = [`[${listed.map(str).join(', ')}].includes(origin)`, ...patterns].join(' || ');
  return new Raw(`(${readOrigin.startsWith('ctx') ? 'ctx' : 'origin'}) => {\n${readOrigin.startsWith('ctx') ? `    const origin = ${readOrigin};\n` : ''}    return ${tests} ? origin : ${refused};\n  }`);
}

/** Hono's and @koa/cors's option names are the same for everything but the origin. */
function honoKoaOptions(policy: ResolvedPolicy, origin: unknown): Record<string, unknown> {
  return {
    origin,
    allowMethods: policy.allowMethods,
    allowHeaders: policy.allowHeaders === 'reflect' ? undefined : policy.allowHeaders,
    exposeHeaders: policy.exposeHeaders.length > 0 ? policy.exposeHeaders : undefined,
    credentials: policy.credentials || undefined,
    maxAge: policy.maxAge ?? undefined,
  };
}

export const hono: Exporter = (policy, { appStatus, port }) => {
  const origin =
    policy.allowOrigins === '*' ? '*' : policy.allowOrigins === 'reflect-any' ? new Raw('(origin) => origin') : originFunction(policy, 'origin', 'null');
  const options = honoKoaOptions(policy, origin);
  const body = appStatus === 204 || appStatus === 304 ? `c.body(null, ${appStatus})` : `c.text('ok\\n', ${appStatus})`;
  const text = [
    '// npm install hono @hono/node-server',
    "import { Hono } from 'hono';",
    "import { cors } from 'hono/cors';",
    "import { serve } from '@hono/node-server';",
    '',
    'const app = new Hono();',
    ...(policy.authBeforeCors
      ? [
          '// Authentication BEFORE cors: preflights (which never carry credentials) get 401. Register it after cors().',
          "app.use('*', async (c, next) => (c.req.header('authorization') ? next() : c.text('Unauthorized', 401)));",
        ]
      : []),
    `app.use('*', cors(${js(options, '')}));`,
    '// Stand-in for your routes:',
    `app.all('*', (c) => ${body});`,
    '',
    PORT_LINE(port),
    'serve({ fetch: app.fetch, port, hostname: host });',
    '',
  ].join('\n');
  const notes = notesFor(policy, 'Hono cors', { status204: false });
  if (Array.isArray(policy.allowHeaders) && policy.allowHeaders.length === 0) notes.push('Hono cors reads an empty allowHeaders as "reflect whatever was asked for".');
  return {
    file: 'server.mjs',
    text,
    options: optionsData(options),
    quirk:
      policy.allowOrigins === '*' && policy.credentials
        ? `${STAR_CREDENTIALS('Hono cors')} (this release sends the literal "*").`
        : 'Hono cors answers every OPTIONS request with 204, even from a refused origin (then without Access-Control-Allow-Origin).',
    notes,
  };
};

export const koaCors: Exporter = (policy, { appStatus, port }) => {
  const origin =
    policy.allowOrigins === '*' ? '*' : policy.allowOrigins === 'reflect-any' ? new Raw("(ctx) => ctx.get('Origin')") : originFunction(policy, "ctx.get('Origin')", "''");
  const options = honoKoaOptions(policy, origin);
  const text = [
    '// npm install koa @koa/cors',
    "import Koa from 'koa';",
    "import cors from '@koa/cors';",
    '',
    'const app = new Koa();',
    ...(policy.authBeforeCors
      ? [
          '// Authentication BEFORE cors: preflights (which never carry credentials) get 401. Register it after cors().',
          "app.use(async (ctx, next) => { if (!ctx.get('Authorization')) { ctx.status = 401; ctx.body = 'Unauthorized'; return; } await next(); });",
        ]
      : []),
    `app.use(cors(${js(options, '')}));`,
    '// Stand-in for your routes:',
    `app.use((ctx) => { ctx.status = ${appStatus}; ctx.type = 'text/plain'; ctx.body = 'ok\\n'; });`,
    '',
    PORT_LINE(port),
    'app.listen(port, host);',
    '',
  ].join('\n');
  const notes = notesFor(policy, '@koa/cors', { status204: false });
  if (policy.maxAge === 0) notes.push('@koa/cors skips a maxAge of 0 (it tests `if (options.maxAge)`): no Access-Control-Max-Age is sent.');
  return {
    file: 'server.mjs',
    text,
    options: optionsData(options),
    quirk:
      policy.allowOrigins === '*' && policy.credentials
        ? '@koa/cors turns origin "*" with credentials into a reflection of any Origin: every site can read answers with the user\'s cookies. List the origins instead.'
        : '@koa/cors always adds Vary: Origin, and when the origin function refuses an origin it steps aside entirely: the preflight reaches your routes.',
    notes,
  };
};

/**
 * Which origins a Node backend lets in, as data: each library turns it into its own `origin` option
 * exactly as the exports above write it ("*", true / a reflecting function, or a list of strings and
 * RegExps / a function testing them), without any text becoming code.
 */
export type OriginRule = { kind: 'star' } | { kind: 'reflect' } | { kind: 'list'; origins: string[]; patterns: string[] };

export interface BackendOptions {
  framework: 'express-cors' | 'fastify-cors' | 'hono' | 'koa-cors';
  origin: OriginRule;
  /** Every other option, named as the library names it, with the values the export writes (JSON). */
  options: Record<string, unknown>;
  /** An authentication layer answers 401 before the middleware (the export's `authBeforeCors` lines). */
  authBeforeCors: boolean;
}

/**
 * The options a real Node backend of the echo server configures its middleware with for `policy`: the
 * same option values as the export for that framework (shared functions), as data. `policy` must come
 * from `resolvePolicy` (validated, placeholders resolved).
 */
export function backendOptions(policy: ResolvedPolicy, framework: BackendOptions['framework']): BackendOptions {
  const origin: OriginRule =
    policy.allowOrigins === '*' ? { kind: 'star' } : policy.allowOrigins === 'reflect-any' ? { kind: 'reflect' } : { kind: 'list', origins: listedOrigins(policy), patterns: patternSources(policy) };
  const all = framework === 'express-cors' || framework === 'fastify-cors' ? expressFastifyOptions(policy) : honoKoaOptions(policy, undefined);
  const { origin: _origin, ...rest } = optionsData(all);
  return { framework, origin, options: rest, authBeforeCors: policy.authBeforeCors };
}
