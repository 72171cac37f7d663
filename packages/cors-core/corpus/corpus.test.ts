// The scenario corpus (issue 3, "Evidence required"): every file is valid against the scenario schema,
// ids are unique across the whole corpus, every scenario says where its rule comes from and what
// Chromium does, and the corpus covers every rule family with about as many failing as passing cases.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssue, validateScenarioText, type Scenario } from '../src/index';

const corpusDir = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(corpusDir)
  .filter((name) => name.endsWith('.json'))
  .sort();

function load(name: string): Scenario[] {
  const result = validateScenarioText(readFileSync(join(corpusDir, name), 'utf8'));
  if (!result.ok) throw new Error(`${name}: ${result.errors.map(formatIssue).join('; ')}`);
  return result.scenarios;
}

const corpus = files.map((name) => ({ name, scenarios: load(name) }));
const all = corpus.flatMap(({ scenarios }) => scenarios);
const isFailing = (scenario: Scenario) => scenario.expect?.outcome === 'network-error' || scenario.expect?.outcome === 'throws-before-send';

describe('scenario corpus', () => {
  it.each(files)('%s is a valid scenario file (an array, schema-valid, ids unique within it)', (name) => {
    const text = readFileSync(join(corpusDir, name), 'utf8');
    expect(Array.isArray(JSON.parse(text))).toBe(true);
    const result = validateScenarioText(text);
    expect(result.ok ? [] : result.errors.map(formatIssue)).toEqual([]);
  });

  it('holds at least 160 scenarios in one file per rule family (NN-family.json, or cookies-*.json for the cookie families)', () => {
    expect(all.length).toBeGreaterThanOrEqual(160);
    for (const name of files) expect(name).toMatch(/^(\d\d-[a-z0-9-]+|cookies-[a-z0-9-]+)\.json$/);
  });

  it('has ids unique across every file', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { name, scenarios } of corpus) {
      for (const { id } of scenarios) {
        const earlier = seen.get(id);
        if (earlier) duplicates.push(`${id} (${earlier} and ${name})`);
        seen.set(id, name);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it.each(corpus.map(({ name, scenarios }) => [name, scenarios] as const))(
    '%s: every scenario has a title, a source, its family tag and the core expect fields',
    (name, scenarios) => {
      const family = name.replace(/^\d\d-/, '').replace(/\.json$/, '');
      for (const scenario of scenarios) {
        const where = `${name} ${scenario.id}`;
        expect(scenario.title, where).toBeTruthy();
        expect(scenario.source, where).toMatch(/^https:\/\//);
        expect(scenario.tags, where).toContain(family);
        const expected = scenario.expect;
        expect(expected, where).toBeDefined();
        for (const field of ['outcome', 'status', 'preflight', 'actualSent'] as const) {
          expect(expected?.[field], `${where}: expect.${field}`).not.toBeUndefined();
        }
        if (scenario.repeat > 1) expect(expected?.runs, `${where}: expect.runs`).toHaveLength(scenario.repeat);
      }
    },
  );

  it('uses placeholders, never literal localhost ports', () => {
    const literal = all.filter((scenario) => /localhost:\d|127\.0\.0\.1/.test(JSON.stringify(scenario)));
    expect(literal.map((scenario) => scenario.id)).toEqual([]);
  });

  it('states status 0 whenever script cannot see a status (opaque, network error, throw)', () => {
    const wrong = all.filter((scenario) => scenario.expect?.outcome !== 'ok' && scenario.expect?.status !== 0);
    expect(wrong.map((scenario) => scenario.id)).toEqual([]);
  });

  it('gives every network error caused by a CORS check its console text (or says there is none)', () => {
    const missing = all.filter((scenario) => scenario.expect?.outcome === 'network-error' && !('console' in (scenario.expect ?? {})));
    // Only errors that are not CORS failures (redirect mode "error", too many redirects) print no CORS text.
    expect(missing.map((scenario) => scenario.id).sort()).toEqual(['redirect-loop-too-many', 'redirect-mode-error']);
  });

  it('is about half failing (network error or throw before send): between 40% and 60%', () => {
    const failing = all.filter(isFailing).length;
    expect(failing / all.length).toBeGreaterThanOrEqual(0.4);
    expect(failing / all.length).toBeLessThanOrEqual(0.6);
  });

  it('has passing and failing cases in every family where both can happen', () => {
    const oneSided = corpus
      .filter(({ name }) => !/exposure|throws-before-send/.test(name))
      .filter(({ scenarios }) => scenarios.every(isFailing) || !scenarios.some(isFailing))
      .map(({ name }) => name);
    expect(oneSided).toEqual([]);
  });
});
