// Starting cookies in the playground: the runner page cannot make a top-level visit of another site, so
// the playground does, in a small window it opens from the Run click (a popup needs that click), one
// visit per cookie, each awaited in the server's record, then closes it. The runner then uses the same key.
import { resolveScenario, type Origins, type Scenario } from '@cors-playground/cors-core';
import { newRunKey, paths, type RunRecord } from '@cors-playground/wire';
import { startingCookieVisits } from '../runner/starting-cookies';

/** How long one visit may take to reach the server. */
export const VISIT_TIMEOUT_MS = 10_000;

async function recordedCount(key: string): Promise<number> {
  const response = await fetch(paths.record(key), { cache: 'no-store' });
  if (response.status === 404) return 0;
  return ((await response.json()) as RunRecord).requests.length;
}

/** Visits the scenario's starting-cookie URLs top-level; resolves with the run key to hand the runner. */
export async function visitStartingCookies(scenario: Scenario, origins: Origins): Promise<string | undefined> {
  if (!scenario.cookies?.length) return undefined;
  const { key, runId } = await newRunKey();
  const visits = startingCookieVisits(resolveScenario(scenario, origins), runId, origins);
  const popup = window.open('about:blank', 'cors-playground-starting-cookies', 'popup,width=480,height=200');
  if (!popup) throw new Error('this scenario starts with cookies, set by visiting their origins in a small window: allow pop-ups for this page and press Run again');
  try {
    for (const [index, url] of visits.entries()) {
      popup.location.href = url;
      const deadline = Date.now() + VISIT_TIMEOUT_MS;
      while ((await recordedCount(key)) < index + 1) {
        if (Date.now() > deadline) throw new Error(`the visit that sets starting cookie ${index + 1} did not reach the server within ${VISIT_TIMEOUT_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    // The cookie is stored when the answer's headers arrive; give the window a moment to take them.
    await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    popup.close();
  }
  return key;
}
