import { describe, expect, it } from 'vitest';
import { blankScenario } from '../store/scenario-actions';
import { exportFileName } from './share-actions';

describe('exportFileName', () => {
  it('follows the title, as a slug', () => {
    expect(exportFileName({ ...blankScenario(), title: 'My orders API: PUT /orders (v2)' })).toBe('my-orders-api-put-orders-v2.json');
    expect(exportFileName({ ...blankScenario(), title: 'Ça marche ?' })).toBe('ca-marche.json');
  });

  it('falls back to the id when the title has no letters or digits', () => {
    expect(exportFileName({ ...blankScenario(), id: 'simple-get', title: '→ ←' })).toBe('simple-get.json');
    expect(exportFileName({ ...blankScenario(), id: 'untitled' })).toBe('untitled.json');
  });
});
