// Reading a lesson file, its scenarios as plain corpus scenarios, and the fix check. Never throws,
// whatever the input: a teacher's half-written lesson gets errors naming the path and the problem.
import { compareExpect, formatDifference, type Comparable } from '../observe/compare';
import type { Difference } from '../observe/types';
import { resolveOriginPlaceholders, type Origins } from '../scenario/placeholders';
import type { Scenario } from '../scenario/schema';
import { formatPath, parseJsonText, validateScenario, type ValidationIssue } from '../scenario/validate';
import { LessonSchema, type Lesson, type LessonFixGoal } from './schema';

export type LessonValidationResult =
  | { ok: true; lesson: Lesson; warnings: ValidationIssue[] }
  | { ok: false; errors: ValidationIssue[]; warnings: ValidationIssue[] };

/** Validates one lesson object (already parsed from JSON). */
export function validateLesson(input: unknown): LessonValidationResult {
  const parsed = LessonSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })), warnings: [] };
  }
  const lesson = parsed.data;
  // The request warnings of the scenario schema (a header name the browser refuses, ...), at their paths.
  const warnings = [validateScenario(lesson.scenario, 'scenario'), validateScenario(lesson.fix.solution, 'fix.solution')].flatMap((result) => result.warnings);
  return { ok: true, lesson, warnings };
}

/** Parses and validates the text of a lesson file (one lesson per file). */
export function validateLessonText(text: string): LessonValidationResult {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, errors: [json.error], warnings: [] };
  if (Array.isArray(json.value)) return { ok: false, errors: [{ path: '', message: 'a lesson file holds one lesson (an object), not an array' }], warnings: [] };
  return validateLesson(json.value);
}

/** The id `pnpm verify` and the corpus give the lesson's scenario (`lesson-<id>`) and its fix (`lesson-<id>-fix`). */
export function lessonScenarioId(lesson: Pick<Lesson, 'id'>, part: 'scenario' | 'fix'): string {
  return part === 'scenario' ? `lesson-${lesson.id}` : `lesson-${lesson.id}-fix`;
}

/**
 * The lesson's scenario and its fix solution as plain corpus scenarios, with the ids
 * `lesson-<id>` and `lesson-<id>-fix`, so `pnpm verify` runs both in every engine.
 */
export function lessonScenarios(lesson: Lesson): [Scenario, Scenario] {
  const tags = (scenario: Scenario) => [...new Set([...(scenario.tags ?? []), 'lesson'])];
  return [
    { ...lesson.scenario, id: lessonScenarioId(lesson, 'scenario'), title: lesson.scenario.title ?? lesson.title, tags: tags(lesson.scenario) },
    { ...lesson.fix.solution, id: lessonScenarioId(lesson, 'fix'), title: lesson.fix.solution.title ?? `${lesson.title}: fixed`, tags: tags(lesson.fix.solution) },
  ];
}

/** The goal with its origin placeholders (`{page}` ...) replaced, values and header names alike. */
export function resolveGoal(goal: LessonFixGoal, origins: Origins): LessonFixGoal {
  return JSON.parse(resolveOriginPlaceholders(JSON.stringify(goal), origins)) as LessonFixGoal;
}

export interface FixGoalCheck {
  met: boolean;
  /** One line per field the run does not show: `outcome: expected "ok", got "network-error"`. */
  misses: string[];
  differences: Difference[];
}

/**
 * Whether a run (an observation from the runner or `pnpm verify`, or a prediction: every field filled)
 * meets the fix's goal: the same field-by-field comparison as the agreement badge and `pnpm verify`
 * (`compareExpect`), over the fields the goal names. Pass `origins` when the goal uses placeholders and
 * the observation real origins.
 */
export function fixGoalMet(goal: LessonFixGoal, observed: Comparable, origins?: Origins): FixGoalCheck {
  const differences = compareExpect(origins ? resolveGoal(goal, origins) : goal, observed);
  return { met: differences.length === 0, misses: differences.map(formatDifference), differences };
}
