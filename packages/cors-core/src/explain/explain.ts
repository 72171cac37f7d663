// explain(): a scenario in, the chosen browser's prediction and the steps that lead to it out.
import { browserProfile } from '../browsers/index';
import { consoleMessagesFor } from '../console/index';
import { FETCH_SPEC } from '../fetch/decision';
import { ownOriginsOf, predictedHeaderMap, simulateRun, type RunSimulation } from '../fetch/main-fetch';
import { PreflightCache } from '../fetch/preflight-cache';
import { DEFAULT_ORIGINS, type Origins } from '../scenario/placeholders';
import { resolveScenarioShared } from './resolve';
import type { Engine, Scenario } from '../scenario/schema';
import { sentenceFor } from './sentences';
import type { Explanation, ExplanationStep, PredictionRun } from './types';
import { verdictSentence } from './verdict';

export interface ExplainOptions {
  browser?: Engine;
  origins?: Origins;
}

function specLink(anchor: string): string {
  return anchor.startsWith('#') ? `${FETCH_SPEC}${anchor}` : anchor;
}

function predictionRun(run: RunSimulation, browser: Engine): PredictionRun {
  const firstPreflight = run.requests.find((request) => request.kind === 'preflight');
  const firstActual = run.requests.find((request) => request.kind === 'actual');
  const preflightMap = predictedHeaderMap(firstPreflight);
  const preflightHeaders: Record<string, string | null> = {
    origin: preflightMap.origin ?? null,
    'access-control-request-method': preflightMap['access-control-request-method'] ?? null,
    'access-control-request-headers': preflightMap['access-control-request-headers'] ?? null,
    ...preflightMap,
  };
  const actualMap = predictedHeaderMap(firstActual);
  const receivedHeaders: Record<string, string | null> = { origin: actualMap.origin ?? null };
  for (const [name, value] of Object.entries(actualMap)) receivedHeaders[name] = value;
  const messages = consoleMessagesFor(run);
  const console = browser === 'chromium' ? messages.chromium : browser === 'firefox' ? (messages.firefox?.text ?? null) : messages.webkit;
  const preflightCount = run.requests.filter((request) => request.kind === 'preflight').length;
  return {
    preflight: preflightCount > 0,
    preflightHeaders,
    preflightCount,
    actualSent: firstActual !== undefined,
    receivedHeaders,
    outcome: run.outcome,
    status: run.status,
    readable: run.readable,
    console,
  };
}

export function explain(scenario: Scenario, options: ExplainOptions = {}): Explanation {
  const browser = options.browser ?? 'chromium';
  const origins = options.origins ?? DEFAULT_ORIGINS;
  const resolved = resolveScenarioShared(scenario, origins);
  const profile = browserProfile(browser);
  const context = { scenario: resolved, origins, ownOrigins: ownOriginsOf(origins), profile, cache: new PreflightCache(profile), clock: { now: 0 } };
  const simulations: RunSimulation[] = [];
  for (let run = 0; run < resolved.repeat; run += 1) simulations.push(simulateRun(context, run));
  const runs = simulations.map((simulation) => predictionRun(simulation, browser));
  const first = runs[0] as PredictionRun;
  const steps: ExplanationStep[] = simulations.flatMap((simulation) =>
    simulation.decisions.map((decision) => ({
      run: decision.run,
      hop: decision.hop,
      algorithm: decision.algorithm,
      spec: specLink(decision.anchor),
      verdict: decision.verdict,
      text: sentenceFor(decision),
      ...(decision.adHoc ? { adHoc: decision.adHoc } : {}),
    })),
  );
  const requests = simulations.flatMap((simulation) =>
    simulation.requests.map(({ run, hop, kind, method, url, headers, status }) => ({ run, hop, kind, method, url, headers, status })),
  );
  return {
    id: resolved.id,
    browser,
    prediction: { ...first, runs },
    steps,
    console: consoleMessagesFor(simulations[0] as RunSimulation),
    verdict: verdictSentence(simulations),
    requests,
  };
}
