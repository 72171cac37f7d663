// The server's configuration: one pure function from command-line flags and environment variables to a
// validated config, or to an error naming the flag (or variable) and the bad value. Flags win over
// variables; every flag also has a variable (`--page-origin` = `ECHO_PAGE_ORIGIN`).
import { isRealBackendFramework, originOf, REAL_BACKEND_FRAMEWORKS, sameSiteOriginOf, type Origins, type RealBackendFramework } from '@cors-playground/cors-core';
import { LOG_PATH_CHARS } from './log-path';
import { RECORD_BODY_BYTES } from './records';
import { MAX_ANSWER_BODY_BYTES, MAX_ANSWER_HEADER_BYTES, PAYLOAD_MEMO_BYTES } from './scenario-answer';
import { parseProbeAllow } from './probe-route';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** Limits, each a defence against a hostile or broken client (README.md, "Limits"). */
export interface Limits {
  /** Request body bytes; more gets 413. Bounds the memory one request can take. */
  maxBodyBytes: number;
  /** Bytes in a request's header block (request line included); more gets 431. */
  maxHeaderBytes: number;
  /** Time to receive a whole header block; a slowloris client is cut off after it. */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included. */
  requestTimeoutMs: number;
  /** Idle time allowed between two requests on a kept-alive connection. */
  keepAliveTimeoutMs: number;
  /** A connection with no traffic at all for this long is closed (half-open clients). */
  idleTimeoutMs: number;
  /** Cap on a scenario answer's `delayMs`. */
  maxDelayMs: number;
  /** Open connections on each listening port. */
  maxConnections: number;
  /** Requests kept per run; later ones are counted in `truncated`. */
  recordMaxRequests: number;
  /** Runs kept in memory; the least recently used run is dropped first. */
  recordMaxRuns: number;
  /** A run's record is dropped this long after its first request. */
  recordMaxAgeMs: number;
  /** Approximate bytes all records may take together (least recently used runs dropped first). */
  recordMaxBytes: number;
  /** Live record streams (Server-Sent Events) open at once. */
  maxEventStreams: number;
  /** A comment line is sent on an idle event stream this often (keeps proxies from closing it). */
  sseHeartbeatMs: number;
  /** Bytes of an answer's header block after `{request.*}` reflection; more gets 400. */
  maxAnswerHeaderBytes: number;
  /** Bytes of an answer's body after `{request.*}` reflection; more gets 400 (reflection amplification). */
  maxAnswerBodyBytes: number;
  /** Bytes of a request body kept in the record. */
  recordBodyBytes: number;
  /** Bytes of validated scenario payloads kept in memory (a memo: each payload is decoded once). */
  payloadMemoBytes: number;
  /** Characters of a request path kept in a log line. */
  logPathChars: number;
  /** On SIGTERM, in-flight requests get this long before the process exits anyway. */
  shutdownGraceMs: number;
}

export interface EchoConfig {
  /** Address to listen on. */
  host: string;
  /** Main port; origins with another explicit port are listened on too. */
  port: number;
  origins: Origins;
  /** LAN address announced to attendees, or null. */
  lan: string | null;
  /** Directory of the web app's production build, or null (static paths then answer 404). */
  webDir: string | null;
  logLevel: LogLevel;
  limits: Limits;
  /** Origins `POST /__pg/probe` may probe (`--probe-allow`); absent or empty: probing is off. */
  probeAllow?: string[];
  /** The real middleware to run for `server.backend: "real"` (README.md, "Real middleware backends"). */
  backends: BackendsConfig;
}

export interface BackendsConfig {
  /** Empty: none (the default). */
  frameworks: RealBackendFramework[];
  /** `--backends auto`: nginx only when its binary is installed (the others always). */
  nginxIfInstalled: boolean;
  /** Time limit of one forwarded request, from sending it to the backend's whole answer. */
  timeoutMs: number;
  /** Resident memory a backend process may reach before it is killed and started again. */
  maxRssMiB: number;
}

/** The npm four: what `--backends npm` (and `auto`, with nginx when installed) runs. */
export const NPM_BACKENDS: RealBackendFramework[] = ['express-cors', 'fastify-cors', 'hono', 'koa-cors'];
export const DEFAULT_BACKEND_TIMEOUT_MS = 5_000;
export const DEFAULT_BACKEND_MAX_RSS_MIB = 192;

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 1_048_576,
  maxHeaderBytes: 16_384,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
  maxDelayMs: 10_000,
  maxConnections: 2_000,
  recordMaxRequests: 200,
  recordMaxRuns: 5_000,
  recordMaxAgeMs: 600_000,
  recordMaxBytes: 64 * 1_048_576,
  maxEventStreams: 500,
  sseHeartbeatMs: 15_000,
  shutdownGraceMs: 15_000,
  maxAnswerHeaderBytes: MAX_ANSWER_HEADER_BYTES,
  maxAnswerBodyBytes: MAX_ANSWER_BODY_BYTES,
  recordBodyBytes: RECORD_BODY_BYTES,
  payloadMemoBytes: PAYLOAD_MEMO_BYTES,
  logPathChars: LOG_PATH_CHARS,
};

