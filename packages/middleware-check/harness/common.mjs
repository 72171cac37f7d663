// What the four Node backends of the echo server share (apps/echo-server/src/backends/). Each backend is
// the real framework and the real CORS middleware, configured per request from two headers the echo
// server adds when it forwards a browser's request:
//   x-playground-config: base64url(JSON BackendOptions), cors-core `backendOptions()` of a validated policy
//   x-playground-app:    base64url(JSON { status, headers, body }), what the application behind answers
// The options are data: each library's `origin` option is built here from a rule (a list of strings,
// RegExps from pattern sources, or a small function written in this file), never from text that becomes
// code. Everything else is configured as the export for that framework writes it (cors-core
// policy/export/node.ts): one app per configuration, the middleware registered with static options. The two headers never reach the browser's view of the request: the echo server records the
// request as the browser sent it.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

export const CONFIG_HEADER = 'x-playground-config';
export const APP_HEADER = 'x-playground-app';

function decode(value) {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  try {
    return JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The application's answer for this request, or undefined when the header is missing or broken. */
export function appAnswer(headers) {
  const app = decode(headers[APP_HEADER]);
  if (!app || !Number.isInteger(app.status) || !Array.isArray(app.headers) || typeof app.body !== 'string') return undefined;
  return app;
}

/** The application's header lines grouped by name (several lines of one name as an array), in order. */
export function groupedHeaders(lines) {
  const grouped = new Map();
  for (const [name, value] of lines) {
    const key = [...grouped.keys()].find((known) => known.toLowerCase() === name.toLowerCase()) ?? name;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  return [...grouped].map(([name, values]) => [name, values.length === 1 ? values[0] : values]);
}

/** Whether an answer of this status carries no body (204, 304; Node leaves out the body of a HEAD answer itself). */
export function bodyless(_method, status) {
  return status === 204 || status === 304;
}

/** Tests an Origin against the rule's list and pattern sources (validated by cors-core's policy schema). */
export function originTest(rule) {
  const patterns = rule.patterns.map((source) => new RegExp(source));
  return (origin) => typeof origin === 'string' && (rule.origins.includes(origin) || patterns.some((pattern) => pattern.test(origin)));
}

/**
 * One loopback HTTP server; behind it, one application per configuration, built the way the export for
 * that framework writes it (static options, the middleware registered once) and kept in a bounded map
 * (the oldest dropped first), so the requests of a run reach one configured app as they would a
 * deployed server. `build(config)` returns (a promise of) a Node request listener.
 */
export function serveConfigured(build, max = 32) {
  const apps = new Map();
  const server = createServer(async (req, res) => {
    const raw = req.headers[CONFIG_HEADER];
    const key = typeof raw === 'string' ? createHash('sha256').update(raw).digest('base64url') : '';
    let app = apps.get(key);
    if (!app) {
      const config = decode(raw);
      if (!config || !config.origin || typeof config.options !== 'object' || config.options === null) {
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        return res.end(`missing or invalid ${CONFIG_HEADER}\n`);
      }
      app = Promise.resolve(build(config));
      apps.set(key, app);
      if (apps.size > max) apps.delete(apps.keys().next().value);
    }
    try {
      (await app)(req, res);
    } catch (error) {
      apps.delete(key);
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`the backend could not be configured: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  });
  server.listen(0, '127.0.0.1', () => announce(server.address().port));
  return server;
}

/** The application behind the middleware: the answer the echo server computed for this request's route. */
export function missingApp() {
  return `missing or invalid ${APP_HEADER}\n`;
}

/** Tells the supervisor which port the OS gave this backend (one JSON line on stdout). */
export function announce(port) {
  process.stdout.write(`${JSON.stringify({ listening: port })}\n`);
}

export const UNAUTHORIZED = 'Unauthorized';

// A backend outlives nothing: when the echo server that started it is gone (killed without a chance to
// stop its children), it exits too.
const parent = process.ppid;
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    process.exit(0);
  }
}, 2000).unref();
