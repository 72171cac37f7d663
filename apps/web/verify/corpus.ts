// Loads scenario files (one scenario or an array per file) and lesson files (packages/cors-core/lessons:
// each gives its scenario and its fix, lesson-<id> and lesson-<id>-fix) and validates them with the core's schemas.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatIssue, isRealBackendFramework, lessonScenarios, parseJsonText, validateLessonText, validateScenarioText, type FileValidationResult, type Scenario } from '@cors-playground/cors-core';

export interface LoadedScenario {
  scenario: Scenario;
  /** The file it came from, relative to the repository root. */
  file: string;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

/** The corpus (packages/cors-core/corpus) and the workshop's lessons (packages/cors-core/lessons). */
export function defaultCorpusFiles(root: string): string[] {
  return [...jsonFiles(join(root, 'packages/cors-core/corpus')), ...jsonFiles(join(root, 'packages/cors-core/lessons'))];
}

/** A lesson file is one object with `questions` and `fix`; anything else is read as a scenario file. */
function isLessonText(text: string): boolean {
  const json = parseJsonText(text);
  return json.ok && typeof json.value === 'object' && json.value !== null && !Array.isArray(json.value) && 'questions' in json.value && 'fix' in json.value;
}

/** The scenarios of a scenario file, or of a lesson file (its scenario and its fix solution). */
export function validateFileText(text: string): FileValidationResult {
  if (!isLessonText(text)) return validateScenarioText(text);
  const lesson = validateLessonText(text);
  return lesson.ok ? { ok: true, scenarios: lessonScenarios(lesson.lesson), warnings: lesson.warnings } : lesson;
}

/** Every scenario of the files, in order; throws an Error listing every invalid place. */
export function loadScenarios(files: readonly string[], root: string): LoadedScenario[] {
  const loaded: LoadedScenario[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const path of files) {
    const file = relative(root, path) || path;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      problems.push(`${file}: cannot read (${(error as Error).message})`);
      continue;
    }
    const validation = validateFileText(text);
    if (!validation.ok) {
      problems.push(...validation.errors.map((issue) => `${file}: ${formatIssue(issue)}`));
      continue;
    }
    for (const scenario of validation.scenarios) {
      const earlier = seen.get(scenario.id);
      if (earlier) problems.push(`${file}: the id "${scenario.id}" is already used in ${earlier}`);
      seen.set(scenario.id, file);
      loaded.push({ scenario, file });
    }
  }
  if (problems.length > 0) throw new Error(`invalid scenario files:\n  ${problems.join('\n  ')}`);
  return loaded;
}

/** The scenarios whose id is listed; throws naming the ids that match nothing. */
export function selectScenarios(all: readonly LoadedScenario[], only: readonly string[] | null): LoadedScenario[] {
  if (!only) return [...all];
  const known = new Set(all.map((loaded) => loaded.scenario.id));
  const unknown = only.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new Error(`--only: no scenario with the id ${unknown.map((id) => `"${id}"`).join(', ')}`);
  const wanted = new Set(only);
  return all.filter((loaded) => wanted.has(loaded.scenario.id));
}

/**
 * `--backend real|model`: every policy scenario whose framework has a real backend (cors-core
 * REAL_BACKEND_FRAMEWORKS) is run by that backend or by the model; null leaves each as it says.
 */
export function withBackend(scenarios: readonly LoadedScenario[], backend: 'real' | 'model' | null): LoadedScenario[] {
  if (backend === null) return [...scenarios];
  return scenarios.map((loaded) => {
    const { policy, framework } = loaded.scenario.server;
    if (!policy || framework === undefined || !isRealBackendFramework(framework)) return loaded;
    return { ...loaded, scenario: { ...loaded.scenario, server: { ...loaded.scenario.server, backend } } };
  });
}
