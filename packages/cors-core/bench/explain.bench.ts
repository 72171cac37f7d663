// Scenarios explained per second on one core, over the corpus (or a built-in set when it is missing),
// with baselines measured in the same process, so that the ratios stay meaningful on a busy machine:
//  - validateScenario() of the same scenarios: the cheapest thing every consumer already does;
//  - JSON.parse + validateScenario() of each scenario's text: what loading a scenario costs.
// Rates are given twice: per second of CPU time of this process (process.cpuUsage(), which other
// processes on the machine do not inflate: the figure to compare with the target) and per second of
// wall-clock time (what a user waits, which a loaded machine inflates). Each figure is the median of
// ROUNDS rounds, explain and baselines interleaved. Then the heap: used before and after explaining the
// corpus 100 times, and after a garbage collection (what explain() keeps).
// Run: pnpm --filter @cors-playground/cors-core bench
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { explain } from '../src/explain/explain';
import { validateScenario, validateScenarioText } from '../src/scenario/validate';
import type { Scenario } from '../src/scenario/schema';

const corpusDir = join(import.meta.dirname, '..', 'corpus');
const TARGET_PER_SECOND = 50_000;
const ROUNDS = 5;
const ROUND_MS = 1000;
const HEAP_REPEATS = 100;

interface Corpus {
  scenarios: Scenario[];
  raw: unknown[];
  texts: string[];
  source: string;
}

function loadCorpus(): Corpus {
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
    if (scenarios.length > 0) return { scenarios, raw, texts: raw.map((item) => JSON.stringify(item)), source: `corpus (${files.length} files)` };
  }
  const raw: unknown[] = [
    { id: 'simple', request: { url: '{api}/r' }, server: { routes: { '/r': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '*']] } } } } },
    { id: 'preflight', repeat: 2, request: { url: '{api}/r', method: 'PUT', headers: [['X-A', '1']] }, server: { routes: { '/r': { preflight: { status: 204, headers: [['Access-Control-Allow-Origin', '{page}'], ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', 'x-a']] }, actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{page}']] } } } } },
    { id: 'redirect', request: { url: '{api}/a' }, server: { routes: { '/a': { actual: { status: 302, headers: [['Access-Control-Allow-Origin', '*'], ['Location', '{other}/b']] } }, '{other}/b': { actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{page}']] } } } } },
  ];
  const scenarios = raw.map((item) => {
    const result = validateScenario(item);
    if (!result.ok) throw new Error('built-in scenario invalid');
    return result.scenario;
  });
  return { scenarios, raw, texts: raw.map((item) => JSON.stringify(item)), source: 'built-in set' };
}

interface Rates {
  /** Items per second of this process's CPU time (user + system). */
  cpu: number;
  /** Items per second of wall-clock time. */
  wall: number;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Runs `work` over the items until `ms` of CPU time have passed; returns items per second. */
function measure<T>(items: readonly T[], work: (item: T) => unknown, ms: number): Rates {
  let count = 0;
  let sink = 0;
  const wallStart = performance.now();
  const cpuStart = cpuMs();
  let cpuElapsed = 0;
  while (cpuElapsed < ms) {
    for (const item of items) if (work(item)) sink += 1;
    count += items.length;
    cpuElapsed = cpuMs() - cpuStart;
  }
  const wallElapsed = performance.now() - wallStart;
  if (sink < 0) console.log(sink);
  return { cpu: (count / cpuElapsed) * 1000, wall: (count / wallElapsed) * 1000 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The garbage collector, exposed at run time (tsx does not pass --expose-gc through). */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const load = () => loadavg().map((value) => value.toFixed(2)).join(', ');

const { scenarios, raw, texts, source } = loadCorpus();
const loadBefore = load();
const work = {
  explain: (s: Scenario) => explain(s),
  validate: (item: unknown) => validateScenario(item).ok,
  parseAndValidate: (text: string) => validateScenario(JSON.parse(text)).ok,
};
// Warm-up (JIT), then interleaved rounds.
measure(scenarios, work.explain, 1000);
measure(raw, work.validate, 300);
measure(texts, work.parseAndValidate, 300);
const rounds: { explain: Rates; validate: Rates; parseAndValidate: Rates }[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  rounds.push({
    explain: measure(scenarios, work.explain, ROUND_MS),
    validate: measure(raw, work.validate, ROUND_MS / 2),
    parseAndValidate: measure(texts, work.parseAndValidate, ROUND_MS / 2),
  });
}
const med = (pick: (round: (typeof rounds)[number]) => number) => median(rounds.map(pick));
const explainCpu = med((r) => r.explain.cpu);
const validateCpu = med((r) => r.validate.cpu);
const parseCpu = med((r) => r.parseAndValidate.cpu);
const explainWall = med((r) => r.explain.wall);

const gc = collectGarbage();
gc();
const heapBefore = process.memoryUsage().heapUsed;
let steps = 0;
for (let repeat = 0; repeat < HEAP_REPEATS; repeat += 1) for (const s of scenarios) steps += explain(s).steps.length;
const heapAfter = process.memoryUsage().heapUsed;
gc();
const heapAfterGc = process.memoryUsage().heapUsed;

console.log(`explain bench over ${scenarios.length} scenarios from the ${source}, one core (single thread), median of ${ROUNDS} rounds`);
console.log(`  load average (1, 5, 15 min): ${loadBefore} at the start, ${load()} at the end`);
console.log(`  explain():                        ${fmt(explainCpu).padStart(8)} scenarios per CPU-second (wall clock: ${fmt(explainWall)}/s)`);
console.log(`  validateScenario():               ${fmt(validateCpu).padStart(8)} scenarios per CPU-second (baseline, same process)`);
console.log(`  JSON.parse + validateScenario():  ${fmt(parseCpu).padStart(8)} scenarios per CPU-second (baseline, same process)`);
console.log(`  ratio explain/validate: ${(explainCpu / validateCpu).toFixed(2)}; explain/(parse + validate): ${(explainCpu / parseCpu).toFixed(2)}`);
console.log(`  per round, explain per CPU-second: ${rounds.map((r) => fmt(r.explain.cpu)).join(', ')}`);
console.log(`  heap used: ${mb(heapBefore)} before explaining the corpus ${HEAP_REPEATS} times (${fmt(HEAP_REPEATS * scenarios.length)} explanations, ${fmt(steps)} steps), ${mb(heapAfter)} after (garbage included: depends on when the GC last ran), ${mb(heapAfterGc)} after a GC (kept: ${mb(heapAfterGc - heapBefore)})`);
console.log(`  target ${fmt(TARGET_PER_SECOND)}/s on one core: ${explainCpu >= TARGET_PER_SECOND ? 'met' : 'NOT met'} (${fmt(explainCpu)} per CPU-second)`);
