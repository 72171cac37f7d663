// The hops of a sequence diagram: one per request that reached the server (from the echo server's
// record), or, before any run, the requests cors-core predicts.
import { stripWirePrefixes } from '@cors-playground/wire';
import type { PredictedRequest, RunnerResult } from '../../core/adapter';

export interface Hop {
  run: number;
  hop: number;
  kind: 'preflight' | 'actual';
  method: string;
  url: string;
  /** The answer's status; null when unknown (predicted) or when the server failed to answer. */
  status: number | null;
  error?: string;
  /** Exactly as the server received them (wire URLs included): shown when the hop is opened. */
  requestHeaders: [string, string][];
  responseHeaders: [string, string][] | null;
}

/** Header lines with each wire URL (`/r/<run id>/<scenario>/…`) turned back into the scenario's logical URL. */
export function logicalHeaders(headers: readonly [string, string][]): [string, string][] {
  return headers.map(([name, value]) => [name, stripWirePrefixes(value)]);
}

const KEY_REQUEST = /^(origin|access-control-request-.*|content-type|authorization|cookie)$/i;
const KEY_RESPONSE = /^(access-control-.*|location|vary)$/i;

/** The headers worth showing on the arrow itself; the rest are one click away. */
export function keyHeaders(headers: readonly [string, string][], side: 'request' | 'response'): [string, string][] {
  const pattern = side === 'request' ? KEY_REQUEST : KEY_RESPONSE;
  return headers.filter(([name]) => pattern.test(name));
}

export function observedHops(result: RunnerResult): Hop[][] {
  return result.runs.map((run, runIndex) =>
    run.requests.map((request, hop) => ({
      run: runIndex,
      hop,
      kind: request.kind,
      method: request.method,
      url: `${request.origin}${request.path}`,
      status: 'status' in request.answer ? request.answer.status : null,
      error: 'error' in request.answer ? request.answer.error : undefined,
      requestHeaders: request.rawHeaders,
      responseHeaders: 'headers' in request.answer ? request.answer.headers : null,
    })),
  );
}

export function predictedHops(requests: readonly PredictedRequest[], runCount: number): Hop[][] {
  const runs: Hop[][] = Array.from({ length: runCount }, () => []);
  for (const request of requests) {
    (runs[request.run] ??= []).push({
      run: request.run,
      hop: request.hop,
      kind: request.kind,
      method: request.method,
      url: request.url,
      status: request.status,
      requestHeaders: request.headers,
      responseHeaders: null,
    });
  }
  return runs;
}
