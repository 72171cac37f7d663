// Sends a browser's request on to a backend on loopback and reads its answer, bounded: a time limit for
// the whole exchange, a cap on the answer's body. The request goes out with the browser's header lines
// (case and order kept) minus the connection's own (Host, Connection, framing) and minus any line named
// like the playground's own headers, which a scenario could otherwise use to configure the backend.
import http from 'node:http';

export interface ForwardRequest {
  method: string;
  /** Path and query on the backend (the logical path: the wire prefix removed). */
  path: string;
  /** Flat: name, value, name, value... as received. */
  rawHeaders: readonly string[];
  body: Buffer;
}

export interface BackendAnswer {
  status: number;
  /** Header lines as the backend sent them, minus the connection's own (see `dropped`). */
  headers: [string, string][];
  /** Names of the lines left out: they framed the connection between the echo server and the backend. */
  dropped: string[];
  body: Buffer;
}

export type ForwardResult = { ok: true; answer: BackendAnswer; ms: number } | { ok: false; status: 502 | 504; error: string; ms: number };

/** Request header lines that belong to one connection, or to the playground: never passed on. */
const NOT_FORWARDED = /^(host|connection|keep-alive|proxy-connection|transfer-encoding|te|upgrade|trailer|content-length|x-playground-.*)$/i;
/** Answer header lines that framed the backend's connection: the echo server frames its own answer. */
const HOP_BY_HOP = /^(connection|keep-alive|proxy-connection|transfer-encoding|te|upgrade|trailer)$/i;

export function forwardedHeaders(rawHeaders: readonly string[], extra: readonly [string, string][], bodyBytes: number, port: number): string[] {
  const out: string[] = ['Host', `127.0.0.1:${port}`];
  let framed = false;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (!NOT_FORWARDED.test(name)) out.push(name, rawHeaders[i + 1]!);
    else if (/^(content-length|transfer-encoding)$/i.test(name)) framed = true;
  }
  // A request that announced a body (a browser's PUT without one still says Content-Length: 0) is
  // passed on with its length; without one, Node's client would frame a PUT as chunked.
  if (framed || bodyBytes > 0) out.push('Content-Length', String(bodyBytes));
  for (const [name, value] of extra) out.push(name, value);
  return out;
}

export function forward(port: number, agent: http.Agent, request: ForwardRequest, extra: readonly [string, string][], limits: { timeoutMs: number; maxBodyBytes: number }): Promise<ForwardResult> {
  const started = performance.now();
  const ms = () => Math.round((performance.now() - started) * 1000) / 1000;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: ForwardResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = http.request({ host: '127.0.0.1', port, method: request.method, path: request.path, headers: forwardedHeaders(request.rawHeaders, extra, request.body.length, port), agent, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > limits.maxBodyBytes) {
          res.destroy();
          settle({ ok: false, status: 502, error: `the backend's answer body passed ${limits.maxBodyBytes} bytes`, ms: ms() });
        } else chunks.push(chunk);
      });
      res.once('end', () => {
        const headers: [string, string][] = [];
        const dropped: string[] = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i]!;
          if (HOP_BY_HOP.test(name)) dropped.push(name);
          else headers.push([name, res.rawHeaders[i + 1]!]);
        }
        settle({ ok: true, answer: { status: res.statusCode ?? 502, headers, dropped, body: Buffer.concat(chunks) }, ms: ms() });
      });
      res.once('error', (error) => settle({ ok: false, status: 502, error: `the backend's answer broke off: ${error.message}`, ms: ms() }));
    });
    const timer = setTimeout(() => {
      req.destroy();
      settle({ ok: false, status: 504, error: `the backend did not answer within ${limits.timeoutMs} ms`, ms: ms() });
    }, limits.timeoutMs);
    req.once('error', (error) => settle({ ok: false, status: 502, error: `the backend could not be reached: ${error.message}`, ms: ms() }));
    req.end(request.body.length > 0 ? request.body : undefined);
  });
}
