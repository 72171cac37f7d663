// `POST /__pg/probe`: the playground's "Probe a real server", off unless the server is started with
// `--probe-allow ORIGIN,...`. It probes the way `pnpm cors probe` does (cors-core's probe and net guard)
// and answers with the recorded answers as a scenario. Never an open proxy: only the listed origins,
// every redirect hop included; loopback, private and link-local addresses only when the listed host is
// such an address (or a localhost name) itself, so a listed DNS name cannot be pointed inward; answer
// size and time capped; a few probes per client per minute, a few at a time.
import { ENGINES, originOf, type Engine } from '@cors-playground/cors-core';
import { GuardError, type GuardOptions } from '@cors-playground/cors-core/net-guard';
import { probe, type ProbeArgs } from '@cors-playground/cors-core/probe';
import { isIP } from 'node:net';
import type { Exchange, LogFields, Reply } from './handler';
import { errorReply, jsonReply } from './reply';

export interface ProbeSettings {
  /** Serialized origins that may be probed; empty = probing is off. */
  allow: readonly string[];
  /** Per request (each hop); the whole probe gets (hops + 1) times this at most. */
  timeoutMs?: number;
  /** Answer body bytes kept per hop. */
  maxBodyBytes?: number;
  /** Probes per client per minute. */
  perMinute?: number;
  /** Probes running at once, all clients together. */
  concurrent?: number;
  /** For tests: the name resolver and the clock. */
  resolve?: GuardOptions['resolve'];
  now?: () => number;
}

export const PROBE_DEFAULTS = { timeoutMs: 5_000, maxBodyBytes: 65_536, perMinute: 10, concurrent: 4, maxRedirects: 3 } as const;
const MAX_REQUEST_BYTES = 16_384;
const MAX_CLIENTS_TRACKED = 10_000;

/** `--probe-allow` parsed: serialized origins, or an error naming the bad entry. */
export function parseProbeAllow(value: string): { ok: true; allow: string[] } | { ok: false; error: string } {
  const allow: string[] = [];
  for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    const origin = /^https?:\/\/[^/?#@\s]+\/?$/i.test(entry) ? originOf(entry) : undefined;
    if (!origin) return { ok: false, error: `"${entry}" is not an http(s) origin such as https://api.example.com (no path, no user info)` };
    allow.push(origin);
  }
  return { ok: true, allow };
}

/** Listed hosts that are themselves loopback/private addresses or localhost names may be reached there. */
function literalHosts(allow: readonly string[]): string[] {
  return allow.map((origin) => new URL(origin)).filter((url) => isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0 || url.hostname === 'localhost' || url.hostname.endsWith('.localhost')).map((url) => url.host);
}

type Parsed = { ok: true; args: ProbeArgs } | { ok: false; error: string };

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The request body: `{ url, origin?, method?, headers?, credentials?, browser? }`, checked field by field. */
export function parseProbeRequest(body: unknown, defaultOrigin: string): Parsed {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, error: 'the body must be a JSON object { url, origin?, method?, headers?, credentials?, browser? }' };
  const input = body as Record<string, unknown>;
  const url = input.url;
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url) || url.length > 2048) return { ok: false, error: 'url: an http(s) URL of at most 2048 characters is needed' };
  try {
    new URL(url);
  } catch {
    return { ok: false, error: `url: "${url.slice(0, 100)}" is not a URL` };
  }
  const origin = input.origin ?? defaultOrigin;
  if (typeof origin !== 'string' || (origin !== 'null' && !/^https?:\/\/[^/?#@\s]+$/i.test(origin))) return { ok: false, error: 'origin: an origin such as https://app.example.com (or null) is needed' };
  const method = input.method ?? 'GET';
  if (typeof method !== 'string' || !TOKEN.test(method) || method.length > 32) return { ok: false, error: 'method: a method name (a token of at most 32 characters) is needed' };
  const headers = input.headers ?? [];
  if (!Array.isArray(headers) || headers.length > 20) return { ok: false, error: 'headers: a list of at most 20 [name, value] pairs is needed' };
  for (const [index, pair] of headers.entries()) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string' || !TOKEN.test(pair[0]) || /[\r\n\0]/.test(pair[1]) || pair[1].length > 1024) {
      return { ok: false, error: `headers[${index}]: a [name, value] pair with a token name and a value of one line is needed` };
    }
  }
  const browser = input.browser ?? 'chromium';
  if (typeof browser !== 'string' || !(ENGINES as readonly string[]).includes(browser)) return { ok: false, error: `browser: one of ${ENGINES.join(', ')}` };
  if (input.credentials !== undefined && typeof input.credentials !== 'boolean') return { ok: false, error: 'credentials: true or false' };
  return {
    ok: true,
    args: { url, origin: origin.replace(/\/$/, ''), method, headers: headers as [string, string][], credentials: input.credentials === true, browser: browser as Engine, expect: 'pass', json: true, allowPrivate: false },
  };
}

