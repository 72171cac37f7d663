// `pnpm verify`: every scenario run for real in Chromium, Firefox and/or WebKit, through the real echo
// server and runner page, its observation compared with cors-core's prediction and with its `expect`.
// Prints one line per scenario and `N passed, N failed`; exits 1 on any disagreement.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expectFor, observe, resolveScenario, type Engine, type Origins } from '@cors-playground/cors-core';
import { parseArgs, USAGE } from './args';
import { defaultCorpusFiles, loadScenarios, selectScenarios, withBackend, type LoadedScenario } from './corpus';
import { checkBuilt, startEchoServer, type RunningServer } from './echo-server';
import { startChromium } from './engines/chromium';
import { startFirefox } from './engines/firefox';
import { RUNNER_MISSING, type EngineDriver, type EngineRun, type EngineWorker } from './engines/types';
import { startWebKit } from './engines/webkit';
import { loadKnownDifferences, recordKnownDifferences, writeKnownDifferences } from './known-differences';
import { runPool } from './pool';
import { findExplain } from './prediction';
import { SHORT_LIFETIME_SECONDS, shortCacheReuse, tooSlowToJudge } from './timing';
import { agreementCounts, rateText, renderReport, type EngineSummary } from './report';
import { BASELINE_ROUND_TRIPS, baselineText, type Baseline } from './baseline';
import { findDifferences, staleKnownDifferences, verdictLine, type KnownDifference, type ScenarioVerdict } from './verdict';

const ROOT = resolve(import.meta.dirname, '../../..');
/** A scenario that takes longer than this is reported as an error and its worker restarted. */
const SCENARIO_TIMEOUT_MS = 90_000;

