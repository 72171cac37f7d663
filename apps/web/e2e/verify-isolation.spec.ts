// `pnpm verify` runs scenario after scenario in one runner page per lane (apps/web/verify/engines/lane.ts).
// These tests hold it to the guarantee a fresh profile per scenario gave: nothing a scenario did reaches
// the next one. Scenario A caches a preflight for 600 s and stores a cookie with `Path=/`, and checks
// within itself that both took (so the probe is not vacuous); scenario B, next on the same lane, asks for
// the same paths on the same origins and must see a preflight and no cookie. The lane is kept after A
// (its cookie's path is the run's own): a run id shared between scenarios, or a cookie path the echo
// server did not move under the run's prefix, fails it. Scenario C stores a `__Host-` cookie, whose
// `Path=/` must stay as written: the lane must be replaced after it, or D sees the cookie.
// Firefox and WebKit run when installed.
import { existsSync } from 'node:fs';
import { observe, resolveScenario, ScenarioSchema, type Engine } from '@cors-playground/cors-core';
import { e2eOrigins, expect, test } from '../../../scripts/e2e-fixtures';
import { startChromium } from '../verify/engines/chromium';
import { FIREFOX_PATH, startFirefox } from '../verify/engines/firefox';
import type { EngineDriver } from '../verify/engines/types';
import { startWebKit } from '../verify/engines/webkit';

// The same server in both scenarios: the same paths, answered the same way.
const server = {
  routes: {
    '/cached': {
      preflight: { status: 204, headers: [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Max-Age', '600']] },
      actual: { status: 200, headers: [['Access-Control-Allow-Origin', '*']], body: 'ok' },
    },
    '/cookie': { actual: { status: 200, headers: [['Set-Cookie', 'isolation-probe=leaked; Path=/']], body: 'ok' } },
  },
};
const cached = { url: '{api}/cached', method: 'PUT' };
const cookie = { url: '{page}/cookie', method: 'GET' };

const scenarioA = ScenarioSchema.parse({ id: 'isolation-a', request: cached, repeat: 4, runRequests: [cookie, cached, cached, cookie], server });
const scenarioB = ScenarioSchema.parse({ id: 'isolation-b', request: cached, repeat: 2, runRequests: [cached, cookie], server });

const hostServer = {
  routes: {
    '/host-cookie': { actual: { status: 200, headers: [['Set-Cookie', '__Host-isolation-probe=leaked; Path=/; Secure']], body: 'ok' } },
    '/check': { actual: { status: 200, headers: [], body: 'ok' } },
  },
};
const hostCookie = { url: '{page}/host-cookie', method: 'GET' };
const check = { url: '{page}/check', method: 'GET' };
const scenarioC = ScenarioSchema.parse({ id: 'isolation-c', request: hostCookie, repeat: 2, runRequests: [hostCookie, check], server: hostServer });
const scenarioD = ScenarioSchema.parse({ id: 'isolation-d', request: check, server: hostServer });

const engines: { engine: Engine; start: () => Promise<EngineDriver>; installed: boolean }[] = [
  { engine: 'chromium', start: () => startChromium({ lanes: 1, freshBrowser: false }), installed: true },
  { engine: 'firefox', start: () => startFirefox({ lanes: 1 }), installed: existsSync(FIREFOX_PATH) },
  { engine: 'webkit', start: () => startWebKit({ lanes: 1 }), installed: existsSync('/usr/bin/WebKitWebDriver') && existsSync('/usr/bin/xvfb-run') },
];

function cookieHeader(requests: { rawHeaders: [string, string][] }[]): string | null {
  return requests.flatMap((request) => request.rawHeaders).find(([name]) => name.toLowerCase() === 'cookie')?.[1] ?? null;
}

for (const { engine, start, installed } of engines) {
  test(`verify's ${engine} lane: a cached preflight and a cookie of one scenario never reach the next`, async () => {
    test.skip(!installed, `${engine} is not installed`);
    test.setTimeout(120_000);
    const driver = await start();
    try {
      const [lane] = driver.workers;
      const a = await lane!.run(scenarioA, e2eOrigins);
      const observedA = observe(resolveScenario(scenarioA, e2eOrigins), a.result, a.consoleTexts);
      // Within A: the preflight is cached (run 2 sends none) and the cookie is stored (run 3 sends it).
      expect(observedA.runs.map((run) => [run.outcome, run.preflight])).toEqual([['ok', false], ['ok', true], ['ok', false], ['ok', false]]);
      expect(cookieHeader(a.result.runs[3]!.requests)).toBe('isolation-probe=leaked');

      const b = await lane!.run(scenarioB, e2eOrigins);
      const observedB = observe(resolveScenario(scenarioB, e2eOrigins), b.result, b.consoleTexts);
      expect(b.result.runId).not.toBe(a.result.runId);
      expect(observedB.runs.map((run) => [run.outcome, run.preflight])).toEqual([['ok', true], ['ok', false]]);
      expect(cookieHeader(b.result.runs[1]!.requests)).toBeNull();
    } finally {
      await driver.close();
    }
  });
}

for (const { engine, start, installed } of engines) {
  test(`verify's ${engine} lane: a __Host- cookie (Path=/ kept as written) never reaches the next scenario`, async () => {
    test.skip(!installed, `${engine} is not installed`);
    test.setTimeout(120_000);
    const driver = await start();
    try {
      const [lane] = driver.workers;
      const c = await lane!.run(scenarioC, e2eOrigins);
      // WebKit stores no Secure cookie from http://web.localhost (cors-core's jar says so too).
      expect(cookieHeader(c.result.runs[1]!.requests)).toBe(engine === 'webkit' ? null : '__Host-isolation-probe=leaked');
      const d = await lane!.run(scenarioD, e2eOrigins);
      expect(cookieHeader(d.result.runs[0]!.requests)).toBeNull();
    } finally {
      await driver.close();
    }
  });
}