/** The route: a function from the exchange to the reply, with its own rate limiter. */
export function createProbeRoute(settings: ProbeSettings, pageOrigin: string): (exchange: Exchange, log: LogFields) => Promise<Reply> {
  const perMinute = settings.perMinute ?? PROBE_DEFAULTS.perMinute;
  const concurrent = settings.concurrent ?? PROBE_DEFAULTS.concurrent;
  const now = settings.now ?? Date.now;
  const clients = new Map<string, number[]>();
  let running = 0;
  const guard: GuardOptions = {
    allowOrigins: settings.allow,
    allowHosts: literalHosts(settings.allow),
    timeoutMs: settings.timeoutMs ?? PROBE_DEFAULTS.timeoutMs,
    maxBodyBytes: settings.maxBodyBytes ?? PROBE_DEFAULTS.maxBodyBytes,
    maxRedirects: PROBE_DEFAULTS.maxRedirects,
    ...(settings.resolve ? { resolve: settings.resolve } : {}),
  };

  /** True when the client may probe now (a sliding minute); the map of clients stays bounded. */
  function admit(client: string): boolean {
    const since = now() - 60_000;
    const recent = (clients.get(client) ?? []).filter((at) => at > since);
    if (recent.length >= perMinute) return false;
    clients.delete(client);
    clients.set(client, [...recent, now()]);
    if (clients.size > MAX_CLIENTS_TRACKED) clients.delete(clients.keys().next().value as string);
    return true;
  }

  return async (exchange, log) => {
    if (settings.allow.length === 0) return errorReply(404, 'probing is off: start the echo server with --probe-allow ORIGIN,... to probe those origins', log);
    if (exchange.method !== 'POST') return errorReply(405, `method ${exchange.method} is not allowed here; use POST`, log, { extra: [['Allow', 'POST']] });
    if (exchange.bodyTooLarge || exchange.body.length > MAX_REQUEST_BYTES) return errorReply(413, `the probe request is larger than ${MAX_REQUEST_BYTES} bytes`, log);
    let body: unknown;
    try {
      body = JSON.parse(exchange.body.toString('utf8'));
    } catch {
      return errorReply(400, 'the body is not JSON', log);
    }
    const parsed = parseProbeRequest(body, pageOrigin);
    if (!parsed.ok) return errorReply(400, parsed.error, log);
    const target = new URL(parsed.args.url).origin;
    if (!settings.allow.includes(target)) return errorReply(403, `${target} is not on this server's probe allow-list (${settings.allow.join(', ')})`, log);
    if (!admit(exchange.remoteAddress ?? 'unknown')) return errorReply(429, `at most ${perMinute} probes a minute per client: try again later`, log, { extra: [['Retry-After', '60']] });
    if (running >= concurrent) return errorReply(503, `${concurrent} probes are running: try again in a moment`, log, { extra: [['Retry-After', '5']] });
    running += 1;
    try {
      const result = await probe(parsed.args, guard);
      return jsonReply(200, {
        pass: result.explanation.prediction.outcome === 'ok',
        verdict: result.explanation.verdict,
        sent: result.recorded.sent,
        answers: [...(result.recorded.preflight ? [{ kind: 'preflight', ...result.recorded.preflight }] : []), ...result.recorded.hops.map((hop) => ({ kind: 'actual', ...hop }))],
        scenario: result.scenario,
      }, log, { cors: false });
    } catch (error) {
      // The guard's refusals are 403; a server that cannot be reached or answers too slowly is 502.
      if (error instanceof GuardError && /refused|allow-list|not probed|redirects|user name/.test(error.message)) return errorReply(403, `refused: ${error.message}`, log);
      return errorReply(502, `the probe failed: ${error instanceof Error ? error.message : String(error)}`, log);
    } finally {
      running -= 1;
    }
  };
}
