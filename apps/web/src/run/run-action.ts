// The Run action: a plain async function outside components (zustand "no store actions" pattern).
// It hands the scenario to the runner page on {page} in a hidden iframe (docs/DESIGN.md, "The runner"),
// waits for its answer, turns it into an observation with cors-core, and stores the facts. Predictions
// and the agreement are derived from them by selectors.
import { MAX_DELAY_MS, resolveScenario, validateScenario, type Origins, type Scenario } from '@cors-playground/cors-core';
import type { StoreApi } from 'zustand';
import { observeRun, type RunnerResult } from '../core/adapter';
import { openRunnerFrame, type RunnerFrame } from '../runner/frames';
import { RUN_SCENARIO, SCENARIO_RESULT, type ScenarioResultMessage } from '../runner/messages';
import { fetchServerConfig } from '../runner/server-config';
import { appStore, type AppState } from '../store/store';
import { visitStartingCookies } from './visit-starting-cookies';

/** A run may take: each request up to the longest server delay plus slack, a few requests per repeat. */
export function runTimeoutMs(scenario: Scenario): number {
  return 10_000 + scenario.repeat * (MAX_DELAY_MS + 5_000);
}

let runnerFrame: Promise<RunnerFrame> | undefined;
let runnerOrigin: string | undefined;

/** The hidden runner iframe on `{page}`, loaded once and reused (it is where the fetch() calls run). */
function runnerFrameOn(pageOrigin: string): Promise<RunnerFrame> {
  if (runnerFrame && runnerOrigin === pageOrigin) return runnerFrame;
  document.querySelectorAll('iframe[data-runner]').forEach((frame) => frame.remove());
  runnerOrigin = pageOrigin;
  const opening = openRunnerFrame(`${pageOrigin}/runner.html`, {
    setup: (frame) => {
      frame.dataset.runner = '';
      frame.title = 'Request runner (performs the requests)';
      frame.tabIndex = -1;
      frame.setAttribute('aria-hidden', 'true');
      frame.className = 'runner-frame';
    },
  });
  runnerFrame = opening;
  opening.catch(() => {
    if (runnerFrame === opening) runnerFrame = undefined;
  });
  return opening;
}

let nextMessageId = 1;

/** Sends one scenario to the runner and waits for its result. */
async function askRunner(scenario: Scenario, origins: Origins, key?: string): Promise<RunnerResult> {
  const frame = await runnerFrameOn(origins.page);
  const id = `run-${nextMessageId++}`;
  return new Promise<RunnerResult>((resolve, reject) => {
    const timeout = runTimeoutMs(scenario);
    const timer = setTimeout(() => finish(new Error(`the runner did not answer within ${timeout / 1000} s`)), timeout);
    function finish(error: Error | undefined, result?: RunnerResult) {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      if (error) reject(error);
      else resolve(result!);
    }
    function onMessage(event: MessageEvent) {
      if (event.source !== frame.window || event.origin !== frame.targetOrigin) return;
      const data = event.data as Partial<ScenarioResultMessage> | null;
      if (data?.type !== SCENARIO_RESULT || data.id !== id) return;
      if (data.result) finish(undefined, data.result);
      else finish(new Error(data.error?.message ?? 'the runner answered without a result'));
    }
    window.addEventListener('message', onMessage);
    frame.window.postMessage({ type: RUN_SCENARIO, id, scenario, origins, ...(key ? { key } : {}) }, frame.targetOrigin);
  });
}

let nextRunId = 1;

/** Loads the runner ahead of the first click, so the first run is as fast as the next ones. */
export function warmUpRunner(store: StoreApi<AppState> = appStore): void {
  runnerFrameOn(store.getState().origins.page).catch(() => {
    // reported when the user runs
  });
}

/** Runs the scenario being edited, for real; resolves with the run's id (none when nothing ran). Does nothing while a run is in progress. */
export async function runScenario(store: StoreApi<AppState> = appStore): Promise<number | undefined> {
  const state = store.getState();
  if (state.runs.some((run) => run.status === 'running')) return undefined;
  const validation = validateScenario(state.scenario);
  if (!validation.ok) {
    state.addNotice({ kind: 'error', title: 'The scenario has errors; fix them before running.', lines: validation.errors.map((e) => `${e.path}: ${e.message}`) });
    return undefined;
  }
  const scenario = validation.scenario;
  const origins = state.origins;
  const id = nextRunId++;
  const started = performance.now();
  // The entry keeps the store's own object, so "has the scenario changed since?" is one comparison.
  state.addRun({ id, startedAt: Date.now(), scenario: state.scenario, origins, browser: state.browser, status: 'running' });
  try {
    const key = await visitStartingCookies(scenario, origins);
    const result = await askRunner(scenario, origins, key);
    const observation = observeRun(resolveScenario(scenario, origins), result);
    store.getState().updateRun(id, { status: 'done', result, observation, durationMs: performance.now() - started });
  } catch (error) {
    store.getState().updateRun(id, { status: 'failed', error: error instanceof Error ? error.message : String(error), durationMs: performance.now() - started });
  }
  return id;
}

/** Asks the echo server which origins it serves (`/__pg/config`); keeps the guess when it cannot answer. */
export async function loadOrigins(store: StoreApi<AppState> = appStore): Promise<void> {
  try {
    const { origins, backends } = await fetchServerConfig();
    store.getState().setOrigins(origins);
    store.getState().setServerBackends(backends);
  } catch {
    // dev without the echo server: the guessed origins stay, and a run reports what fails
  }
}
