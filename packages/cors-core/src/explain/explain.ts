// explain(): a scenario in, the chosen browser's prediction and the steps that lead to it out.
import { browserProfile, type BrowserProfile } from '../browsers/index';
import { consoleMessagesFor, type ConsoleMessages } from '../console/index';
import { FETCH_SPEC, type Decision } from '../fetch/decision';
import { ownOriginsOf, predictedHeaderMap, simulateRun, type RunSimulation } from '../fetch/run';
import { memoizeByString } from '../speed/memo';
import { PreflightCache } from '../fetch/preflight-cache';
import { DEFAULT_ORIGINS, type Origins } from '../scenario/placeholders';
import { resolveScenarioShared } from '../speed/resolve-shared';
import type { Engine, Scenario } from '../scenario/schema';
import { sentenceFor } from './sentences';
import type { ExplainedRequest, Explanation, ExplanationStep, PredictionRun } from './types';
import { verdictSentence } from './verdict';
import { CookieJar, type StoredCookie } from '../cookies/jar';
import { storeStartingCookie, type ScenarioCookies } from '../cookies/fetch-cookies';
import type { ThirdPartyCookies } from '../cookies/profile';
import { parseUrl } from '../fetch/urls';

export interface ExplainOptions {
  browser?: Engine;
  origins?: Origins;
  /** The third-party cookie setting; default: the engine's as the verifier launches it ('allowed'). */
  thirdPartyCookies?: ThirdPartyCookies;
  /** ms since the epoch the first run starts at (cookie expiry); default: now. */
  nowMs?: number;
}

/** The link of a spec anchor. Remembered per anchor: every step that cites it shares one string. */
const specLink = memoizeByString((anchor) => (anchor.startsWith('#') ? `${FETCH_SPEC}${anchor}` : anchor));

function predictionRun(run: RunSimulation, messages: ConsoleMessages, profile: BrowserProfile): PredictionRun {
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
  // `cookie` is always listed, so that "no cookie was sent" is a prediction too.
  const receivedHeaders: Record<string, string | null> = { origin: actualMap.origin ?? null, cookie: actualMap.cookie ?? null };
  for (const name of Object.keys(actualMap)) receivedHeaders[name] = actualMap[name] as string;
  const console = profile.consoleText(messages);
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

/** One decision of the simulation, with its spec link and its sentence. */
function explanationStep(decision: Decision): ExplanationStep {
  const step: ExplanationStep = {
    run: decision.run,
    hop: decision.hop,
    algorithm: decision.algorithm,
    spec: specLink(decision.anchor),
    verdict: decision.verdict,
    text: sentenceFor(decision),
  };
  if (decision.adHoc) step.adHoc = decision.adHoc;
  return step;
}

export function explain(scenario: Scenario, options: ExplainOptions = {}): Explanation {
  const browser = options.browser ?? 'chromium';
  const origins = options.origins ?? DEFAULT_ORIGINS;
  const resolved = resolveScenarioShared(scenario, origins);
  const profile = browserProfile(browser);
  const cookies: ScenarioCookies = { jar: new CookieJar(profile.cookies, options.thirdPartyCookies), topLevelOrigin: origins.page, epochMs: options.nowMs ?? Date.now() };
  const context = { scenario: resolved, origins, ownOrigins: ownOriginsOf(origins), profile, cache: new PreflightCache(profile), clock: { now: 0 }, cookies };
  const startingSteps: ExplanationStep[] = [];
  for (const { origin, setCookie } of resolved.cookies ?? []) {
    const url = parseUrl(`${origin}/`);
    if (url) storeStartingCookie(cookies, url, setCookie, (algorithm, anchor, verdict, code, facts = {}, adHoc) => startingSteps.push(explanationStep({ run: 0, hop: 0, algorithm, anchor, verdict, code, facts, ...(adHoc ? { adHoc } : {}) })));
  }
  const simulations: RunSimulation[] = [];
  const jars: StoredCookie[][] = [];
  for (let run = 0; run < resolved.repeat; run += 1) {
    simulations.push(simulateRun(context, run));
    jars.push(cookies.jar.list(cookies.epochMs + context.clock.now));
  }
  const messages = simulations.map(consoleMessagesFor);
  const runs = simulations.map((simulation, index) => predictionRun(simulation, messages[index] as ConsoleMessages, profile));
  const first = runs[0] as PredictionRun;
  // Plain loops rather than flatMap and object spreads with added keys: in Node 20 those are an order of
  // magnitude slower, and explain() builds these objects for every step of every scenario.
  const steps: ExplanationStep[] = startingSteps;
  const requests: ExplainedRequest[] = [];
  for (const simulation of simulations) {
    for (const decision of simulation.decisions) steps.push(explanationStep(decision));
    for (const { run, hop, kind, method, url, headers, status } of simulation.requests) requests.push({ run, hop, kind, method, url, headers, status });
  }
  return {
    id: resolved.id,
    browser,
    prediction: Object.assign({}, first, { runs }),
    steps,
    console: messages[0] as ConsoleMessages,
    verdict: verdictSentence(simulations),
    requests,
    cookies: simulations.map((simulation, index) => ({
      sent: simulation.requests.filter((request) => request.kind === 'actual').map((request) => request.browserHeaders.find(([name]) => name === 'Cookie')?.[1] ?? null),
      jar: jars[index] ?? [],
    })),
  };
}
