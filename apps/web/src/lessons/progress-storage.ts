// Each learner's progress, kept in this browser only (localStorage, its own versioned key beside the
// playground's). A corrupt or foreign value is dropped entry by entry, never a crash or a blank list.
import type { Notice } from '../store/ui-slice';

export const PROGRESS_KEY = 'cors-playground:lessons';
export const PROGRESS_VERSION = 1;

export interface LessonProgress {
  /** The questions were answered and the lesson's scenario run. */
  answered: boolean;
  /** Choice questions answered right, out of `choices`. */
  right: number;
  choices: number;
  /** A real run met the fix goal. */
  fixed: boolean;
}

export type ProgressMap = Record<string, LessonProgress>;

export interface ProgressLoad {
  progress: ProgressMap;
  notice?: Omit<Notice, 'id'>;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100;
}

function entryOf(value: unknown): LessonProgress | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.answered !== 'boolean' || typeof record.fixed !== 'boolean' || !isCount(record.right) || !isCount(record.choices) || record.right > record.choices) return undefined;
  return { answered: record.answered, right: record.right, choices: record.choices, fixed: record.fixed };
}

function dropped(reason: string): ProgressLoad {
  return { progress: {}, notice: { kind: 'warning', title: `Your lesson progress could not be read (${reason}); it starts again from zero.`, lines: [] } };
}

/** Never throws. */
export function parseProgress(text: string | null): ProgressLoad {
  if (text === null) return { progress: {} };
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    return dropped('it is not valid JSON');
  }
  if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return dropped('it is not an object');
  const record = saved as Record<string, unknown>;
  if (record.version !== PROGRESS_VERSION) return dropped(`it was saved by version ${JSON.stringify(record.version ?? null)}, this is version ${PROGRESS_VERSION}`);
  const entries = record.progress && typeof record.progress === 'object' && !Array.isArray(record.progress) ? Object.entries(record.progress) : [];
  const progress: ProgressMap = {};
  let bad = 0;
  for (const [id, value] of entries) {
    const entry = /^[a-z0-9-]{1,80}$/.test(id) ? entryOf(value) : undefined;
    if (entry) progress[id] = entry;
    else bad++;
  }
  return bad ? { progress, notice: { kind: 'warning', title: `${bad} lesson${bad > 1 ? 's\'' : '\'s'} saved progress could not be read and was dropped.`, lines: [] } } : { progress };
}

export function serializeProgress(progress: ProgressMap): string {
  return JSON.stringify({ version: PROGRESS_VERSION, progress });
}

export function loadProgress(storage: Pick<Storage, 'getItem'> | undefined): ProgressLoad {
  try {
    return parseProgress(storage?.getItem(PROGRESS_KEY) ?? null);
  } catch {
    return { progress: {} };
  }
}

export function saveProgress(storage: Pick<Storage, 'setItem'> | undefined, progress: ProgressMap): void {
  try {
    storage?.setItem(PROGRESS_KEY, serializeProgress(progress));
  } catch {
    // full or disabled storage: progress lasts for this visit only
  }
}
