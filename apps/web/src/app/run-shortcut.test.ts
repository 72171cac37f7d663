import { describe, expect, it } from 'vitest';
import { isRunShortcut } from './run-shortcut';

const key = (over: Partial<KeyboardEvent>) => ({ key: 'Enter', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...over });

describe('the Run shortcut', () => {
  it('is Ctrl+Enter or Cmd+Enter', () => {
    expect(isRunShortcut(key({ ctrlKey: true }))).toBe(true);
    expect(isRunShortcut(key({ metaKey: true }))).toBe(true);
  });

  it('is not Enter alone, nor with Shift or Alt (line breaks and other editor commands)', () => {
    expect(isRunShortcut(key({}))).toBe(false);
    expect(isRunShortcut(key({ ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isRunShortcut(key({ ctrlKey: true, altKey: true }))).toBe(false);
    expect(isRunShortcut(key({ ctrlKey: true, key: 'a' }))).toBe(false);
  });
});
