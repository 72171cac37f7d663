import { describe, expect, it } from 'vitest';
import { buildCatalog, lessonCatalog } from './catalog';

describe('the bundled lessons', () => {
  it('every lesson file validates, in the files\' order, ids unique', () => {
    expect(lessonCatalog().broken).toEqual([]);
    expect(lessonCatalog().lessons.length).toBeGreaterThanOrEqual(3);
    expect(new Set(lessonCatalog().lessons.map((lesson) => lesson.id)).size).toBe(lessonCatalog().lessons.length);
    expect(lessonCatalog().lessons[0]!.id).toBe('same-origin-and-same-site');
  });

  it('a broken file is listed with its problems and does not hide the others', () => {
    const good = JSON.stringify(lessonCatalog().lessons[0]);
    const catalog = buildCatalog({ '/x/02-bad.json': '{"id": "x"', '/x/01-good.json': good, '/x/03-twin.json': good });
    expect(catalog.lessons.map((lesson) => lesson.id)).toEqual([lessonCatalog().lessons[0]!.id]);
    expect(catalog.broken.map((broken) => broken.file)).toEqual(['02-bad.json', '03-twin.json']);
    expect(catalog.broken[0]!.problems.length).toBeGreaterThan(0);
    expect(catalog.broken[1]!.problems[0]).toMatch(/already the id of another lesson/);
  });
});
