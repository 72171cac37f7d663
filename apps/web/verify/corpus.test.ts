// What `pnpm verify` runs by default: the corpus and every lesson's two scenarios.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCorpusFiles, loadScenarios, selectScenarios } from './corpus';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('the default corpus of pnpm verify', () => {
  const loaded = loadScenarios(defaultCorpusFiles(ROOT), ROOT);

  it('includes every lesson as lesson-<id> and lesson-<id>-fix, from its lesson file', () => {
    const lessonFiles = defaultCorpusFiles(ROOT).filter((file) => file.includes('/lessons/'));
    expect(lessonFiles.length).toBeGreaterThanOrEqual(16);
    const fromLessons = loaded.filter((entry) => entry.file.startsWith('packages/cors-core/lessons/'));
    expect(fromLessons).toHaveLength(lessonFiles.length * 2);
    const first = selectScenarios(loaded, ['lesson-same-origin-and-same-site', 'lesson-same-origin-and-same-site-fix']);
    expect(first.map((entry) => [entry.scenario.id, entry.file])).toEqual([
      ['lesson-same-origin-and-same-site', 'packages/cors-core/lessons/01-same-origin-and-same-site.json'],
      ['lesson-same-origin-and-same-site-fix', 'packages/cors-core/lessons/01-same-origin-and-same-site.json'],
    ]);
    expect(first.every((entry) => entry.scenario.expect)).toBe(true);
  });

  it('still includes the corpus', () => {
    expect(loaded.filter((entry) => entry.file.startsWith('packages/cors-core/corpus/')).length).toBeGreaterThanOrEqual(371);
  });

  it('names the file and the place of an invalid lesson', () => {
    const dir = mkdtempSync(join(tmpdir(), 'verify-lesson-'));
    const file = join(dir, 'bad-lesson.json');
    writeFileSync(file, JSON.stringify({ id: 'bad', title: 'Bad', minutes: 5, text: ['x'], scenario: { request: { url: '{api}/r' } }, questions: [], fix: { task: 't', goal: { outcome: 'ok' }, solution: { request: { url: '{api}/r' }, expect: { outcome: 'ok' } } } }));
    expect(() => loadScenarios([file], dir)).toThrow(/bad-lesson\.json: questions: a lesson asks 1 to 3 questions/);
  });
});
