// Outbound requests to servers named by a user (`cors probe`, and later the echo server's probe proxy):
// never an open proxy into the machine's network. Loopback, link-local, private, unspecified, multicast
// and reserved addresses are refused unless allowed; the address checked is the address connected to
// (no DNS rebinding between the check and the request); every redirect hop is checked again; sizes and
// time are capped. Node only: the echo server imports it as `@cors-playground/cors-core/net-guard`.
import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';

export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'unspecified' | 'multicast' | 'reserved';

function ipv4Class(address: string): AddressClass {
  const [a = 0, b = 0] = address.split('.').map(Number);
  if (a === 127) return 'loopback';
  if (a === 0) return 'unspecified';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private'; // carrier-grade NAT (RFC 6598)
  if (a === 169 && b === 254) return 'link-local'; // cloud metadata (169.254.169.254) lives here
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240 || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19))) return 'reserved';
  return 'public';
}

/** The class of an IP address (v4 or v6; IPv4-mapped and NAT64-embedded IPv4 are classed as IPv4). */
export function classifyAddress(address: string): AddressClass {
  const version = isIP(address);
  if (version === 4) return ipv4Class(address);
  if (version !== 6) return 'reserved';
  const lower = address.toLowerCase();
  const mapped = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1]) return ipv4Class(mapped[1]);
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hexMapped) {
    const high = Number.parseInt(hexMapped[1] as string, 16);
    const low = Number.parseInt(hexMapped[2] as string, 16);
    return ipv4Class(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  if (lower === '::1') return 'loopback';
  if (lower === '::') return 'unspecified';
  if (/^f[cd]/.test(lower)) return 'private'; // fc00::/7 unique local
  if (/^fe[89ab]/.test(lower)) return 'link-local';
  if (lower.startsWith('ff')) return 'multicast';
  return 'public';
}

export interface GuardOptions {
  /** Allow loopback, private and link-local addresses (a developer probing their own machine). */
  allowPrivate?: boolean;
  /** Host names (or host:port) allowed whatever they resolve to, e.g. an explicit --probe-allow list. */
  allowHosts?: readonly string[];
  /** When set, only URLs on these origins are fetched, redirects included (the echo server's --probe-allow). */
  allowOrigins?: readonly string[];
  /** Cap on the answer body (bytes); the rest is not read. */
  maxBodyBytes?: number;
  /** Cap on the time of one request, from connect to the end of the body (ms). */
  timeoutMs?: number;
  /** Redirects followed (each hop checked again). */
  maxRedirects?: number;
  /** For tests: the name resolver. */
  resolve?: (hostname: string) => Promise<string[]>;
}

export const DEFAULT_MAX_BODY_BYTES = 1_048_576;
export const DEFAULT_TIMEOUT_MS = 10_000;

export class GuardError extends Error {}

/** The address to connect to for a URL, or a GuardError saying why not. */
export async function checkTarget(url: URL, options: GuardOptions = {}): Promise<{ address: string; family: 4 | 6 }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new GuardError(`${url.protocol} URLs are not probed: http and https only`);
  if (url.username || url.password) throw new GuardError('a URL with a user name or password is not probed');
  if (options.allowOrigins && !options.allowOrigins.includes(url.origin)) throw new GuardError(`${url.origin} is not on the probe allow-list (${options.allowOrigins.join(', ') || 'empty'})`);
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const allowedByName = options.allowHosts?.some((host) => host === url.host || host === hostname) ?? false;
  let addresses: string[];
  if (isIP(hostname)) addresses = [hostname];
  else {
    try {
      addresses = options.resolve ? await options.resolve(hostname) : (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch (error) {
      throw new GuardError(`cannot resolve ${hostname}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (addresses.length === 0) throw new GuardError(`${hostname} has no address`);
  if (!allowedByName && !options.allowPrivate) {
    for (const address of addresses) {
      const kind = classifyAddress(address);
      if (kind !== 'public') throw new GuardError(`${hostname} resolves to ${address}, a ${kind} address: refused (use --allow-private to probe your own network)`);
    }
  }
  const address = addresses[0] as string;
  return { address, family: isIP(address) === 6 ? 6 : 4 };
}

export interface GuardedAnswer {
  url: string;
  status: number;
  /** Header lines as received: order, case and duplicates kept. */
  headers: [string, string][];
  body: string;
  bodyTruncated: boolean;
}

export interface OutboundRequest {
  url: string;
  method: string;
  headers: [string, string][];
  body?: string | null;
}

/** One request, no redirect followed, to the checked address only. */
export async function guardedFetchOnce(outbound: OutboundRequest, options: GuardOptions = {}): Promise<GuardedAnswer> {
  const url = new URL(outbound.url);
  const target = await checkTarget(url, options);
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  // Repeated names become one array entry: Node sends them as separate lines, in order, case kept.
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of outbound.headers) {
    const existing = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase());
    if (existing === undefined) headers[name] = value;
    else headers[existing] = [...[headers[existing] as string | string[]].flat(), value];
  }
  return await new Promise<GuardedAnswer>((resolve, reject) => {
    const request = send(url, {
      method: outbound.method,
      headers,
      // Connect to the address that was checked: a second DNS answer cannot move the request inward.
      lookup: (_hostname, _options, callback) => callback(null, [{ address: target.address, family: target.family }] as never, undefined as never),
      timeout: timeoutMs,
    });
    const timer = setTimeout(() => request.destroy(new GuardError(`no complete answer within ${timeoutMs} ms`)), timeoutMs);
    request.on('timeout', () => request.destroy(new GuardError(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error instanceof GuardError ? error : new GuardError(`${outbound.method} ${outbound.url}: ${error.message}`));
    });
    request.on('response', (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      response.on('data', (chunk: Buffer) => {
        if (truncated) return;
        if (size + chunk.length > maxBytes) {
          chunks.push(chunk.subarray(0, maxBytes - size));
          size = maxBytes;
          truncated = true;
          response.destroy();
          finish();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        const headers: [string, string][] = [];
        for (let index = 0; index + 1 < response.rawHeaders.length; index += 2) headers.push([response.rawHeaders[index] as string, response.rawHeaders[index + 1] as string]);
        resolve({ url: outbound.url, status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8'), bodyTruncated: truncated });
      };
      response.on('end', finish);
      response.on('error', (error) => {
        if (!done) {
          clearTimeout(timer);
          reject(new GuardError(`${outbound.url}: ${error.message}`));
        }
      });
    });
    if (outbound.body !== undefined && outbound.body !== null) request.write(outbound.body);
    request.end();
  });
}

const header = (headers: readonly [string, string][], name: string) => headers.find(([n]) => n.toLowerCase() === name)?.[1];

/**
 * Follows redirects as the browser would for the actual request (a 303, or a 301/302 after POST,
 * becomes GET without body), each hop checked by the guard. Returns every hop.
 */
export async function guardedFetch(outbound: OutboundRequest, options: GuardOptions = {}, onHop?: (request: OutboundRequest) => OutboundRequest): Promise<GuardedAnswer[]> {
  const hops: GuardedAnswer[] = [];
  let current = outbound;
  const max = options.maxRedirects ?? 5;
  for (;;) {
    const answer = await guardedFetchOnce(current, options);
    hops.push(answer);
    const location = header(answer.headers, 'location');
    if (answer.status < 300 || answer.status >= 400 || location === undefined || onHop === undefined) return hops;
    if (hops.length > max) throw new GuardError(`more than ${max} redirects`);
    const next = new URL(location, current.url).toString();
    const toGet = answer.status === 303 || ((answer.status === 301 || answer.status === 302) && current.method === 'POST');
    current = onHop({ url: next, method: toGet ? 'GET' : current.method, headers: current.headers, body: toGet ? null : (current.body ?? null) });
  }
}
