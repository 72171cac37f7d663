// `cors lesson check FILE...`: a teacher's lesson validated (schema, with paths) and checked with
// cors-core's prediction in Chromium, Firefox and WebKit (src/lessons/check.ts); `cors lesson schema`
// prints the JSON Schema for an editor. Exit codes: 0 sound, 1 a lesson has problems, 2 invalid input.
import { checkLesson, type LessonCheck } from '../lessons/check';
import { lessonJsonSchema } from '../lessons/schema';
import { lessonScenarioId, validateLessonText } from '../lessons/validate';
import { safetyReview } from '../fix/safety';
import { DEFAULT_ORIGINS, resolveScenario } from '../scenario/placeholders';
import { formatIssue } from '../scenario/validate';
import { UsageError } from './args';
import type { Io } from './commands';

export const LESSON_USAGE = `  cors lesson check FILE...
      Validates each lesson file (packages/cors-core/lessons/README.md) and checks it with the
      prediction in Chromium, Firefox and WebKit: both expects agree, the fix solution meets the goal,
      the lesson's scenario does not. Prints one block per file, then "N passed, N failed".
      Then run it in real browsers: pnpm verify --browser all FILE...
  cors lesson schema
      Prints the JSON Schema of a lesson file (for an editor's completion and inline errors).`;

function engineLines(check: LessonCheck): string[] {
  return check.engines.map((engine) => {
    const agrees = engine.scenarioDisagrees.length + engine.fixDisagrees.length === 0 ? 'expects agree' : 'expects DIFFER';
    const goal = engine.fixMisses.length === 0 ? 'fix meets the goal' : 'fix MISSES the goal';
    return `  ${engine.engine.padEnd(8)}  scenario ${engine.outcome.scenario.padEnd(18)} fix ${engine.outcome.fix.padEnd(18)} ${agrees}, ${goal}${engine.scenarioMeetsGoal ? ', scenario already meets it' : ''}`;
  });
}

function checkFiles(files: readonly string[], io: Io): number {
  if (files.length === 0) throw new UsageError('lesson check: name at least one lesson file');
  let passed = 0;
  let failed = 0;
  let invalid = false;
  for (const file of files) {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (error) {
      io.stderr(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
      invalid = true;
      continue;
    }
    const result = validateLessonText(text);
    for (const warning of result.warnings) io.stderr(`${file}: warning: ${formatIssue(warning)}`);
    if (!result.ok) {
      for (const issue of result.errors) io.stderr(`${file}: ${formatIssue(issue)}`);
      invalid = true;
      continue;
    }
    const { lesson } = result;
    const check = checkLesson(lesson);
    const confusions = lesson.confusions.length > 0 ? `, confusions ${lesson.confusions.join(', ')}` : '';
    io.stdout(`${file}  ${lesson.id} (${lesson.minutes} min${confusions}): ${lessonScenarioId(lesson, 'scenario')}, ${lessonScenarioId(lesson, 'fix')}`);
    io.stdout(engineLines(check).join('\n'));
    // What the reveal shows besides the result: the risks of a configuration that passes.
    for (const risk of safetyReview(resolveScenario(lesson.scenario, DEFAULT_ORIGINS))) io.stdout(`  safety (${risk.severity}) ${risk.id}: ${risk.where}`);
    if (check.problems.length === 0) {
      passed += 1;
      io.stdout('  sound');
    } else {
      failed += 1;
      io.stdout(check.problems.map((problem) => `  PROBLEM ${problem}`).join('\n'));
    }
  }
  io.stdout(`${passed} passed, ${failed} failed`);
  if (invalid) return 2;
  return failed > 0 ? 1 : 0;
}

export function lessonCommand(argv: readonly string[], io: Io): number {
  const [sub, ...rest] = argv;
  if (sub === 'check') return checkFiles(rest, io);
  if (sub === 'schema') {
    if (rest.length > 0) throw new UsageError(`lesson schema takes no arguments, got ${rest.join(' ')}`);
    io.stdout(JSON.stringify(lessonJsonSchema(), null, 2));
    return 0;
  }
  throw new UsageError(`lesson: expected "check FILE..." or "schema", got ${JSON.stringify(sub ?? '')}`);
}
