import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareExpect, expectFor, formatDifference } from '../observe/compare';
import { DEFAULT_ORIGINS, resolveScenario } from '../scenario/placeholders';
import { validateScenarioText } from '../scenario/validate';
import { scenario } from '../fetch/test-helpers';
import { explain } from './explain';

const corpusDir = join(import.meta.dirname, '..', '..', 'corpus');
const corpusFiles = (() => {
  try {
    return readdirSync(corpusDir).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return [];
  }
})();

describe('explain() shape', () => {
  const explanation = explain(scenario({
    repeat: 2,
    request: { url: '{api}/r', method: 'PUT', headers: [['X-Token', '1']] },
    server: { routes: { '/r': {
      preflight: { status: 204, headers: [['Access-Control-Allow-Origin', '{page}'], ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', 'x-token']] },
      actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{page}'], ['X-Secret', 's'], ['Content-Type', 'text/plain']] },
    } } },
  }));

  it('fills every field of expect, with one complete entry per run, and the top level equals run 0', () => {
    const { runs, ...top } = explanation.prediction;
    expect(runs).toHaveLength(2);
    expect(top).toEqual(runs[0]);
    for (const run of runs) {
      expect(Object.keys(run).sort()).toEqual(['actualSent', 'console', 'outcome', 'preflight', 'preflightCount', 'preflightHeaders', 'readable', 'receivedHeaders', 'status']);
    }
    expect(runs.map((run) => run.preflightCount)).toEqual([1, 0]);
    expect(top.preflightHeaders).toMatchObject({ origin: DEFAULT_ORIGINS.page, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-token' });
    expect(top.receivedHeaders).toMatchObject({ origin: DEFAULT_ORIGINS.page, 'x-token': '1' });
    expect(top.readable).toMatchObject({ 'content-type': 'text/plain', 'x-secret': null, 'access-control-allow-origin': null });
  });

  it('gives every step a spec link, a verdict and a sentence with the values', () => {
    for (const step of explanation.steps) {
      expect(step.spec).toMatch(/^https:\/\/(fetch|xhr)\.spec\.whatwg\.org\/#/);
      expect(step.text).toMatch(/\.$/);
    }
    expect(explanation.steps.some((step) => step.text.includes('preflight cache'))).toBe(true);
    expect(explanation.requests.map((r) => `${r.run}:${r.kind}:${r.method}`)).toEqual(['0:preflight:OPTIONS', '0:actual:PUT', '1:actual:PUT']);
    expect(explanation.verdict).toBe('Allowed: script reads the response (status 200); run 2 reuses the cached preflight.');
  });

  it('explains a trailing slash in Access-Control-Allow-Origin in words', () => {
    const failing = explain(scenario({ request: { url: '{api}/r' }, server: { routes: { '/r': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{page}/']] } } } } }));
    expect(failing.verdict).toBe("Blocked: Access-Control-Allow-Origin does not match the request's origin.");
    expect(failing.steps.find((step) => step.verdict === 'fail')?.text).toBe(
      `\`Access-Control-Allow-Origin\` is \`${DEFAULT_ORIGINS.page}/\` but the request's origin is \`${DEFAULT_ORIGINS.page}\`: the trailing slash makes them differ.`,
    );
  });

  it('follows the origins of each call, even when a caller changes its own origins object in between', () => {
    const input = scenario({ request: { url: '{api}/r' }, server: { routes: { '/r': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{page}']] } } } } });
    const origins = { page: 'http://127.0.0.1:1', api: 'http://127.0.0.1:2', other: 'http://127.0.0.1:3' };
    const first = explain(input, { origins });
    origins.api = 'http://127.0.0.1:4';
    const second = explain(input, { origins });
    expect(first.requests.map((request) => request.url)).toEqual(['http://127.0.0.1:2/r']);
    expect(second.requests.map((request) => request.url)).toEqual(['http://127.0.0.1:4/r']);
    expect(explain(input)).toEqual(explain(resolveScenario(input, DEFAULT_ORIGINS)));
    expect(JSON.stringify(explain(input, { origins: { page: 'http://127.0.0.1:1', api: 'http://127.0.0.1:2', other: 'http://127.0.0.1:3' } }))).toBe(JSON.stringify(first));
  });

  it('uses the origins it is given', () => {
    const origins = { page: 'http://127.0.0.1:1', api: 'http://127.0.0.1:2', other: 'http://127.0.0.1:3' };
    const result = explain(scenario({ request: { url: '{api}/r' } }), { origins });
    expect(result.console.chromium).toBe(`Access to fetch at '${origins.api}/r' from origin '${origins.page}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.`);
  });
});

describe.runIf(corpusFiles.length > 0)('the corpus (packages/cors-core/corpus) agrees with the Chromium prediction', () => {
  const cases = corpusFiles.flatMap((file) => {
    const result = validateScenarioText(readFileSync(join(corpusDir, file), 'utf8'));
    if (!result.ok) throw new Error(`${file}: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    return result.scenarios.map((s) => [`${file} ${s.id}`, s] as const);
  });
  it.each(cases)('%s', (_name, corpusScenario) => {
    const resolved = resolveScenario(corpusScenario, DEFAULT_ORIGINS);
    const expected = expectFor(resolved, 'chromium');
    const differences = expected ? compareExpect(expected, explain(resolved).prediction) : [];
    expect(differences.map(formatDifference)).toEqual([]);
  });
});

describe('the echo server is not an open redirect (its 400 is predicted, not a redirect)', () => {
  // The echo server answers 400, without CORS headers, instead of sending a Location it cannot resolve
  // or that leaves its own origins (apps/echo-server/src/scenario-answer.ts, rewriteLocation).
  it.each([
    ['https://example.com/elsewhere', 302],
    ['data:text/plain,hi', 302],
    ['http://[broken', 302],
    ['https://example.com/elsewhere', 200],
  ])('Location %s on a %i answer: the server answers 400', (location, status) => {
    const explanation = explain(scenario({
      request: { url: '{api}/start' },
      server: { routes: { '/start': { actual: { status, headers: [['Access-Control-Allow-Origin', '*'], ['Location', location]] } } } },
    }));
    expect(explanation.requests.map((request) => request.status)).toEqual([400]);
    expect(explanation.prediction.outcome).toBe('network-error');
  });

  it('a Location on one of its own origins is a redirect', () => {
    const explanation = explain(scenario({
      request: { url: '{api}/start' },
      server: { routes: {
        '/start': { actual: { status: 302, headers: [['Access-Control-Allow-Origin', '*'], ['Location', '{other}/final']] } },
        '{other}/final': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '*']] } },
      } },
    }));
    expect(explanation.requests.map((request) => request.status)).toEqual([302, 200]);
  });
});
