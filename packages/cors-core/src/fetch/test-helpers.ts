// Builds scenarios for the tests in a few words. Test-only (imported by *.test.ts).
import { validateScenario } from '../scenario/validate';
import type { Scenario } from '../scenario/schema';

export function scenario(input: Record<string, unknown>): Scenario {
  const result = validateScenario({ id: 'test', ...input });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.scenario;
}

export type Lines = [string, string][];
