// The scenario being edited. The form edits `scenario`; the JSON editor edits `jsonText`. They stay in
// sync both ways, except that text which does not parse or validate is never overwritten: it is kept,
// with its problems in `jsonIssues`, until it is fixed or the user asks to replace it with the form.
import { parseJsonText, validateScenario, type Scenario, type ValidationIssue } from '@cors-playground/cors-core';
import type { StateCreator } from 'zustand';
import { PRESETS } from '../presets/presets';
import { staleExpectFields, withoutExpect } from './expect-check';
import type { AppState } from './store';

/** What a load replaced, so that it can be undone. */
export interface Replaced {
  scenario: Scenario;
  jsonText: string;
}

export interface ScenarioSlice {
  scenario: Scenario;
  jsonText: string;
  /** Problems of `jsonText`. Empty when the text is exactly the scenario. */
  jsonIssues: ValidationIssue[];
  /** The scenario the last load replaced (Undo puts it back); null once undone or after a reload. */
  replaced: Replaced | null;
  /** A form edit removed the scenario's `expect`, which no longer matched it. */
  expectDropped: boolean;
  /** Replaces the whole scenario (preset, import, share link): the JSON text follows. */
  loadScenario: (scenario: Scenario) => void;
  /** Puts back the scenario the last load replaced. */
  undoLoad: () => void;
  /**
   * A form edit. An `expect` the edited scenario no longer meets (it described the preset, not this
   * request) is removed, and `expectDropped` says so.
   */
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
    replaced: null,
    expectDropped: false,
    loadScenario: (next) =>
      set((state) => ({ scenario: next, jsonText: formatScenario(next), jsonIssues: [], expectDropped: false, replaced: { scenario: state.scenario, jsonText: state.jsonText } })),
    undoLoad: () =>
      set((state) => {
        if (!state.replaced) return {};
        const { scenario: previous, jsonText } = state.replaced;
        const parsed = parseScenarioText(jsonText);
        return { scenario: previous, jsonText, jsonIssues: parsed.ok ? [] : parsed.issues, replaced: null, expectDropped: false };
      }),
    editScenario: (edit) =>
      set((state) => {
        let next = edit(state.scenario);
        const stale = next.expect || next.expectBy ? staleExpectFields(next, state.origins).length > 0 : false;
        if (stale) next = withoutExpect(next);
        const dropped = stale || state.expectDropped;
        return state.jsonIssues.length ? { scenario: next, expectDropped: dropped } : { scenario: next, jsonText: formatScenario(next), expectDropped: dropped };
      }),
    setJsonText: (text) => {
      const parsed = parseScenarioText(text);
      set(parsed.ok ? { jsonText: text, scenario: parsed.scenario, jsonIssues: [] } : { jsonText: text, jsonIssues: parsed.issues });
    },
    resetJsonToForm: () => set((state) => ({ jsonText: formatScenario(state.scenario), jsonIssues: [] })),
  };
};
