// Fix suggestions are checked by cors-core itself: every suggested fix, applied, passes. And the safety
// lens flags scenarios that pass for the wrong reasons.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose/diagnose';
import { messagePatterns } from '../diagnose/patterns';
import { explain } from '../explain/explain';
import { ScenarioSchema, type Engine, type Scenario } from '../scenario/schema';
import { safetyReview } from './safety';
import { suggestFixes } from './suggest';

const corpusDir = join(import.meta.dirname, '..', '..', 'corpus');
const corpus: Scenario[] = readdirSync(corpusDir)
  .filter((name) => name.endsWith('.json'))
  .flatMap((name) => {
    const data = JSON.parse(readFileSync(join(corpusDir, name), 'utf8')) as unknown;
    return (Array.isArray(data) ? data : [data]).map((one) => ScenarioSchema.parse(one));
  });
const failingCorpus = corpus.filter((scenario) => explain(scenario).prediction.outcome === 'network-error');

/** The scenario of every cause of every rule diagnose knows. */
const causeScenarios: Scenario[] = messagePatterns()
  .filter((pattern) => pattern.engine === 'chromium')
  .flatMap((pattern) => diagnose(pattern.template.replace(/<url>/g, 'https://api.example.com/x').replace(/<origin>/g, 'https://app.example.com').replace(/<value>/g, 'x-a').replace(/<api>/g, 'fetch')).matches.flatMap((match) => match.causes.map((cause) => cause.scenario)));

const passesEveryRun = (scenario: Scenario, browser: Engine) => explain(scenario, { browser }).prediction.runs.every((run) => run.outcome === 'ok' || run.outcome === 'opaque');

describe('suggestFixes', () => {
  it('every cause of a CORS error diagnose offers has a fix', () => {
    const failing = causeScenarios.filter((scenario) => explain(scenario).console.devtoolsIssue?.startsWith('CorsIssue: ') && !/Redirect location|same-origin|protocol schemes/.test(explain(scenario).console.chromium ?? ''));
    expect(failing.length).toBeGreaterThan(20);
    for (const scenario of failing) expect(suggestFixes(scenario).length, scenario.id).toBeGreaterThan(0);
  });

  it('authentication before CORS: answer OPTIONS with 204 and allow the header; the exact fix ranks first', () => {
    const cause = diagnose("Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.").matches[0]?.causes[0];
    expect(cause?.id).toBe('auth-middleware-rejects-preflight');
    const [first, second] = suggestFixes(cause!.scenario);
    expect(first?.safety).toBe('exact');
    expect(first?.changes.map((change) => change.text)).toEqual([
      'add `Access-Control-Allow-Origin: {page}` (also to error answers: nginx `add_header ... always`)',
      'answer the preflight with 204 instead of 401 (before authentication and routing run)',
      'allow the request header `authorization`: `Access-Control-Allow-Headers: authorization`',
    ]);
    // `*` does not cover Authorization: the permissive fix names it too.
    expect(second?.scenario.server.routes['/resource']?.preflight?.headers).toContainEqual(['Access-Control-Allow-Headers', 'authorization']);
  });

  it('`*` with credentials: the only fix names the origin, with credentials allowed and Vary: Origin', () => {
    const cause = diagnose("The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.").matches[0]?.causes[0];
    const fixes = suggestFixes(cause!.scenario);
    expect(fixes).toHaveLength(1);
    expect(fixes[0]?.scenario.server.routes['/resource']?.actual?.headers).toEqual([['Access-Control-Allow-Credentials', 'true'], ['Access-Control-Allow-Origin', '{page}'], ['Vary', 'Origin']]);
  });

  it('each fix carries the safety lens on the fixed scenario, and no `expect` of the failing one', () => {
    const withStar = corpus.find((scenario) => scenario.request.credentials === 'include' && explain(scenario).console.devtoolsIssue === 'CorsIssue: WildcardOriginNotAllowed' && scenario.expect) as Scenario;
    const [exact] = suggestFixes(withStar);
    expect(exact?.risks).toEqual([]);
    expect(exact?.scenario.expect).toBeUndefined();
    expect(exact?.scenario.expectBy).toBeUndefined();
    // A fix that leaves a reflected origin with credentials in place is flagged.
    const reflected = ScenarioSchema.parse({ request: { url: '{api}/me', credentials: 'include' }, server: { routes: { '/me': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{request.origin}']], body: '{}' } } } } });
    const [fix] = suggestFixes(reflected);
    expect(fix?.changes.map((change) => change.text)).toEqual(['add `Access-Control-Allow-Credentials: true`']);
    expect(fix?.risks.map((risk) => risk.id)).toContain('reflects-any-origin-with-credentials');
  });

  it('a passing scenario needs no fix', () => {
    const passing = corpus.find((scenario) => explain(scenario).prediction.outcome === 'ok') as Scenario;
    expect(suggestFixes(passing)).toEqual([]);
  });

  it('property: every suggested fix, applied, makes the prediction pass (corpus and diagnose causes, three engines)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...failingCorpus, ...causeScenarios), fc.constantFrom<Engine>('chromium', 'firefox', 'webkit'), (scenario, browser) => {
        for (const fix of suggestFixes(scenario, { browser })) {
          expect(passesEveryRun(fix.scenario, browser)).toBe(true);
          expect(fix.changes.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('safetyReview', () => {
  const base = (actual: [string, string][], extra: Partial<Scenario['request']> = {}) =>
    ScenarioSchema.parse({ request: { url: '{api}/me', credentials: 'include', ...extra }, server: { routes: { '/me': { actual: { status: 200, headers: actual, body: '{}' } } } } });

  it('reflecting any origin with credentials, without Vary: Origin', () => {
    const risks = safetyReview(base([['Access-Control-Allow-Origin', '{request.origin}'], ['Access-Control-Allow-Credentials', 'true']]));
    expect(explain(base([['Access-Control-Allow-Origin', '{request.origin}'], ['Access-Control-Allow-Credentials', 'true']])).prediction.outcome).toBe('ok');
    expect(risks.map((risk) => risk.id)).toEqual(['reflects-any-origin-with-credentials', 'reflected-without-vary']);
  });

  it('trusting null', () => {
    const scenario = ScenarioSchema.parse({ page: 'null', request: { url: '{api}/me' }, server: { routes: { '/me': { actual: { headers: [['Access-Control-Allow-Origin', 'null']] } } } } });
    expect(safetyReview(scenario).map((risk) => risk.id)).toContain('trusts-null-origin');
  });

  it('`*` on a private-network API, and exposed tokens', () => {
    const scenario = ScenarioSchema.parse({ request: { url: 'http://10.0.0.5/admin' }, server: { routes: { '/admin': { actual: { headers: [['Access-Control-Allow-Origin', '*'], ['Access-Control-Expose-Headers', 'X-Auth-Token']] } } } } });
    expect(safetyReview(scenario).map((risk) => risk.id)).toEqual(['wildcard-on-private-network', 'exposes-secret-headers']);
  });

  it('an exact origin with credentials and Vary is not flagged; the exact fix of a failing scenario is safe', () => {
    expect(safetyReview(base([['Access-Control-Allow-Origin', '{page}'], ['Access-Control-Allow-Credentials', 'true'], ['Vary', 'Origin']]))).toEqual([]);
    for (const scenario of causeScenarios) {
      const exact = suggestFixes(scenario).find((fix) => fix.safety === 'exact');
      if (exact) expect(safetyReview(exact.scenario), exact.scenario.id).toEqual([]);
    }
  });
});
