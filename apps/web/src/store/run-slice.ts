// Runs since the page was opened (not persisted: a run's record belongs to this session) and the
// deployment's origins. Only observed facts are stored; predictions and comparisons are derived.
import { DEFAULT_ORIGINS, type Origins, type Scenario } from '@cors-playground/cors-core';
import type { StateCreator } from 'zustand';
import type { ObservationResult, RunnerResult } from '../core/adapter';
import { detectBrowser, type DetectedBrowser } from '../engine/detect';
import type { AppState } from './store';

/** History kept in memory; older runs are dropped. */
export const MAX_HISTORY = 50;

export interface RunEntry {
  id: number;
  startedAt: number;
  /** The scenario as it was when Run was pressed. */
  scenario: Scenario;
  origins: Origins;
  browser: DetectedBrowser;
  status: 'running' | 'done' | 'failed';
  result?: RunnerResult;
  observation?: ObservationResult;
  /** Why the run could not complete (timeout, runner missing...). */
  error?: string;
  /** From the click to the result. */
  durationMs?: number;
}

export interface RunSlice {
  origins: Origins;
  originsFrom: 'server' | 'default';
  browser: DetectedBrowser;
  runs: RunEntry[];
  setOrigins: (origins: Origins) => void;
  addRun: (entry: RunEntry) => void;
  updateRun: (id: number, patch: Partial<RunEntry>) => void;
  clearHistory: () => void;
}

/** Origins before /__pg/config answers: this page is `{page}`; the others are guesses on the same port. */
export function guessOrigins(location: { protocol: string; hostname: string; port: string; origin: string } | undefined): Origins {
  if (!location || !location.hostname.endsWith('localhost')) return DEFAULT_ORIGINS;
  const port = location.port ? `:${location.port}` : '';
  return { page: location.origin, api: `${location.protocol}//api.localhost${port}`, other: `${location.protocol}//other.localhost${port}` };
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set) => ({
  origins: guessOrigins(typeof location === 'undefined' ? undefined : location),
  originsFrom: 'default',
  browser: detectBrowser(typeof navigator === 'undefined' ? '' : navigator.userAgent),
  runs: [],
  setOrigins: (origins) => set({ origins, originsFrom: 'server' }),
  addRun: (entry) => set((state) => ({ runs: [...state.runs, entry].slice(-MAX_HISTORY), selectedRunId: entry.id, selectedHop: null })),
  updateRun: (id, patch) => set((state) => ({ runs: state.runs.map((run) => (run.id === id ? { ...run, ...patch } : run)) })),
  clearHistory: () => set({ runs: [], selectedRunId: null, selectedHop: null }),
});
