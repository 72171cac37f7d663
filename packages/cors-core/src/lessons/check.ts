// What makes a lesson sound, checked with cors-core's own prediction in every engine profile: its two
// scenarios' `expect` (merged with `expectBy`) agree with the prediction, the fix solution meets the goal
// and the lesson's scenario does not (otherwise there is nothing to fix). `pnpm cors lesson check` prints
// it; the lessons' test requires it of every lesson; `pnpm verify` then judges both scenarios in real browsers.
import { explain } from '../explain/explain';
import { compareExpect, expectFor, formatDifference } from '../observe/compare';
import { DEFAULT_ORIGINS, resolveScenario, type Origins } from '../scenario/placeholders';
import { ENGINES, type Engine, type Outcome } from '../scenario/schema';
import type { Lesson } from './schema';
import { fixGoalMet, lessonScenarios } from './validate';

export interface LessonEngineCheck {
  engine: Engine;
  /** The outcome cors-core predicts for the lesson's scenario and for the fix solution. */
  outcome: { scenario: Outcome; fix: Outcome };
  /** Fields where `expect`/`expectBy` and the prediction differ, one line each. */
  scenarioDisagrees: string[];
  fixDisagrees: string[];
  /** The goal's fields the predicted fix run misses (should be none). */
  fixMisses: string[];
  /**
   * The predicted lesson run already meets the goal. Never allowed in Chromium (the engine `expect`
   * describes); allowed in Firefox or WebKit only when the lesson's `engines` text says how they differ.
   */
  scenarioMeetsGoal: boolean;
}

export interface LessonCheck {
  engines: LessonEngineCheck[];
  /** One sentence per problem, prefixed with the engine; empty when the lesson is sound. */
  problems: string[];
}

/** The lesson checked against cors-core's prediction in Chromium, Firefox and WebKit. */
export function checkLesson(lesson: Lesson, options: { origins?: Origins; engines?: readonly Engine[] } = {}): LessonCheck {
  const origins = options.origins ?? DEFAULT_ORIGINS;
  const [scenario, fix] = lessonScenarios(lesson).map((part) => resolveScenario(part, origins)) as [typeof lesson.scenario, typeof lesson.scenario];
  const engines = (options.engines ?? ENGINES).map((engine): LessonEngineCheck => {
    const predictedScenario = explain(scenario, { browser: engine, origins }).prediction;
    const predictedFix = explain(fix, { browser: engine, origins }).prediction;
    const disagreements = (part: typeof scenario, predicted: typeof predictedScenario) => {
      const expected = expectFor(part, engine);
      return expected ? compareExpect(expected, predicted).map(formatDifference) : ['no expect'];
    };
    return {
      engine,
      outcome: { scenario: predictedScenario.outcome, fix: predictedFix.outcome },
      scenarioDisagrees: disagreements(scenario, predictedScenario),
      fixDisagrees: disagreements(fix, predictedFix),
      fixMisses: fixGoalMet(lesson.fix.goal, predictedFix, origins).misses,
      scenarioMeetsGoal: fixGoalMet(lesson.fix.goal, predictedScenario, origins).met,
    };
  });
  const problems = engines.flatMap((check) => [
    ...check.scenarioDisagrees.map((line) => `${check.engine}: scenario's expect ${line}`),
    ...check.fixDisagrees.map((line) => `${check.engine}: fix solution's expect ${line}`),
    ...check.fixMisses.map((line) => `${check.engine}: the fix solution misses the goal: ${line}`),
    ...(check.scenarioMeetsGoal && (check.engine === 'chromium' || !lesson.engines)
      ? [`${check.engine}: the lesson's scenario already meets the goal (nothing to fix)${check.engine === 'chromium' ? '' : ': say so in `engines`'}`]
      : []),
  ]);
  return { engines, problems };
}
