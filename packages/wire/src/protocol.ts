// The echo server's wire protocol (docs/DESIGN.md), shared with the runner page and the playground.
// Pure TypeScript over Web APIs that both browsers and Node 20 have (WebCrypto, TextEncoder): no
// Node module, no DOM. A scenario reaches the server inside the URL, so any instance can answer any
// request and a share link keeps working after a restart.
import { deflateSync, Inflate } from 'fflate';
import type { Routes } from '@cors-playground/cors-core';

/** Scenario requests: `/r/<runId>/<payload>/<path>`. */
export const RUN_PREFIX = '/r/';
/** The server's own endpoints: config, health, records. */
export const INFRA_PREFIX = '/__pg/';
/** Characters in an encoded payload. The whole request line must stay under Node's 16 KiB header limit. */
export const MAX_PAYLOAD_LENGTH = 8192;
/** Bytes a payload may inflate to (a compressed payload cannot become a memory bomb). */
export const MAX_DECODED_PAYLOAD_BYTES = 262_144;
/** Chromium never caches a preflight for a URL this long or longer (services/network/cors/preflight_cache.cc). */
export const CHROMIUM_PREFLIGHT_CACHE_MAX_URL_LENGTH = 1024;

const RUN_ID = /^[A-Za-z0-9_-]{22}$/;
const KEY = /^[A-Za-z0-9_-]{22}$/;

export const paths = {
  config: `${INFRA_PREFIX}config`,
  healthz: `${INFRA_PREFIX}healthz`,
  record: (key: string) => `${INFRA_PREFIX}record/${key}`,
  recordEvents: (key: string) => `${INFRA_PREFIX}record/${key}/events`,
  /** POST: probe a real server (only when the echo server has a --probe-allow list). */
  probe: `${INFRA_PREFIX}probe`,
} as const;

/** What the server received, one entry per request (docs/DESIGN.md, "The record"). */
export interface RecordedRequest {
  /** 0, 1, ... in arrival order within the run. */
  seq: number;
  /** Milliseconds since the first request of the run. */
  at: number;
  /** The origin the request was sent to, from its Host. */
  origin: string;
  /** Exactly as received ("patch", "CHICKEN"). */
  method: string;
  /** The logical path and query, wire prefix removed ("/resource?x=1"). */
  path: string;
  /** Header lines in arrival order, with their case. */
  rawHeaders: [string, string][];
  /** The body as text, truncated (see `bodyBytes` and `bodyTruncated`). */
  body: string | null;
  bodyBytes: number;
  bodyTruncated: boolean;
  kind: 'preflight' | 'actual';
  /** The route key that matched, or null when none did (the server answered 404). */
  route: string | null;
  answer: { status: number; headers: [string, string][] } | { error: string };
  durationMs: number;
  /** Set when a real middleware answered (`server.backend: "real"`): which one, and how it went. */
  backend?: RecordedBackend;
}

export interface RecordedBackend {
  framework: string;
  version: string;
  /** Milliseconds the backend took to answer (forwarding included). */
  ms: number;
  /** Header lines the backend sent that the echo server did not pass on (connection framing). */
  dropped: string[];
  /** The backend was (re)started for this request, after a crash or a memory cap ("restarted after: exit code 1"). */
  restarted: string | null;
}

export interface RunRecord {
  runId: string;
  requests: RecordedRequest[];
  /** Requests were dropped because the run reached its limit. */
  truncated: boolean;
}

export interface ServerConfig {
  /** `samesite`: cross-origin but same-site to `page` (absent from servers that predate it). */
  origins: { page: string; api: string; other: string; samesite?: string };
  version: string;
  /** Present when the server probes real servers (`--probe-allow`): the origins it may probe. */
  probe?: { allow: string[] };
  /** The real middleware this server runs for `server.backend: "real"` (absent or empty: none). */
  backends?: BackendStatus[];
}

