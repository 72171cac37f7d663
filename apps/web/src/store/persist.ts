// The work survives a reload: the scenario, the JSON text (even invalid) and the preferences, in
// localStorage under a versioned key. Saved state that is corrupt or from another version is reset
// with a notice that says why: never a blank page.
import { ENGINES, formatIssue, type Engine } from '@cors-playground/cors-core';
import type { AppState } from './store';
import { formatScenario, parseScenarioText } from './scenario-slice';
import type { Notice, Theme } from './ui-slice';

export const STORAGE_KEY = 'cors-playground:state';
export const STORAGE_VERSION = 1;

export type Persisted = Pick<AppState, 'scenario' | 'jsonText' | 'theme' | 'predictionEngine'>;
type Restored = Pick<AppState, 'scenario' | 'jsonText' | 'jsonIssues' | 'theme' | 'predictionEngine'>;

export interface LoadResult {
  restored?: Restored;
  notice?: Omit<Notice, 'id'>;
}

const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export function serialize(state: Persisted): string {
  return JSON.stringify({ version: STORAGE_VERSION, scenario: state.scenario, jsonText: state.jsonText, theme: state.theme, predictionEngine: state.predictionEngine });
}

function reset(reason: string, details: string[] = []): LoadResult {
  return { notice: { kind: 'warning', title: `Your saved work could not be restored (${reason}); the playground started fresh.`, lines: details } };
}

/** Reads saved state. Never throws. */
export function deserialize(text: string | null): LoadResult {
  if (text === null) return {};
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    return reset('it is not valid JSON');
  }
  if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return reset('it is not an object');
  const record = saved as Record<string, unknown>;
  if (record.version !== STORAGE_VERSION) return reset(`it was saved by version ${JSON.stringify(record.version ?? null)} of the playground, this is version ${STORAGE_VERSION}`);
  const parsed = parseScenarioText(JSON.stringify(record.scenario ?? null));
  if (!parsed.ok) return reset('the saved scenario is invalid', parsed.issues.map(formatIssue));
  const theme = THEMES.includes(record.theme as Theme) ? (record.theme as Theme) : 'system';
  // `profile` is the key saved before the field was named for what it is: still read.
  const savedEngine = record.predictionEngine ?? record.profile;
  const predictionEngine = ENGINES.includes(savedEngine as Engine) ? (savedEngine as Engine) : null;
  // The text is kept even when it does not parse: it is the user's work in progress.
  const jsonText = typeof record.jsonText === 'string' ? record.jsonText : formatScenario(parsed.scenario);
  const textParsed = parseScenarioText(jsonText);
  return {
    restored: { scenario: parsed.scenario, jsonText, jsonIssues: textParsed.ok ? [] : textParsed.issues, theme, predictionEngine },
  };
}

export function loadFrom(storage: Pick<Storage, 'getItem'> | undefined): LoadResult {
  try {
    return deserialize(storage?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return {}; // storage disabled (privacy settings): nothing to restore
  }
}

export function saveTo(storage: Pick<Storage, 'setItem'> | undefined, state: Persisted): void {
  try {
    storage?.setItem(STORAGE_KEY, serialize(state));
  } catch {
    // full or disabled storage: the session still works, it just will not survive a reload
  }
}
