import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../explain/explain';
import { ScenarioSchema, type Scenario } from '../scenario/schema';
import { suggestPolicyFixes } from './suggest-policy';

const corpus = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'corpus', '19-frameworks.json'), 'utf8')) as unknown[]).map((one) => ScenarioSchema.parse(one));
const byId = (id: string) => corpus.find((scenario) => scenario.id === id) as Scenario;
const passes = (scenario: Scenario) => explain(scenario).prediction.runs.every((run) => run.outcome === 'ok');

describe('suggestPolicyFixes', () => {
  it("Express cors, '*' with credentials: name the page's origin; the fixed scenario passes, as the corpus's own fix does", () => {
    const [fix, ...rest] = suggestPolicyFixes(byId('frameworks-express-star-with-credentials'));
    expect(rest).toEqual([]);
    expect(fix).toMatchObject({ id: 'name-the-origin', title: 'Name the origin {page} instead of "*"' });
    expect(fix?.policy.allowOrigins).toEqual(['{page}']);
    expect(fix?.policy).toEqual(byId('frameworks-express-listed-with-credentials').server.policy);
  });

  it('every failing scenario of the frameworks corpus gets a fix that passes, with the same framework', () => {
    const failing = corpus.filter((scenario) => !passes(scenario));
    expect(failing.length).toBeGreaterThanOrEqual(5);
    for (const scenario of failing) {
      const fixes = suggestPolicyFixes(scenario);
      expect(fixes.length, scenario.id).toBeGreaterThan(0);
      for (const fix of fixes) expect(passes({ ...scenario, server: { ...scenario.server, policy: fix.policy } }), `${scenario.id} ${fix.id}`).toBe(true);
    }
  });

  it('a passing scenario and a raw-mode scenario need no policy fix', () => {
    expect(suggestPolicyFixes(byId('frameworks-express-listed-with-credentials'))).toEqual([]);
    const raw = ScenarioSchema.parse({ request: { url: '{api}/x' }, server: { routes: { '/x': { actual: { status: 200, headers: [] } } } } });
    expect(suggestPolicyFixes(raw)).toEqual([]);
  });

  it('an unlisted method and header are allowed by name', () => {
    const scenario = ScenarioSchema.parse({
      request: { url: '{api}/x', method: 'PUT', headers: [['X-Token', '1']] },
      server: { framework: 'express-cors', policy: { allowOrigins: ['{page}'], allowMethods: ['GET'], allowHeaders: ['X-Other'] }, routes: { '/x': { actual: { status: 200, headers: [] } } } },
    });
    const fixes = suggestPolicyFixes(scenario);
    expect(fixes.map((fix) => fix.id)).toEqual(['all-together']);
    expect(fixes[0]?.policy).toMatchObject({ allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Other', 'X-Token'] });
  });
});