/** One real middleware backend the echo server supervises, as `/__pg/config` reports it. */
export interface BackendStatus {
  framework: string;
  /** The packages and versions it runs ("express 5.3.0, cors 2.8.6"). */
  version: string;
  /** `up`: answering; `starting`; `down`: not running (it starts again on the next request). */
  state: 'up' | 'starting' | 'down';
  /** Times it was started again after it crashed, hung or passed its memory cap. */
  restarts: number;
  /** Why it last stopped unasked ("exit code 1", "RSS 201 MiB over the 192 MiB cap"), or null. */
  lastFailure: string | null;
  /** Resident memory of its process(es) at the last check, MiB (null: not running). */
  rssMiB: number | null;
}

// --- base64url over bytes, without Buffer or btoa on binary strings -----------------------------

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function base64UrlEncode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** Decodes base64url (no padding); undefined when the text is not base64url. */
export function base64UrlDecode(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? LOOKUP[code]! : -1;
    if (digit < 0) return undefined;
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, index);
}

// --- payload: the scenario's resolved routes -----------------------------------------------------

/**
 * Policy mode run by a real middleware (`server.backend: "real"`): which framework, configured with
 * which policy (placeholders resolved). The payload's routes are then the application behind it. The
 * server validates both again (cors-core's CorsPolicySchema) before anything reaches a backend.
 */
export interface WireBackend {
  framework: string;
  policy: unknown;
}

/** base64url(deflate-raw(JSON `{ v: 1, routes, backend? }`)) */
export function encodeRoutes(routes: Routes, backend?: WireBackend): string {
  const json = new TextEncoder().encode(JSON.stringify(backend ? { v: 1, routes, backend } : { v: 1, routes }));
  return base64UrlEncode(deflateSync(json, { level: 9 }));
}

export type DecodeResult = { ok: true; routes: unknown; backend?: unknown } | { ok: false; error: string };

/**
 * Inflates deflate-raw data, stopping as soon as the output passes `maxBytes` (then returns undefined):
 * a payload that inflates to megabytes costs no more than the limit. Throws on invalid data.
 */
export type InflateRaw = (compressed: Uint8Array, maxBytes: number) => Uint8Array | undefined;

/** Compressed bytes fed to the inflater at a time: one step can produce at most about 1 MiB more. */
const INFLATE_STEP = 1024;

/** The pure inflater (fflate, streaming): used in the page; the server passes zlib's. */
export const inflateRawBounded: InflateRaw = (compressed, maxBytes) => {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= maxBytes) chunks.push(chunk);
  });
  for (let at = 0; at < compressed.length && total <= maxBytes; at += INFLATE_STEP) {
    const end = Math.min(compressed.length, at + INFLATE_STEP);
    inflater.push(compressed.subarray(at, end), end === compressed.length);
  }
  if (total > maxBytes) return undefined;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
};

/** Decodes a payload. The routes still have to be validated against the scenario schema. */
export function decodeRoutes(payload: string, inflateRaw: InflateRaw = inflateRawBounded): DecodeResult {
  if (payload.length > MAX_PAYLOAD_LENGTH) return { ok: false, error: `the scenario payload is longer than ${MAX_PAYLOAD_LENGTH} characters` };
  const compressed = base64UrlDecode(payload);
  if (!compressed) return { ok: false, error: 'the scenario payload is not base64url' };
  let json: Uint8Array | undefined;
  try {
    json = inflateRaw(compressed, MAX_DECODED_PAYLOAD_BYTES);
  } catch {
    return { ok: false, error: 'the scenario payload is not valid deflate data' };
  }
  if (json === undefined) return { ok: false, error: `the scenario payload inflates to more than ${MAX_DECODED_PAYLOAD_BYTES} bytes` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return { ok: false, error: 'the scenario payload is not UTF-8 JSON' };
  }
  if (!parsed || typeof parsed !== 'object' || (parsed as { v?: unknown }).v !== 1) {
    return { ok: false, error: 'the scenario payload is not version 1' };
  }
  const { routes, backend } = parsed as { routes?: unknown; backend?: unknown };
  return backend === undefined ? { ok: true, routes } : { ok: true, routes, backend };
}

// --- run ids and keys ----------------------------------------------------------------------------

export interface RunKey {
  /** Secret: reads the record. */
  key: string;
  /** Public: appears in URLs. */
  runId: string;
}

