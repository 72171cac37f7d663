// The pipeline end to end, in real Chromium against the real echo server and the production build: the
// runner page performs a scenario's request for real, the server records what arrived, and the test
// checks both sides (issue 2, item 4; issue 6).
import { observe, resolveScenario, ScenarioSchema, type Observation, type ScenarioInput } from '@cors-playground/cors-core';
import type { RunRecord } from '@cors-playground/wire';
import type { Page } from '@playwright/test';
import { e2eOrigins, e2eServerUrl, expect, test } from '../../../scripts/e2e-fixtures';
import type { RunnerResult } from '../src/runner/types';

const { page: PAGE, api: API } = e2eOrigins;

interface Run {
  result: RunnerResult;
  record: RunRecord;
  /** Console messages of every frame, in order, wire prefixes as the browser printed them. */
  console: string[];
  observation: Observation;
}

/** Opens the runner top-level on {page}, runs the scenario through window.corsPlayground, reads the record from Node. */
async function runScenario(page: Page, input: ScenarioInput): Promise<Run> {
  const messages: string[] = [];
  page.on('console', (message) => messages.push(message.text()));
  await page.goto(`${PAGE}/runner.html`);
  const result = (await page.evaluate(
    ([scenario, origins]) => (window as unknown as { corsPlayground: { runScenario: (s: unknown, o: unknown) => Promise<unknown> } }).corsPlayground.runScenario(scenario, origins),
    [input, e2eOrigins] as const,
  )) as RunnerResult;
  // The record as the server holds it, read server-side with the run's key (Node cannot resolve *.localhost).
  const response = await fetch(`${e2eServerUrl}/__pg/record/${result.key}`);
  expect(response.status).toBe(200);
  const record = (await response.json()) as RunRecord;
  const scenario = resolveScenario(ScenarioSchema.parse(input), e2eOrigins);
  return { result, record, console: messages, observation: observe(scenario, result, [messages.filter((text) => !text.startsWith('Failed to load resource')).join('\n') || null]) };
}

function header(lines: [string, string][], name: string): string | undefined {
  return lines.find(([key]) => key.toLowerCase() === name)?.[1];
}

test('a cross-origin request with a custom header: the server records the preflight and the actual request', async ({ page }) => {
  const { result, record, observation } = await runScenario(page, {
    id: 'pipeline-custom-header',
    request: { url: '{api}/resource?x=1', method: 'GET', headers: [['X-Custom', 'hello']] },
    server: {
      routes: {
        '/resource': {
          preflight: { status: 204, headers: [['Access-Control-Allow-Origin', '{page}'], ['Access-Control-Allow-Headers', 'X-Custom']] },
          actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{page}'], ['Content-Type', 'text/plain']], body: 'hello back' },
        },
      },
    },
  });

  // What the server received: a preflight asking for the custom header, then the actual request with it.
  expect(record.runId).toBe(result.runId);
  expect(record.requests.map((request) => [request.kind, request.method, request.path, request.origin])).toEqual([
    ['preflight', 'OPTIONS', '/resource?x=1', API],
    ['actual', 'GET', '/resource?x=1', API],
  ]);
  const [preflight, actual] = record.requests;
  expect(header(preflight!.rawHeaders, 'origin')).toBe(PAGE);
  expect(header(preflight!.rawHeaders, 'access-control-request-method')).toBe('GET');
  expect(header(preflight!.rawHeaders, 'access-control-request-headers')).toBe('x-custom');
  expect(header(preflight!.rawHeaders, 'x-custom')).toBeUndefined();
  expect(header(actual!.rawHeaders, 'x-custom')).toBe('hello');
  expect(header(actual!.rawHeaders, 'origin')).toBe(PAGE);

  // What the page saw: the response, readable, at its logical URL.
  expect(result.runs).toHaveLength(1);
  expect(result.runs[0]!.requests).toEqual(record.requests);
  expect(result.runs[0]!.outcome).toMatchObject({ kind: 'resolved', status: 200, type: 'cors', url: `${API}/resource?x=1`, bodyExcerpt: 'hello back', error: null });
  expect(observation).toMatchObject({ preflight: true, preflightCount: 1, actualSent: true, outcome: 'ok', status: 200, console: null });
  expect(observation.readable).toMatchObject({ 'content-type': 'text/plain', 'access-control-allow-origin': null });
});

