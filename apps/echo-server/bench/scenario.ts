// What the bench sends and what both bench servers answer: a realistic playground request.
//
// The request is what Chromium sends for `fetch('http://api.bench/resource')` from a page on
// http://web.bench: a cross-origin GET with no preflight (no unsafe header, simple method), carrying the
// browser's usual header lines in the browser's order. Both servers receive exactly these bytes, on the
// same wire URL, so Node's parsing costs the same on both sides.
//
// The answer is the shape most scenario answers have (the lessons' corpus: 280 of 317 actual answers
// list Access-Control-Allow-Origin, most of them with one to three other lines): ACAO for the page, an
// exposed header and the header itself, a Content-Type, a short text body. The echo server adds exactly
// one framing line (Content-Length), so the bare server writes the same list plus that line.
import type { Routes } from '@cors-playground/cors-core';

export const PAGE_ORIGIN = 'http://web.bench';
export const API_HOST = 'api.bench';

export const BENCH_HEADERS: [string, string][] = [
  ['Access-Control-Allow-Origin', PAGE_ORIGIN],
  ['Access-Control-Expose-Headers', 'X-Request-Id'],
  ['X-Request-Id', 'bench-7f3a'],
  ['Content-Type', 'text/plain; charset=utf-8'],
];
export const BENCH_BODY = 'hello from the bench\n';

export const BENCH_ROUTES: Routes = { '/resource': { actual: { status: 200, headers: BENCH_HEADERS, body: BENCH_BODY } } };

/** The logical URL's path and query (the wire URL puts the run prefix in front). */
export const BENCH_LOGICAL_PATH = '/resource?page=2';

/** Chromium 13x's header lines for a cross-origin fetch() GET (Host and Connection are added by the client). */
export const BENCH_REQUEST_HEADERS: Record<string, string> = {
  host: API_HOST,
  'sec-ch-ua-platform': '"Linux"',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36',
  'sec-ch-ua': '"Not)A;Brand";v="8", "Chromium";v="138"',
  'sec-ch-ua-mobile': '?0',
  accept: '*/*',
  origin: PAGE_ORIGIN,
  'sec-fetch-site': 'cross-site',
  'sec-fetch-mode': 'cors',
  'sec-fetch-dest': 'empty',
  referer: `${PAGE_ORIGIN}/`,
  'accept-encoding': 'gzip, deflate',
  'accept-language': 'en-US,en;q=0.9',
};

/** Requests per run id: a run (one experiment on a page) sends a handful of requests, then a new run starts. */
export const REQUESTS_PER_RUN = 10;

/** The n-th bench run id (22 base64url characters, like a real one). */
export function benchRunId(n: number): string {
  return `bench${String(n).padStart(17, '0')}`;
}
