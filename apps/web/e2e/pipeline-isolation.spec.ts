// `pnpm verify` runs many scenarios in one Chromium process, each in a new browser context. This checks
// the promise that makes it sound: the preflight cache works within a scenario (its runs share a URL)
// and never carries over to the next scenario.
import { observe, resolveScenario, ScenarioSchema } from '@cors-playground/cors-core';
import { e2eOrigins, expect, test } from '../../../scripts/e2e-fixtures';
import { startChromium } from '../verify/engines/chromium';

const scenario = ScenarioSchema.parse({
  id: 'isolation-probe',
  request: { url: '{api}/resource', method: 'PUT' },
  repeat: 2,
  server: {
    routes: {
      '/resource': {
        preflight: { status: 204, headers: [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Max-Age', '600']] },
        actual: { status: 200, headers: [['Access-Control-Allow-Origin', '*']], body: 'ok' },
      },
    },
  },
});

test("verify's Chromium worker: the preflight cache works within a scenario and never leaks to the next", async () => {
  const worker = await startChromium({ freshBrowser: false });
  try {
    const resolved = resolveScenario(scenario, e2eOrigins);
    for (let attempt = 0; attempt < 2; attempt++) {
      const { result, consoleTexts } = await worker.run(scenario, e2eOrigins);
      const observation = observe(resolved, result, consoleTexts);
      expect(observation.runs.map((run) => [run.outcome, run.preflight])).toEqual([
        ['ok', true],
        ['ok', false],
      ]);
    }
  } finally {
    await worker.close();
  }
});
