// "Probe a real server": asks the echo server (POST /__pg/probe) to send the browser's requests to a
// server on its --probe-allow list, and offers the recorded answers as a scenario to Run.
import { validateScenario } from '@cors-playground/cors-core';
import { paths } from '@cors-playground/wire';
import type { StoreApi } from 'zustand';
import { replaceScenario } from '../store/scenario-actions';
import { appStore, type AppState } from '../store/store';
import type { ProbeState } from '../store/ui-slice';

export interface ProbeInput {
  url: string;
  method: string;
  /** "Name: value" lines. */
  headers: string;
  credentials: boolean;
}

/** Reads /__pg/config once: is probing on, and for which origins? */
export async function loadProbeSettings(store: StoreApi<AppState> = appStore): Promise<void> {
  if (store.getState().probe.allow !== null) return;
  try {
    const response = await fetch(paths.config, { cache: 'no-store' });
    const config = (await response.json()) as { probe?: { allow?: unknown } };
    const allow = Array.isArray(config.probe?.allow) ? config.probe.allow.filter((origin): origin is string => typeof origin === 'string') : [];
    store.getState().setProbe({ allow });
  } catch {
    store.getState().setProbe({ allow: [] });
  }
}

/** "Name: value" lines as pairs; a line without a colon is an error naming it. */
export function parseHeaderLines(text: string): { ok: true; headers: [string, string][] } | { ok: false; error: string } {
  const headers: [string, string][] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { ok: false, error: `header line ${index + 1} ("${line.slice(0, 40)}") is not "Name: value"` };
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { ok: true, headers };
}

export async function probeServer(input: ProbeInput, store: StoreApi<AppState> = appStore): Promise<void> {
  const { setProbe, origins, predictionEngine, browser } = store.getState();
  const headers = parseHeaderLines(input.headers);
  if (!headers.ok) {
    setProbe({ error: headers.error, result: null });
    return;
  }
  setProbe({ busy: true, error: null, result: null });
  try {
    const response = await fetch(paths.probe, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: input.url, method: input.method || 'GET', headers: headers.headers, credentials: input.credentials, origin: origins.page, browser: predictionEngine ?? browser.engine }),
    });
    const body = (await response.json()) as { error?: string } & Partial<NonNullable<ProbeState['result']>>;
    if (!response.ok) setProbe({ busy: false, error: `${response.status}: ${body.error ?? 'the probe failed'}` });
    else setProbe({ busy: false, result: { pass: body.pass === true, verdict: body.verdict ?? '', sent: body.sent ?? [], scenario: body.scenario } });
  } catch (error) {
    setProbe({ busy: false, error: `the echo server did not answer: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/** Loads the recorded answers as the scenario (with Undo), ready to Run. */
export function loadProbedScenario(store: StoreApi<AppState> = appStore): void {
  const result = store.getState().probe.result;
  const validation = result ? validateScenario(result.scenario) : null;
  if (!validation?.ok) {
    store.getState().setProbe({ error: 'the recorded answers are not a valid scenario' });
    return;
  }
  replaceScenario(validation.scenario, { kind: 'info', title: 'Loaded the probed server\'s recorded answers; it replaced the scenario you had. Press Run to see what this browser does with them.', lines: [] }, store);
}
