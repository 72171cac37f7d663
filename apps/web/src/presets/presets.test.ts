import { describe, expect, it } from 'vitest';
import { validateScenario } from '@cors-playground/cors-core';
import { PRESETS } from './presets';

describe('presets', () => {
  it('offer at least 20 scenarios with unique ids', () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(PRESETS.map((preset) => preset.id)).size).toBe(PRESETS.length);
  });

  it.each(PRESETS.map((preset) => [preset.id, preset] as const))('%s is a valid scenario with a title and an expectation', (_id, preset) => {
    const result = validateScenario(preset);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(preset.title).toBeTruthy();
    expect(preset.expect).toBeDefined();
  });

  it('only the invalid-header-name lesson carries a validation warning', () => {
    const warned = PRESETS.filter((preset) => validateScenario(preset).warnings.length > 0).map((preset) => preset.id);
    expect(warned).toEqual(['invalid-header-name']);
  });
});
