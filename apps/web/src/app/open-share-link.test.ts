import { describe, expect, it } from 'vitest';
import { validateScenario } from '@cors-playground/cors-core';
import { PRESETS } from '../presets/presets';
import { encodeShareFragment } from '../share/share-link';
import { createAppStore } from '../store/store';
import { openShareLink } from './open-share-link';

describe('openShareLink', () => {
  it('restores the scenario without running it', () => {
    const store = createAppStore();
    const result = validateScenario(PRESETS[5]);
    if (!result.ok) throw new Error('bad preset');
    expect(openShareLink(store, `#${encodeShareFragment(result.scenario)}`)).toBe('opened');
    expect(store.getState().scenario).toEqual(result.scenario);
    expect(store.getState().runs).toEqual([]);
    expect(store.getState().notices[0]?.title).toMatch(/It has not run: press Run/);
  });

  it('loads nothing from a broken link and says what is wrong', () => {
    const store = createAppStore();
    const before = store.getState().scenario;
    expect(openShareLink(store, '#s=%%%')).toBe('refused');
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().notices[0]).toMatchObject({ kind: 'error', lines: [expect.stringContaining('base64url') as string] });
  });

  it('warns about origins outside the playground', () => {
    const store = createAppStore();
    const result = validateScenario({ request: { url: 'https://bank.example/transfer', method: 'POST' } });
    if (!result.ok) throw new Error('bad');
    openShareLink(store, `#${encodeShareFragment(result.scenario)}`);
    expect(store.getState().notices[0]).toMatchObject({ kind: 'warning', lines: [expect.stringContaining('https://bank.example') as string] });
  });
});