function startEngine(engine: Engine, lanes: number, freshBrowser: boolean): Promise<EngineDriver> {
  if (engine === 'chromium') return startChromium({ lanes, freshBrowser });
  if (engine === 'firefox') return startFirefox({ lanes });
  return startWebKit({ lanes });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const explain = findExplain();

/** frames.ts's error when a child runner frame did not say it was ready in time. */
const CHILD_FRAME_LATE = /the runner page \S+ did not load within/;

function runOnce(worker: EngineWorker, scenario: LoadedScenario['scenario'], origins: Origins): Promise<EngineRun> {
  return withTimeout(worker.run(scenario, origins), SCENARIO_TIMEOUT_MS, 'the run');
}

async function verifyOne(loaded: LoadedScenario, worker: EngineWorker, origins: Origins, known: readonly KnownDifference[]): Promise<ScenarioVerdict> {
  const { scenario } = loaded;
  const startedAt = performance.now();
  const resolved = resolveScenario(scenario, origins);
  const expected = expectFor(resolved, worker.engine) ?? null;
  const base = { id: scenario.id, engine: worker.engine, expected, durationMs: 0 };
  let prediction = null;
  let predictionError: string | null = null;
  try {
    prediction = explain ? explain(scenario, { browser: worker.engine, origins }).prediction : null;
  } catch (error) {
    predictionError = `cors-core's explain() threw: ${(error as Error).message}`;
  }
  try {
    const { result, consoleTexts } = await runOnce(worker, scenario, origins).catch((error: Error) => {
      // runner.html without its script: the web build was being rewritten (pnpm build elsewhere); or a
      // child runner frame did not load in time (a busy machine): it was not kept. Once more.
      if (error.message.includes(RUNNER_MISSING) || CHILD_FRAME_LATE.test(error.message)) return runOnce(worker, scenario, origins);
      throw error;
    });
    const observation = observe(resolved, result, consoleTexts);
    const differences = findDifferences(scenario.id, observation, prediction, expected, known);
    const agree = predictionError === null && differences.every((difference) => difference.known);
    const tooSlow = agree || predictionError !== null ? null : tooSlowToJudge(result, worker.engine, differences);
    const predicted = prediction ?? expected;
    const timingDependent = shortCacheReuse(result, worker.engine, (run) => predicted?.runs?.[run]?.preflight) !== null;
    return { ...base, version: worker.version, prediction, observation, differences, error: predictionError, agree, tooSlow, timingDependent, requests: result.runs.flatMap((run) => run.requests), durationMs: performance.now() - startedAt };
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? String(error);
    return { ...base, version: worker.version, prediction, observation: null, differences: [], error: message, agree: false, tooSlow: null, timingDependent: false, requests: [], durationMs: performance.now() - startedAt };
  }
}

/** Empty-scenario round trips on the first lane, alone (the other lanes wait). */
async function measureBaseline(engine: Engine, worker: EngineWorker | undefined, origins: Origins): Promise<Baseline | null> {
  if (!worker) return null;
  try {
    const baseline = await worker.baseline(origins, BASELINE_ROUND_TRIPS);
    console.log(`${engine}: ${baselineText(baseline)}`);
    return baseline;
  } catch (error) {
    console.log(`${engine}: no baseline (${(error as Error).message.split('\n')[0]})`);
    return null;
  }
}

async function verifyEngine(engine: Engine, scenarios: readonly LoadedScenario[], server: RunningServer, workers: number, freshBrowser: boolean, recordKnown: boolean): Promise<EngineSummary> {
  const known = loadKnownDifferences(engine);
  const startedAt = performance.now();
  const driver = await startEngine(engine, Math.min(workers, scenarios.length), freshBrowser);
  const idWidth = Math.max(...scenarios.map((loaded) => loaded.scenario.id.length));
  console.log(`\n${engine}: ${driver.version}, ${scenarios.length} scenarios, ${driver.workers.length} lanes${explain ? '' : " (cors-core has no explain() yet: comparing with expect only)"}`);
  let verdicts: ScenarioVerdict[];
  const baselineStart = performance.now();
  const baseline = await measureBaseline(engine, driver.workers[0], server.origins);
  // The baseline's time is left out of the scenarios' time.
  const baselineWall = performance.now() - baselineStart;
  try {
    verdicts = await runPool(scenarios, driver.workers, async (loaded, worker) => {
      const verdict = await verifyOne(loaded, worker, server.origins, known);
      console.log(verdictLine(verdict, idWidth));
      // The lane may be stuck (a page that never answered): the next scenario gets a new one.
      if (verdict.error && !verdict.observation) await worker.recycle();
      return verdict;
    });
  } finally {
    await driver.close().catch(() => undefined);
  }
  const seconds = (performance.now() - startedAt - baselineWall) / 1000;
  const stale = staleKnownDifferences(verdicts, known);
  for (const entry of stale) console.log(`${entry.id}  now agrees on ${entry.field}: remove it from apps/web/verify/known-differences/${engine}.json`);
  if (recordKnown) {
    const recorded = recordKnownDifferences(known, verdicts);
    writeKnownDifferences(engine, recorded);
    console.log(`${engine}: wrote ${recorded.length} known differences to apps/web/verify/known-differences/${engine}.json`);
  }
  const { agreed: passed, throughKnown } = agreementCounts(verdicts);
  const knownNote = throughKnown > 0 ? ` (${throughKnown} only through known differences: ${verdicts.length - throughKnown} of ${verdicts.length} without)` : '';
  const summary: EngineSummary = { engine, version: driver.version, verdicts, seconds, stale, baseline };
  const tooSlow = verdicts.filter((verdict) => verdict.tooSlow).length;
  const timing = verdicts.filter((verdict) => verdict.timingDependent).map((verdict) => verdict.id);
  console.log(`${engine}: ${passed} of ${verdicts.length} agree${knownNote}${tooSlow ? `, ${tooSlow} too slow to judge` : ''} in ${seconds.toFixed(1)} s (${rateText(summary)})`);
  if (timing.length) console.log(`${engine}: timing-dependent (a later run reuses a preflight result that lives ${SHORT_LIFETIME_SECONDS} s or less): ${timing.join(', ')}`);
  return summary;
}

function writeOut(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`pnpm verify: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const { args } = parsed;
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const notBuilt = checkBuilt(ROOT);
  if (notBuilt) {
    console.error(`pnpm verify: ${notBuilt}`);
    return 2;
  }
  const files = args.files.length > 0 ? args.files.map((file) => resolve(process.cwd(), file)) : defaultCorpusFiles(ROOT);
  const scenarios = withBackend(selectScenarios(loadScenarios(files, ROOT), args.only), args.backend);
  const server = await startEchoServer(ROOT);
  const stop = () => void server.stop().then(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const summaries: EngineSummary[] = [];
  try {
    for (const engine of args.engines) summaries.push(await verifyEngine(engine, scenarios, server, args.workers, args.freshBrowser, args.recordKnown));
  } finally {
    await server.stop();
  }
  const all = summaries.flatMap((summary) => summary.verdicts);
  const passed = all.filter((verdict) => verdict.agree).length;
  const tooSlow = all.filter((verdict) => verdict.tooSlow).length;
  writeOut(resolve(ROOT, args.report), renderReport(summaries, new Date()));
  if (args.json) {
    const entries = all.map(({ id, engine, version, prediction, observation, agree, tooSlow, timingDependent, requests, differences, error, durationMs }) => ({ id, engine, version, prediction, observation, agree, tooSlow, timingDependent, requests, differences, error, durationMs: Math.round(durationMs) }));
    writeOut(resolve(process.cwd(), args.json), `${JSON.stringify(entries, null, 2)}\n`);
  }
  console.log(`report: ${args.report}${args.json ? `, json: ${args.json}` : ''}`);
  // A scenario too slow to judge is neither: it is counted apart and does not fail the run.
  if (tooSlow) console.log(`${tooSlow} too slow to judge (a run started after the preflight result it should reuse had expired: the machine was too busy)`);
  console.log(`${passed} passed, ${all.length - passed - tooSlow} failed`);
  return passed + tooSlow === all.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`pnpm verify: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