test('the server withholds Access-Control-Allow-Origin: the browser blocks the response and says why', async ({ page }) => {
  const { result, record, console: messages, observation } = await runScenario(page, {
    id: 'pipeline-no-acao',
    request: { url: '{api}/resource' },
    server: { routes: { '/resource': { actual: { status: 200, headers: [], body: 'secret' } } } },
  });

  // The request did reach the server and was answered 200: the browser is the one that blocks.
  expect(record.requests).toHaveLength(1);
  expect(record.requests[0]).toMatchObject({ kind: 'actual', method: 'GET', answer: { status: 200 } });
  expect(result.runs[0]!.outcome).toMatchObject({ kind: 'rejected', status: 0, bodyExcerpt: null, error: { name: 'TypeError', message: 'Failed to fetch' } });
  expect(observation).toMatchObject({ outcome: 'network-error', status: 0, actualSent: true });

  // Chromium's console message, wire prefix included as printed; the observation strips it.
  const wireUrl = `${API}/r/${result.runId}/`;
  const blocked = messages.filter((text) => text.startsWith('Access to fetch'));
  expect(blocked).toHaveLength(1);
  expect(blocked[0]).toContain(wireUrl);
  expect(observation.console).toBe(
    `Access to fetch at '${API}/resource' from origin '${PAGE}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.`,
  );
});

test('page "null": the request runs in a sandboxed frame and carries Origin: null', async ({ page }) => {
  const { record, observation } = await runScenario(page, {
    id: 'pipeline-null-origin',
    page: 'null',
    request: { url: '{api}/resource' },
    server: { routes: { '/resource': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', 'null']], body: 'ok' } } } },
  });
  expect(record.requests).toHaveLength(1);
  expect(header(record.requests[0]!.rawHeaders, 'origin')).toBe('null');
  expect(observation).toMatchObject({ outcome: 'ok', status: 200, receivedHeaders: { origin: 'null' } });
});

test('page "{api}": the request runs in a frame on {api}, same-origin, so no CORS applies', async ({ page }) => {
  const { record, result, observation } = await runScenario(page, {
    id: 'pipeline-api-page',
    page: '{api}',
    request: { url: '{api}/resource' },
    server: { routes: { '/resource': { actual: { status: 200, headers: [['X-Secret', 'visible']], body: 'same origin' } } } },
  });
  expect(record.requests).toHaveLength(1);
  // A same-origin GET carries no Origin header, and every header is readable without CORS.
  expect(header(record.requests[0]!.rawHeaders, 'origin')).toBeUndefined();
  expect(result.runs[0]!.outcome).toMatchObject({ kind: 'resolved', type: 'basic', bodyExcerpt: 'same origin' });
  expect(observation.readable['x-secret']).toBe('visible');
});

test('the SPA form: a run-scenario message to an embedded runner gets a scenario-result answer', async ({ page }) => {
  await page.goto(`${PAGE}/runner.html`);
  const answer = await page.evaluate(async (scenario) => {
    const frame = document.createElement('iframe');
    frame.src = '/runner.html';
    await new Promise<void>((resolve) => {
      window.addEventListener('message', function ready(event) {
        if (event.source === frame.contentWindow && (event.data as { type?: string }).type === 'cors-playground:runner-ready') {
          window.removeEventListener('message', ready);
          resolve();
        }
      });
      document.body.append(frame);
    });
    return new Promise<unknown>((resolve) => {
      window.addEventListener('message', (event) => {
        const data = event.data as { type?: string; id?: unknown };
        if (event.source === frame.contentWindow && data.type === 'cors-playground:scenario-result' && data.id === 7) resolve(data);
      });
      // Malformed and foreign messages are ignored: only the well-formed one gets an answer.
      frame.contentWindow!.postMessage({ type: 'cors-playground:run-scenario', id: 6 }, '*');
      frame.contentWindow!.postMessage({ type: 'cors-playground:run-scenario', id: 7, scenario }, '*');
    });
  }, { request: { url: '{api}/resource' }, server: { routes: { '/resource': { actual: { headers: [['Access-Control-Allow-Origin', '*']], body: 'via postMessage' } } } } });
  expect(answer).toMatchObject({ type: 'cors-playground:scenario-result', id: 7, result: { runs: [{ outcome: { kind: 'resolved', status: 200, bodyExcerpt: 'via postMessage' } }] } });
});

test('an invalid scenario is refused with the place and the problem named', async ({ page }) => {
  await page.goto(`${PAGE}/runner.html`);
  const error = await page.evaluate(() =>
    (window as unknown as { corsPlayground: { runScenario: (s: unknown) => Promise<unknown> } }).corsPlayground.runScenario({ request: { url: '{api}/x', mode: 'sideways' } }).then(
      () => 'ran',
      (reason: Error) => reason.message,
    ),
  );
  expect(error).toMatch(/^invalid scenario: request\.mode: /);
});
