// What a browser sends for a scenario, and sending it from Node to a backend. The requests come from
// cors-core's own prediction of the wire (its `requests`: Origin, Access-Control-Request-*, the page's
// headers), computed against routes that answer everything, so the preflight and the actual request are
// both produced whatever the policy says; the headers a browser adds beyond those are added here.
import { request as httpRequest, type Agent } from 'node:http';
import { DEFAULT_ORIGINS, explain, ScenarioSchema, type Origins, type ScenarioInput } from '@cors-playground/cors-core';

export interface WireRequest {
  kind: 'preflight' | 'actual';
  method: string;
  /** Path and query on the backend. */
  path: string;
  headers: [string, string][];
  /** The body a browser sends (actual requests only); framed with Content-Length as a browser frames it. */
  body: string | null;
}

export interface WireAnswer {
  status: number;
  headers: [string, string][];
}

/** Headers Chromium adds to every CORS request that the prediction leaves out (they do not matter to CORS). */
const BROWSER_EXTRAS: [string, string][] = [
  ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'],
  ['Accept', '*/*'],
  ['Accept-Language', 'en-US'],
  ['Sec-Fetch-Site', 'same-site'],
  ['Sec-Fetch-Mode', 'cors'],
  ['Sec-Fetch-Dest', 'empty'],
];

const OPEN: [string, string][] = [
  ['Access-Control-Allow-Origin', '{request.origin}'],
  ['Access-Control-Allow-Credentials', 'true'],
  ['Access-Control-Allow-Methods', '{request.access-control-request-method}'],
  ['Access-Control-Allow-Headers', '{request.access-control-request-headers}'],
];

/** The preflight (when the request needs one) and the actual request a browser sends for `request`. */
export function browserRequests(request: ScenarioInput['request'], origins: Origins = DEFAULT_ORIGINS): WireRequest[] {
  const url = new URL(request.url.replace('{api}', origins.api));
  const scenario = ScenarioSchema.parse({ request, server: { routes: { [url.pathname]: { preflight: { status: 204, headers: OPEN }, actual: { status: 200, headers: OPEN } } } } });
  const { requests } = explain(scenario, { origins });
  return requests.map((predicted) => ({
    kind: predicted.kind,
    method: predicted.method,
    path: `${new URL(predicted.url).pathname}${new URL(predicted.url).search}`,
    headers: [...predicted.headers, ...BROWSER_EXTRAS],
    body: predicted.kind === 'actual' && predicted.method !== 'GET' && predicted.method !== 'HEAD' ? (scenario.request.body ?? '') : null,
  }));
}

/** Sends one request to 127.0.0.1:port with exactly these header lines; resolves with the answer. */
export function send(port: number, wire: WireRequest, timeoutMs = 10_000, agent?: Agent): Promise<WireAnswer> {
  return new Promise((resolve, reject) => {
    const headers: string[] = [];
    for (const [name, value] of wire.headers) headers.push(name, value);
    if (wire.body !== null) headers.push('Content-Length', String(Buffer.byteLength(wire.body)));
    const req = httpRequest({ host: '127.0.0.1', port, method: wire.method, path: wire.path, headers: [...headers, 'Host', `127.0.0.1:${port}`], timeout: timeoutMs, ...(agent ? { agent } : {}) }, (res) => {
      const lines: [string, string][] = [];
      for (let index = 0; index + 1 < res.rawHeaders.length; index += 2) lines.push([res.rawHeaders[index] as string, res.rawHeaders[index + 1] as string]);
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: lines }));
    });
    req.once('timeout', () => req.destroy(new Error(`${wire.method} ${wire.path}: no answer within ${timeoutMs} ms`)));
    req.once('error', reject);
    req.end(wire.body ?? undefined);
  });
}

/**
 * The part of an answer CORS reads: the status, each Access-Control-* header (lower-case name, lines
 * joined with ", ") and the Vary tokens (lower-case, sorted: their order and line split do not matter).
 */
export function corsView(answer: WireAnswer): { status: number; headers: Record<string, string>; vary: string[] } {
  const headers: Record<string, string> = {};
  const vary = new Set<string>();
  for (const [name, value] of answer.headers) {
    const lower = name.toLowerCase();
    if (lower === 'vary') for (const token of value.split(',')) vary.add(token.trim().toLowerCase());
    else if (lower.startsWith('access-control-')) headers[lower] = headers[lower] === undefined ? value : `${headers[lower]}, ${value}`;
  }
  vary.delete('');
  return { status: answer.status, headers, vary: [...vary].sort() };
}
