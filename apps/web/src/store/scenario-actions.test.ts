import { describe, expect, it } from 'vitest';
import { presetById } from '../presets/presets';
import { blankScenario, loadPreset, newScenario, undoLoad } from './scenario-actions';
import { setField, setRequest } from './scenario-edits';
import { selectStaleExpect } from './selectors';
import { createAppStore } from './store';

describe('loading a scenario', () => {
  it('offers Undo, which puts back the hand-built work, JSON text included', () => {
    const store = createAppStore();
    store.getState().editScenario((s) => setRequest(s, 'url', '{api}/mine'));
    const mine = store.getState().scenario;
    loadPreset('credentials-with-star', store);
    expect(store.getState().scenario.id).toBe('credentials-with-star');
    expect(store.getState().notices).toMatchObject([{ action: 'undo-load' }]);
    undoLoad(store);
    expect(store.getState().scenario).toBe(mine);
    expect(store.getState().jsonText).toContain('{api}/mine');
    expect(store.getState().notices).toEqual([]);
  });

  it('keeps one Undo notice: only the last load can be undone', () => {
    const store = createAppStore();
    loadPreset('credentials-with-star', store);
    newScenario(store);
    expect(store.getState().notices.filter((notice) => notice.action === 'undo-load')).toHaveLength(1);
    expect(store.getState().scenario).toEqual(blankScenario());
  });

  it('starts a new scenario without a preset identity', () => {
    const blank = blankScenario();
    expect(blank.title).toBeUndefined();
    expect(blank.notes).toBeUndefined();
    expect(blank.expect).toBeUndefined();
  });
});

describe('a preset expect after edits', () => {
  it('is kept while it still matches, and dropped (with the fact remembered) once it does not', () => {
    const store = createAppStore();
    loadPreset('json-body-preflight', store);
    store.getState().editScenario((s) => setField(s, 'title', 'Mine'));
    expect(store.getState().scenario.expect).toBeDefined();
    expect(store.getState().expectDropped).toBe(false);
    store.getState().editScenario((s) => setRequest(setRequest(setRequest(s, 'method', 'GET'), 'body', null), 'headers', []));
    expect(store.getState().scenario.expect).toBeUndefined();
    expect(store.getState().expectDropped).toBe(true);
    expect(store.getState().jsonText).not.toContain('"expect"');
  });

  it('typed in the JSON editor is flagged, not silently removed', () => {
    const store = createAppStore();
    const preset = { ...presetById('json-body-preflight')!, request: { url: '{api}/items' } };
    store.getState().setJsonText(JSON.stringify(preset));
    expect(store.getState().scenario.expect).toBeDefined();
    expect(selectStaleExpect(store.getState()).map((difference) => difference.field)).toContain('preflight');
  });

  it('an emptied title is removed, not kept as ""', () => {
    const store = createAppStore();
    store.getState().editScenario((s) => setField(s, 'title', undefined));
    expect('title' in store.getState().scenario).toBe(false);
  });
});
