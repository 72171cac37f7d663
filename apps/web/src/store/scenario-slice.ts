// The scenario being edited. The form edits `scenario`; the JSON editor edits `jsonText`. They stay in
// sync both ways, except that text which does not parse or validate is never overwritten: it is kept,
// with its problems in `jsonIssues`, until it is fixed or the user asks to replace it with the form.
import { parseJsonText, validateScenario, type Scenario, type ValidationIssue } from '@cors-playground/cors-core';
import type { StateCreator } from 'zustand';
import { PRESETS } from '../presets/presets';
import type { AppState } from './store';

export interface ScenarioSlice {
  scenario: Scenario;
  jsonText: string;
  /** Problems of `jsonText`. Empty when the text is exactly the scenario. */
  jsonIssues: ValidationIssue[];
  /** Replaces the whole scenario (preset, import, share link): the JSON text follows. */
  loadScenario: (scenario: Scenario) => void;
  /** A form edit. */
  editScenario: (edit: (scenario: Scenario) => Scenario) => void;
  /** A keystroke in the JSON editor. */
  setJsonText: (text: string) => void;
  /** Throws away invalid JSON text in favour of the form's scenario. */
  resetJsonToForm: () => void;
}

export function formatScenario(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/** Parses the editor's text as one scenario: the scenario, or the problems with their paths. */
export function parseScenarioText(text: string): { ok: true; scenario: Scenario } | { ok: false; issues: ValidationIssue[] } {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, issues: [json.error] };
  if (Array.isArray(json.value)) return { ok: false, issues: [{ path: '', message: 'the editor holds one scenario, not a list (use Import for files with several)' }] };
  const result = validateScenario(json.value);
  return result.ok ? { ok: true, scenario: result.scenario } : { ok: false, issues: result.errors };
}

export function defaultScenario(): Scenario {
  const result = validateScenario(PRESETS[0]);
  if (!result.ok) throw new Error('the first preset must be valid');
  return result.scenario;
}

export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set) => {
  const scenario = defaultScenario();
  return {
    scenario,
    jsonText: formatScenario(scenario),
    jsonIssues: [],
    loadScenario: (next) => set({ scenario: next, jsonText: formatScenario(next), jsonIssues: [] }),
    editScenario: (edit) =>
      set((state) => {
        const next = edit(state.scenario);
        return state.jsonIssues.length ? { scenario: next } : { scenario: next, jsonText: formatScenario(next) };
      }),
    setJsonText: (text) => {
      const parsed = parseScenarioText(text);
      set(parsed.ok ? { jsonText: text, scenario: parsed.scenario, jsonIssues: [] } : { jsonText: text, jsonIssues: parsed.issues });
    },
    resetJsonToForm: () => set((state) => ({ jsonText: formatScenario(state.scenario), jsonIssues: [] })),
  };
};