interface Option {
  flag: string;
  help: string;
}

const LIMIT_FLAGS: Record<keyof Limits, Option> = {
  maxBodyBytes: { flag: 'max-body-bytes', help: 'request body bytes; more gets 413' },
  maxHeaderBytes: { flag: 'max-header-bytes', help: 'request header block bytes; more gets 431' },
  headersTimeoutMs: { flag: 'headers-timeout-ms', help: 'time to send a whole header block (slowloris)' },
  requestTimeoutMs: { flag: 'request-timeout-ms', help: 'time to send a whole request' },
  keepAliveTimeoutMs: { flag: 'keep-alive-timeout-ms', help: 'idle time between requests on one connection' },
  idleTimeoutMs: { flag: 'idle-timeout-ms', help: 'a silent connection is closed after this (half-open clients)' },
  maxDelayMs: { flag: 'max-delay-ms', help: "cap on a scenario answer's delayMs" },
  maxConnections: { flag: 'max-connections', help: 'open connections per listening port' },
  recordMaxRequests: { flag: 'record-max-requests', help: 'requests kept per run' },
  recordMaxRuns: { flag: 'record-max-runs', help: 'runs kept (least recently used dropped first)' },
  recordMaxAgeMs: { flag: 'record-max-age-ms', help: "a run's record is dropped this long after its first request" },
  recordMaxBytes: { flag: 'record-max-bytes', help: 'approximate bytes of all records together' },
  maxEventStreams: { flag: 'max-event-streams', help: 'live record streams open at once' },
  sseHeartbeatMs: { flag: 'sse-heartbeat-ms', help: 'heartbeat interval on live record streams' },
  shutdownGraceMs: { flag: 'shutdown-grace-ms', help: 'on SIGTERM, time given to in-flight requests' },
  maxAnswerHeaderBytes: { flag: 'max-answer-header-bytes', help: "answer header block bytes after {request.*} reflection; more gets 400" },
  maxAnswerBodyBytes: { flag: 'max-answer-body-bytes', help: 'answer body bytes after {request.*} reflection; more gets 400' },
  recordBodyBytes: { flag: 'record-body-bytes', help: 'request body bytes kept in the record' },
  payloadMemoBytes: { flag: 'payload-memo-bytes', help: 'memory for decoded scenario payloads (a memo)' },
  logPathChars: { flag: 'log-path-chars', help: 'characters of a request path kept in a log line' },
};

const MAIN_FLAGS = {
  host: { flag: 'host', help: 'address to listen on (default 127.0.0.1)' },
  port: { flag: 'port', help: 'main port (default 8787)' },
  page: { flag: 'page-origin', help: 'the playground origin (default http://web.localhost:PORT)' },
  api: { flag: 'api-origin', help: 'the main server origin (default http://api.localhost:PORT)' },
  other: { flag: 'other-origin', help: 'a third origin (default http://other.localhost:PORT)' },
  samesite: { flag: 'samesite-origin', help: 'an origin cross-origin but same-site to the page (default http://api.<page host>:PORT; in LAN mode the api origin, same-site already)' },
  lan: { flag: 'lan', help: 'bind ADDRESS and serve page/api/other on http://ADDRESS:PORT, :PORT+1, :PORT+2' },
  webDir: { flag: 'web-dir', help: "the web app's production build (apps/web/dist); optional" },
  logLevel: { flag: 'log-level', help: 'debug | info | warn | error (default info)' },
  probeAllow: { flag: 'probe-allow', help: 'ORIGIN,...: the origins the playground may probe through POST /__pg/probe (off by default; loopback/private only when listed as such)' },
  backends: { flag: 'backends', help: `real middleware for server.backend "real": none (default) | npm (${NPM_BACKENDS.join(',')}) | auto (npm + nginx when installed) | all | a list of ${REAL_BACKEND_FRAMEWORKS.join(',')}` },
  backendTimeoutMs: { flag: 'backend-timeout-ms', help: `time limit of one request forwarded to a real backend (default ${DEFAULT_BACKEND_TIMEOUT_MS})` },
  backendMaxRssMib: { flag: 'backend-max-rss-mib', help: `a real backend above this resident memory is killed and started again (default ${DEFAULT_BACKEND_MAX_RSS_MIB})` },
} satisfies Record<string, Option>;

