import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, loadProgress, parseProgress, serializeProgress } from './progress-storage';

const done = { answered: true, right: 1, choices: 2, fixed: true };

describe('lesson progress in localStorage', () => {
  it('round-trips', () => {
    expect(parseProgress(serializeProgress({ 'simple-requests': done }))).toEqual({ progress: { 'simple-requests': done } });
  });

  it('nothing saved is no progress and no notice', () => {
    expect(parseProgress(null)).toEqual({ progress: {} });
  });

  it('corrupt text or another version starts from zero and says why', () => {
    expect(parseProgress('{"version":1,')).toMatchObject({ progress: {}, notice: { title: expect.stringContaining('not valid JSON') } });
    expect(parseProgress('[1]')).toMatchObject({ progress: {}, notice: { title: expect.stringContaining('not an object') } });
    expect(parseProgress('{"version":7,"progress":{}}')).toMatchObject({ progress: {}, notice: { title: expect.stringContaining('version 7') } });
  });

  it('a bad entry is dropped alone, the others are kept', () => {
    const text = JSON.stringify({ version: 1, progress: { good: done, bad: { answered: 'yes' }, worse: { ...done, right: 3 }, 'Not An Id': done } });
    const result = parseProgress(text);
    expect(result.progress).toEqual({ good: done });
    expect(result.notice?.title).toMatch(/^3 lessons' saved progress could not be read/);
  });

  it('never throws, whatever is stored', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((value) => JSON.stringify({ version: 1, progress: value }))), (text) => {
      const result = parseProgress(text);
      expect(typeof result.progress).toBe('object');
    }));
  });

  it('storage that throws (privacy settings) is no progress', () => {
    expect(loadProgress({ getItem: () => { throw new Error('denied'); } })).toEqual({ progress: {} });
    expect(PROGRESS_KEY).toBe('cors-playground:lessons');
  });
});
