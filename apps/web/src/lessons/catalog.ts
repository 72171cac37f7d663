// The workshop's lessons: cors-core's lesson files (packages/cors-core/lessons/NN-slug.json), bundled
// at build time (no network: the workshop runs offline) and validated one by one. A lesson that does not
// validate is listed with its problems; it never takes the others, or the app, down.
import { formatIssue, validateLessonText, type Lesson } from '@cors-playground/cors-core';

export interface BrokenLesson {
  file: string;
  problems: string[];
}

export interface LessonCatalog {
  /** In workshop order (the files' NN- prefix). */
  lessons: Lesson[];
  broken: BrokenLesson[];
}

/** Builds the catalog from `{ path: file text }`; a duplicate id is a problem of the later file. */
export function buildCatalog(files: Record<string, string>): LessonCatalog {
  const lessons: Lesson[] = [];
  const broken: BrokenLesson[] = [];
  for (const path of Object.keys(files).sort()) {
    const file = path.slice(path.lastIndexOf('/') + 1);
    const result = validateLessonText(files[path]!);
    if (!result.ok) broken.push({ file, problems: result.errors.map(formatIssue) });
    else if (lessons.some((lesson) => lesson.id === result.lesson.id)) broken.push({ file, problems: [`id: "${result.lesson.id}" is already the id of another lesson`] });
    else lessons.push(result.lesson);
  }
  return { lessons, broken };
}

const files = import.meta.glob<string>('../../../../packages/cors-core/lessons/*.json', { eager: true, query: '?raw', import: 'default' });

let catalog: LessonCatalog | undefined;

/**
 * The bundled lessons, validated on first use (about 16 times the cost of validating every preset, so
 * the playground's start does not pay it).
 */
export function lessonCatalog(): LessonCatalog {
  catalog ??= buildCatalog(files);
  return catalog;
}

export function lessonById(catalog: LessonCatalog, id: string): Lesson | undefined {
  return catalog.lessons.find((lesson) => lesson.id === id);
}
