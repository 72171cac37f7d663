// Real Chromium against the real echo server: a scenario's preflight and actual request show up in the
// record with the headers Chromium sent. Independent of the web app (it only needs a page on the page
// origin: /__pg/healthz will do).
import type { Routes } from '@cors-playground/cors-core';
import { encodeRoutes, newRunKey, paths, wirePrefix, type RunRecord } from '@cors-playground/wire';
import { e2eOrigins, expect, test } from '../../../scripts/e2e-fixtures';

test('the record holds the preflight and the actual request with the headers Chromium sent', async ({ page }) => {
  const routes: Routes = {
    '/resource': {
      preflight: {
        status: 204,
        headers: [
          ['Access-Control-Allow-Origin', e2eOrigins.page],
          ['Access-Control-Allow-Methods', 'PUT'],
          ['Access-Control-Allow-Headers', 'x-test'],
        ],
      },
      actual: { status: 200, headers: [['Access-Control-Allow-Origin', e2eOrigins.page]], body: 'actual answer' },
    },
  };
  const { key, runId } = await newRunKey();
  const wireUrl = `${e2eOrigins.api}${wirePrefix({ runId, payload: encodeRoutes(routes) })}/resource?x=1`;

  await page.goto(`${e2eOrigins.page}${paths.healthz}`);
  const result = await page.evaluate(async ({ url, recordUrl }) => {
    const response = await fetch(url, { method: 'PUT', headers: { 'X-Test': 'hello' }, body: 'payload' });
    const text = await response.text();
    const record = (await (await fetch(recordUrl)).json()) as unknown;
    return { status: response.status, text, record };
  }, { url: wireUrl, recordUrl: `${e2eOrigins.api}${paths.record(key)}` });

  expect(result.status).toBe(200);
  expect(result.text).toBe('actual answer');
  const record = result.record as RunRecord;
  expect(record.runId).toBe(runId);
  expect(record.requests.map((r) => [r.kind, r.method, r.path])).toEqual([
    ['preflight', 'OPTIONS', '/resource?x=1'],
    ['actual', 'PUT', '/resource?x=1'],
  ]);
  const header = (index: number, name: string) => record.requests[index]!.rawHeaders.find(([n]) => n.toLowerCase() === name)?.[1];
  expect(header(0, 'access-control-request-method')).toBe('PUT');
  expect(header(0, 'access-control-request-headers')).toBe('x-test');
  expect(header(0, 'origin')).toBe(e2eOrigins.page);
  expect(header(0, 'sec-fetch-mode')).toBe('cors');
  expect(header(0, 'x-test')).toBeUndefined();
  expect(header(1, 'origin')).toBe(e2eOrigins.page);
  expect(header(1, 'x-test')).toBe('hello');
  expect(header(1, 'sec-fetch-mode')).toBe('cors');
  expect(record.requests[1]!.body).toBe('payload');
  expect(record.requests[0]!.answer).toEqual({ status: 204, headers: routes['/resource']!.preflight!.headers });
});

test('a lower-case method reaches the server as sent: preflight asks for "patch", the actual request is "patch"', async ({ page }) => {
  const allow: [string, string][] = [['Access-Control-Allow-Origin', e2eOrigins.page]];
  const routes: Routes = {
    '/lower': { preflight: { status: 204, headers: [...allow, ['Access-Control-Allow-Methods', 'patch']] }, actual: { status: 200, headers: allow, body: 'patched' } },
  };
  const { key, runId } = await newRunKey();
  const wireUrl = `${e2eOrigins.api}${wirePrefix({ runId, payload: encodeRoutes(routes) })}/lower`;
  await page.goto(`${e2eOrigins.page}${paths.healthz}`);
  const result = await page.evaluate(async ({ url, recordUrl }) => {
    const response = await fetch(url, { method: 'patch', body: 'x' });
    return { text: await response.text(), record: (await (await fetch(recordUrl)).json()) as unknown };
  }, { url: wireUrl, recordUrl: `${e2eOrigins.api}${paths.record(key)}` });
  expect(result.text).toBe('patched');
  const record = result.record as RunRecord;
  expect(record.requests.map((r) => [r.kind, r.method])).toEqual([['preflight', 'OPTIONS'], ['actual', 'patch']]);
  expect(record.requests[0]!.rawHeaders.find(([n]) => n.toLowerCase() === 'access-control-request-method')?.[1]).toBe('patch');
});
