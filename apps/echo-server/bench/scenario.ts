// The answer both bench servers send: a typical CORS actual response.
import type { Routes } from '@cors-playground/cors-core';

export const BENCH_HEADERS: [string, string][] = [
  ['Access-Control-Allow-Origin', 'http://web.bench'],
  ['Access-Control-Allow-Credentials', 'true'],
  ['Access-Control-Expose-Headers', 'X-Request-Id'],
  ['Content-Type', 'text/plain; charset=utf-8'],
  ['X-Request-Id', 'bench'],
  ['Vary', 'Origin'],
];
export const BENCH_BODY = 'hello from the bench\n';

export const BENCH_ROUTES: Routes = { '/resource': { actual: { status: 200, headers: BENCH_HEADERS, body: BENCH_BODY } } };