/** The run id of a key: the first 16 bytes of SHA-256(key), base64url. */
export async function runIdForKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return base64UrlEncode(new Uint8Array(digest).subarray(0, 16));
}

export async function newRunKey(): Promise<RunKey> {
  const key = base64UrlEncode(crypto.getRandomValues(new Uint8Array(16)));
  return { key, runId: await runIdForKey(key) };
}

export function isRunId(text: string): boolean {
  return RUN_ID.test(text);
}

export function isRunKey(text: string): boolean {
  return KEY.test(text);
}

// --- wire URLs -----------------------------------------------------------------------------------

export interface WireRun {
  runId: string;
  payload: string;
}

/** The `/r/<runId>/<payload>` prefix of a run. */
export function wirePrefix(run: WireRun): string {
  return `${RUN_PREFIX}${run.runId}/${run.payload}`;
}

/**
 * True when a `Set-Cookie` line keeps its own `Path` on the wire, so its cookie outlives the run that set
 * it: a `__Host-` cookie must keep `Path=/` or the browser refuses it (RFC 6265bis 4.1.3.2). Every other
 * cookie's path is moved under the run's prefix by the echo server, so no other run ever sends it.
 */
export function cookieOutlivesRun(setCookie: string): boolean {
  return /^\s*__host-/i.test(setCookie);
}

const ABSOLUTE_URL = /^([a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?[^/?#]+)([^#]*)(#.*)?$/i;

function serializedOrigin(schemeAndAuthority: string): string {
  return schemeAndAuthority.replace(/\/\/[^@/?#]*@/, '//').toLowerCase().replace(/^http:\/\/([^/]+):80$/, 'http://$1').replace(/^https:\/\/([^/]+):443$/, 'https://$1');
}

/**
 * The URL the browser must request for a logical scenario URL: the run's prefix is inserted after the
 * origin when the URL is on one of the server's own origins; any other URL is returned unchanged.
 */
export function toWireUrl(logicalUrl: string, run: WireRun, ownOrigins: readonly string[]): string {
  const match = ABSOLUTE_URL.exec(logicalUrl);
  if (!match) return logicalUrl;
  const [, authority = '', rest = '', fragment = ''] = match;
  if (!ownOrigins.includes(serializedOrigin(authority))) return logicalUrl;
  const pathAndQuery = rest.startsWith('/') ? rest : `/${rest}`;
  return `${authority}${wirePrefix(run)}${pathAndQuery}${fragment}`;
}

export interface WirePath extends WireRun {
  /** The logical path and query ("/resource?x=1"). */
  logicalPath: string;
}

/** Splits a request target `/r/<runId>/<payload>/<path>?<query>`; undefined when it is not one. */
export function parseWirePath(target: string): WirePath | undefined {
  if (!target.startsWith(RUN_PREFIX)) return undefined;
  // Offsets into the target rather than intermediate copies: this runs on every scenario request.
  const runStart = RUN_PREFIX.length;
  const runEnd = target.indexOf('/', runStart);
  if (runEnd === -1) return undefined;
  const runId = target.slice(runStart, runEnd);
  const payloadStart = runEnd + 1;
  // The payload ends at the first "/" or "?".
  const slash = target.indexOf('/', payloadStart);
  const question = target.indexOf('?', payloadStart);
  const payloadEnd = slash === -1 ? question : question === -1 ? slash : Math.min(slash, question);
  const payload = payloadEnd === -1 ? target.slice(payloadStart) : target.slice(payloadStart, payloadEnd);
  let logicalPath = payloadEnd === -1 ? '/' : target.slice(payloadEnd);
  if (logicalPath.startsWith('?')) logicalPath = `/${logicalPath}`;
  if (!isRunId(runId) || payload.length === 0) return undefined;
  return { runId, payload, logicalPath };
}

/** Removes every wire prefix from a text (console messages, response URLs), leaving logical URLs. */
export function stripWirePrefixes(text: string): string {
  return text.replace(/\/r\/[A-Za-z0-9_-]{22}\/[A-Za-z0-9_-]+(?=[/?'"\s#)]|$)/g, '');
}