function envName(flag: string): string {
  return `ECHO_${flag.toUpperCase().replace(/-/g, '_')}`;
}

export function helpText(): string {
  const line = ({ flag, help }: Option, defaultValue?: number) =>
    `  --${flag.padEnd(24)} ${help}${defaultValue === undefined ? '' : ` (default ${defaultValue})`}\n${' '.repeat(29)}env ${envName(flag)}`;
  return [
    'cors-playground echo server: answers exactly as a scenario says, on several origins, and records what it received.',
    '',
    'Usage: node apps/echo-server/dist/main.js [options]',
    '',
    'Options:',
    ...Object.values(MAIN_FLAGS).map((option) => line(option)),
    '  --help                   this text',
    '',
    'Limits:',
    ...(Object.keys(LIMIT_FLAGS) as (keyof Limits)[]).map((key) => line(LIMIT_FLAGS[key], DEFAULT_LIMITS[key])),
    '',
  ].join('\n');
}

export type ConfigResult = { ok: true; config: EchoConfig } | { ok: false; error: string } | { ok: 'help'; text: string };

const KNOWN_FLAGS = new Set([...Object.values(MAIN_FLAGS).map((o) => o.flag), ...Object.values(LIMIT_FLAGS).map((o) => o.flag)]);

/** Reads `--flag value` / `--flag=value` pairs; an unknown flag or a missing value is an error. */
function readFlags(argv: readonly string[]): Map<string, string> | string {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) return `unexpected argument ${JSON.stringify(arg)} (options start with --; see --help)`;
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (!KNOWN_FLAGS.has(name)) return `unknown option --${name} (see --help)`;
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined) return `--${name} needs a value`;
    flags.set(name, value);
  }
  return flags;
}

