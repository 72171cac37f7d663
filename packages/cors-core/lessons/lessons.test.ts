// The workshop's lessons (issue 13): every file is a valid lesson named after its id, and each lesson is
// sound in cors-core's prediction for all three engine profiles: its scenario's and its fix solution's
// `expect` (with `expectBy`) agree with the prediction, the solution meets the goal, the scenario does
// not. `pnpm verify` then runs both scenarios in real Chromium, Firefox and WebKit.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONFUSION_ROWS, DEFAULT_ORIGINS, ENGINES, checkLesson, compareExpect, expectFor, formatDifference, formatIssue, lessonScenarios, resolveScenario, safetyReview, validateLessonText, type Lesson } from '../src/index';

const lessonsDir = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(lessonsDir)
  .filter((name) => name.endsWith('.json'))
  .sort();

function load(name: string): Lesson {
  const result = validateLessonText(readFileSync(join(lessonsDir, name), 'utf8'));
  if (!result.ok) throw new Error(`${name}: ${result.errors.map(formatIssue).join('; ')}`);
  return result.lesson;
}

const lessons = files.map((name) => ({ name, lesson: load(name) }));

describe('lesson files', () => {
  it.each(files)('%s is a valid lesson without warnings', (name) => {
    const result = validateLessonText(readFileSync(join(lessonsDir, name), 'utf8'));
    expect(result.ok ? [] : result.errors.map(formatIssue)).toEqual([]);
    expect(result.warnings.map(formatIssue)).toEqual([]);
  });

  it('names each file NN-<id>.json, numbered 01, 02, ... in workshop order', () => {
    expect(lessons.map(({ name }) => name)).toEqual(lessons.map(({ lesson }, index) => `${String(index + 1).padStart(2, '0')}-${lesson.id}.json`));
  });

  it('gives every lesson a unique id and scenario ids that no corpus scenario uses', () => {
    const ids = lessons.flatMap(({ lesson }) => lessonScenarios(lesson).map((scenario) => scenario.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes origins as placeholders, never literal localhost ports', () => {
    const literal = lessons.filter(({ lesson }) => /localhost:\d|127\.0\.0\.1/.test(JSON.stringify([lesson.scenario, lesson.fix])));
    expect(literal.map(({ name }) => name)).toEqual([]);
  });
});

describe.each(lessons.map(({ name, lesson }) => [name, lesson] as const))('%s', (_name, lesson) => {
  const check = checkLesson(lesson);

  it('agrees with cors-core in Chromium, Firefox and WebKit; the fix meets the goal, the scenario does not', () => {
    expect(check.problems).toEqual([]);
  });

  it('behaves on a LAN (one IP address, three ports: every origin the same site) as on localhost, or says in `lan` what changes', () => {
    const lan = { page: 'http://192.168.1.20:8787', api: 'http://192.168.1.20:8788', other: 'http://192.168.1.20:8789' };
    const onLan = checkLesson(lesson, { origins: lan });
    if (!lesson.lan) expect(onLan.problems).toEqual([]);
  });

  it('states the goal in the fix solution\'s expect for every engine, so pnpm verify checks the goal in the real browsers', () => {
    const [, fix] = lessonScenarios(lesson);
    for (const engine of ENGINES) {
      const expected = expectFor(fix, engine) ?? {};
      expect(compareExpect(lesson.fix.goal, expected).map(formatDifference), engine).toEqual([]);
    }
  });

  it('states in the scenario\'s Chromium expect a field the goal contradicts, so pnpm verify shows there is something to fix', () => {
    const [scenario] = lessonScenarios(lesson);
    const contradicted = compareExpect(lesson.fix.goal, expectFor(scenario, 'chromium') ?? {}).filter((difference) => difference.actual !== undefined);
    expect(contradicted.length).toBeGreaterThan(0);
  });

  it('states what Chromium does: outcome, status, preflight and actualSent in both expects', () => {
    for (const scenario of lessonScenarios(lesson)) {
      for (const field of ['outcome', 'status', 'preflight', 'actualSent'] as const) expect(scenario.expect?.[field], `${scenario.id}: expect.${field}`).not.toBeUndefined();
      if (scenario.repeat > 1) expect(scenario.expect?.runs, `${scenario.id}: expect.runs`).toHaveLength(scenario.repeat);
    }
  });

  it('says how the engines differ when the prediction does', () => {
    const outcomes = new Set(check.engines.map((engine) => JSON.stringify(engine.outcome)));
    const expectBy = lessonScenarios(lesson).some((scenario) => scenario.expectBy);
    if (outcomes.size > 1 || expectBy) expect(lesson.engines, 'an `engines` text').toBeTruthy();
  });
});

describe('the two-hour workshop', () => {
  it('has at least 16 lessons, about 120 minutes in all', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(16);
    const minutes = lessons.reduce((sum, { lesson }) => sum + lesson.minutes, 0);
    expect(minutes).toBeGreaterThanOrEqual(110);
    expect(minutes).toBeLessThanOrEqual(130);
  });

  it(`covers every row (1..${CONFUSION_ROWS}) of shared/confusions.md in some lesson's confusions`, () => {
    const covered = new Set(lessons.flatMap(({ lesson }) => lesson.confusions));
    const rows = Array.from({ length: CONFUSION_ROWS }, (_, index) => index + 1);
    expect(rows.filter((row) => !covered.has(row))).toEqual([]);
  });

  it('is listed in lessons/README.md as it is: number, title, file, minutes, rows, engines and LAN notes', () => {
    const readme = readFileSync(join(lessonsDir, 'README.md'), 'utf8');
    const rows = readme.split('\n').filter((line) => /^\| \d\d \|/.test(line));
    const expected = lessons.map(({ name, lesson }) => `| ${name.slice(0, 2)} | [${lesson.title}](${name}) | ${lesson.minutes} | ${lesson.confusions.join(', ') || '—'} | ${lesson.engines ? 'yes ' : ''}| ${lesson.lan ? 'yes ' : ''}|`);
    expect(rows).toEqual(expected);
  });

  it('gives every lesson rules for the cheat sheet', () => {
    expect(lessons.filter(({ lesson }) => !lesson.cheatSheet?.length).map(({ name }) => name)).toEqual([]);
  });

  it('shows the safety flag at the reveal of the dangerous configuration, and none once fixed', () => {
    const found = lessons.find(({ lesson }) => lesson.id === 'dangerous-configurations')?.lesson;
    if (!found) throw new Error('no dangerous-configurations lesson');
    const [scenario, fix] = lessonScenarios(found).map((part) => resolveScenario(part, DEFAULT_ORIGINS));
    expect(safetyReview(scenario!).map((risk) => risk.id)).toContain('reflects-any-origin-with-credentials');
    expect(safetyReview(fix!).filter((risk) => risk.severity === 'high')).toEqual([]);
  });
});
