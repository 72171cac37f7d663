// `cors lesson check|schema` over real lesson files: what a teacher sees for a sound lesson, a lesson
// whose expect is wrong, and a file that is not a lesson.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './args';
import { lessonCommand } from './lesson';

const lessonsDir = join(import.meta.dirname, '..', '..', 'lessons');

function run(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = lessonCommand(argv, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: (path) => files[path] ?? readFileSync(path, 'utf8'),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('cors lesson check', () => {
  it('prints each engine\'s outcomes, the safety risks and "sound" for a shipped lesson', () => {
    const result = run(['check', join(lessonsDir, '16-dangerous-configurations.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('dangerous-configurations (9 min, confusions 3, 11): lesson-dangerous-configurations, lesson-dangerous-configurations-fix');
    expect(result.stdout).toMatch(/chromium\s+scenario ok\s+fix network-error\s+expects agree, fix meets the goal/);
    expect(result.stdout).toContain('safety (high) reflects-any-origin-with-credentials: /account (actual)');
    expect(result.stdout).toContain('sound');
    expect(result.stdout).toMatch(/1 passed, 0 failed$/);
  });

  it('exits 1 and names the engine and the field when an expect is wrong or the scenario already meets the goal', () => {
    const lesson = JSON.parse(readFileSync(join(lessonsDir, '14-two-allow-origin-headers.json'), 'utf8')) as { scenario: { expect: Record<string, unknown> }; fix: { goal: Record<string, unknown> } };
    lesson.scenario.expect.preflight = true;
    lesson.fix.goal = { actualSent: true };
    const result = run(['check', 'mine.json'], { 'mine.json': JSON.stringify(lesson) });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('PROBLEM chromium: scenario\'s expect preflight: expected true, got false');
    expect(result.stdout).toContain('PROBLEM webkit: scenario\'s expect preflight: expected true, got false');
    expect(result.stdout).toContain("PROBLEM chromium: the lesson's scenario already meets the goal (nothing to fix)");
    expect(result.stdout).toMatch(/0 passed, 1 failed$/);
  });

  it('exits 2 with the path and the problem for an invalid lesson', () => {
    const result = run(['check', 'bad.json'], { 'bad.json': '{"id": "Bad Id"}' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.json: id: an id is kebab-case');
    expect(result.stderr).toContain('bad.json: questions:');
  });

  it('refuses a missing file list and an unknown subcommand', () => {
    expect(() => run(['check'])).toThrow(UsageError);
    expect(() => run(['grade', 'x.json'])).toThrow(/lesson: expected "check FILE\.\.\." or "schema"/);
  });
});

describe('cors lesson schema', () => {
  it('prints the JSON Schema of a lesson file', () => {
    const result = run(['schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { title: string; properties: Record<string, unknown> };
    expect(schema.title).toBe('CORS playground lesson');
    expect(Object.keys(schema.properties)).toContain('questions');
  });
});