/** Loads the configuration. Pure: pass `process.argv.slice(2)` and `process.env`. */
export function loadConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ConfigResult {
  if (argv.includes('--help') || argv.includes('-h')) return { ok: 'help', text: helpText() };
  const flags = readFlags(argv);
  if (typeof flags === 'string') return { ok: false, error: flags };

  const errors: string[] = [];
  /** The raw value and where it came from ("--port" or "ECHO_PORT"), for error messages. */
  const raw = (flag: string): { value: string; from: string } | undefined => {
    const fromFlag = flags.get(flag);
    if (fromFlag !== undefined) return { value: fromFlag, from: `--${flag}` };
    const fromEnv = env[envName(flag)];
    if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, from: envName(flag) };
    return undefined;
  };
  const integer = (flag: string, fallback: number, min: number, max: number): number => {
    const given = raw(flag);
    if (!given) return fallback;
    if (!/^\d+$/.test(given.value) || Number(given.value) < min || Number(given.value) > max) {
      errors.push(`${given.from}: ${JSON.stringify(given.value)} is not a whole number from ${min} to ${max}`);
      return fallback;
    }
    return Number(given.value);
  };

  const lanGiven = raw(MAIN_FLAGS.lan.flag);
  let lan: string | null = null;
  if (lanGiven) {
    if (!/^(\d{1,3}(\.\d{1,3}){3}|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/i.test(lanGiven.value)) {
      errors.push(`${lanGiven.from}: ${JSON.stringify(lanGiven.value)} is not an IPv4 address or host name`);
    } else lan = lanGiven.value;
  }

  const hostGiven = raw(MAIN_FLAGS.host.flag);
  const host = hostGiven?.value ?? lan ?? '127.0.0.1';
  if (hostGiven && !/^[A-Za-z0-9.:[\]-]+$/.test(hostGiven.value)) errors.push(`${hostGiven.from}: ${JSON.stringify(hostGiven.value)} is not an address`);
  const port = integer(MAIN_FLAGS.port.flag, 8787, 0, lan ? 65_533 : 65_535);

  const origin = (name: 'page' | 'api' | 'other' | 'samesite', fallback: string): string => {
    const given = raw(MAIN_FLAGS[name].flag);
    if (!given) return fallback;
    const normalized = /^https?:\/\/[^/?#@\s]+\/?$/i.test(given.value) ? originOf(given.value) : undefined;
    if (!normalized) {
      errors.push(`${given.from}: ${JSON.stringify(given.value)} is not an http(s) origin such as http://api.localhost:8787 (no path, no user info)`);
      return fallback;
    }
    return normalized;
  };
  const origins: Origins = lan
    ? { page: origin('page', `http://${lan}:${port}`), api: origin('api', `http://${lan}:${port + 1}`), other: origin('other', `http://${lan}:${port + 2}`) }
    : { page: origin('page', `http://web.localhost:${port}`), api: origin('api', `http://api.localhost:${port}`), other: origin('other', `http://other.localhost:${port}`) };
  origins.samesite = origin('samesite', sameSiteOriginOf(origins));
  if (origins.samesite === origins.page || origins.samesite === origins.other) errors.push(`the samesite origin must differ from the page and other origins (got ${origins.samesite})`);
  const distinct = new Set([origins.page, origins.api, origins.other]);
  if (distinct.size !== 3) errors.push(`the page, api and other origins must differ (got ${origins.page}, ${origins.api}, ${origins.other})`);

  const webDir = raw(MAIN_FLAGS.webDir.flag)?.value ?? null;

  const levelGiven = raw(MAIN_FLAGS.logLevel.flag);
  let logLevel: LogLevel = 'info';
  if (levelGiven) {
    if ((LOG_LEVELS as readonly string[]).includes(levelGiven.value)) logLevel = levelGiven.value as LogLevel;
    else errors.push(`${levelGiven.from}: ${JSON.stringify(levelGiven.value)} is not one of ${LOG_LEVELS.join(', ')}`);
  }

  const backendsGiven = raw(MAIN_FLAGS.backends.flag);
  const backends: BackendsConfig = {
    frameworks: [],
    nginxIfInstalled: false,
    timeoutMs: integer(MAIN_FLAGS.backendTimeoutMs.flag, DEFAULT_BACKEND_TIMEOUT_MS, 100, 120_000),
    maxRssMiB: integer(MAIN_FLAGS.backendMaxRssMib.flag, DEFAULT_BACKEND_MAX_RSS_MIB, 32, 4096),
  };
  if (backendsGiven) {
    const value = backendsGiven.value.trim();
    if (value === 'none') backends.frameworks = [];
    else if (value === 'npm') backends.frameworks = [...NPM_BACKENDS];
    else if (value === 'auto') backends.frameworks = [...NPM_BACKENDS, 'nginx'];
    else if (value === 'all') backends.frameworks = [...REAL_BACKEND_FRAMEWORKS];
    else {
      const names = value.split(',').map((name) => name.trim());
      const unknown = names.filter((name) => !isRealBackendFramework(name));
      if (unknown.length > 0) errors.push(`${backendsGiven.from}: ${unknown.map((name) => JSON.stringify(name)).join(', ')} not one of none, npm, auto, all, ${REAL_BACKEND_FRAMEWORKS.join(', ')}`);
      else backends.frameworks = [...new Set(names as RealBackendFramework[])];
    }
    backends.nginxIfInstalled = value === 'auto';
  }

  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_FLAGS) as (keyof Limits)[]) {
    limits[key] = integer(LIMIT_FLAGS[key].flag, DEFAULT_LIMITS[key], key === 'maxDelayMs' ? 0 : 1, 2 ** 31 - 1);
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    errors.push(`--headers-timeout-ms: ${limits.headersTimeoutMs} is longer than --request-timeout-ms ${limits.requestTimeoutMs} (the headers are part of the request)`);
  }
  if (limits.maxHeaderBytes < 1024) errors.push(`--max-header-bytes: ${limits.maxHeaderBytes} is below 1024, too small for any browser request`);

  const probeGiven = raw(MAIN_FLAGS.probeAllow.flag);
  const probe = probeGiven ? parseProbeAllow(probeGiven.value) : { ok: true as const, allow: [] };
  if (!probe.ok) errors.push(`${probeGiven!.from}: ${probe.error}`);

  if (errors.length > 0) return { ok: false, error: errors.join('\n') };
  return { ok: true, config: { host, port, origins, lan, webDir, logLevel, limits, backends, ...(probe.ok && probe.allow.length > 0 ? { probeAllow: probe.allow } : {}) } };
}

/** The port an origin is reached on (explicit or the scheme's default). */
export function originPort(origin: string): number {
  const match = /:(\d+)$/.exec(origin.replace(/^[a-z]+:\/\//i, ''));
  if (match) return Number(match[1]);
  return origin.toLowerCase().startsWith('https:') ? 443 : 80;
}

/**
 * The ports to listen on: the main port, plus every port an origin names explicitly. An origin without
 * an explicit port (https://api.example.com) is assumed to sit behind a proxy that forwards to the main
 * port.
 */
export function listenPorts(config: EchoConfig): number[] {
  const ports = new Set<number>([config.port]);
  for (const origin of Object.values(config.origins)) {
    if (/:\d+$/.test(origin.replace(/^[a-z]+:\/\//i, ''))) ports.add(originPort(origin));
  }
  return [...ports];
}
