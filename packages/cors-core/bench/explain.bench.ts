// Scenarios explained per second on one core, over the corpus (or a built-in set when it is missing),
// with a baseline measured in the same process: validating the same scenarios (validateScenario), so
// the ratio says how explain() compares to the cheapest thing every consumer already does.
// Run: pnpm --filter @cors-playground/cors-core bench
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explain } from '../src/explain/explain';
import { validateScenario, validateScenarioText } from '../src/scenario/validate';
import type { Scenario } from '../src/scenario/schema';

const corpusDir = join(import.meta.dirname, '..', 'corpus');
const TARGET_PER_SECOND = 50_000;

function loadCorpus(): { scenarios: Scenario[]; raw: unknown[]; source: string } {
  if (existsSync(corpusDir)) {
    const files = readdirSync(corpusDir).filter((name) => name.endsWith('.json'));
    const raw = files.flatMap((name) => {
      const value = JSON.parse(readFileSync(join(corpusDir, name), 'utf8')) as unknown;
      return Array.isArray(value) ? value : [value];
    });
    const scenarios = files.flatMap((name) => {
      const result = validateScenarioText(readFileSync(join(corpusDir, name), 'utf8'));
      return result.ok ? result.scenarios : [];
    });
    if (scenarios.length > 0) return { scenarios, raw, source: `corpus (${files.length} files)` };
  }
  const raw: unknown[] = [
    { id: 'simple', request: { url: '{api}/r' }, server: { routes: { '/r': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '*']] } } } } },
    { id: 'preflight', repeat: 2, request: { url: '{api}/r', method: 'PUT', headers: [['X-A', '1']] }, server: { routes: { '/r': { preflight: { status: 204, headers: [['Access-Control-Allow-Origin', '{page}'], ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', 'x-a']] }, actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{page}']] } } } } },
    { id: 'redirect', request: { url: '{api}/a' }, server: { routes: { '/a': { actual: { status: 302, headers: [['Access-Control-Allow-Origin', '*'], ['Location', '{other}/b']] } }, '{other}/b': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{page}']] } } } } },
  ];
  return { scenarios: raw.map((item) => { const r = validateScenario(item); if (!r.ok) throw new Error('built-in scenario invalid'); return r.scenario; }), raw, source: 'built-in set' };
}

/** Runs `work` over the items until `ms` have passed; returns items per second. */
function measure<T>(items: readonly T[], work: (item: T) => unknown, ms: number): number {
  let count = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (const item of items) {
      const result = work(item);
      if (result) sink += 1;
    }
    count += items.length;
    elapsed = performance.now() - start;
  }
  if (sink < 0) console.log(sink);
  return (count / elapsed) * 1000;
}

const { scenarios, raw, source } = loadCorpus();
// Warm-up (JIT), then measure.
measure(scenarios, (s) => explain(s), 500);
measure(raw, (s) => validateScenario(s), 300);
const explainRate = measure(scenarios, (s) => explain(s), 2000);
const validateRate = measure(raw, (s) => validateScenario(s), 2000);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`explain bench over ${scenarios.length} scenarios from the ${source}, one core (single thread)`);
console.log(`  explain():          ${fmt(explainRate)} scenarios/s`);
console.log(`  validateScenario(): ${fmt(validateRate)} scenarios/s (baseline, same process)`);
console.log(`  ratio explain/validate: ${(explainRate / validateRate).toFixed(2)}`);
console.log(`  target ${fmt(TARGET_PER_SECOND)}/s: ${explainRate >= TARGET_PER_SECOND ? 'met' : 'NOT met'}`);
