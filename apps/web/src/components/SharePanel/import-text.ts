// Import: one scenario or a file of several, from pasted text, a chosen file or a dropped one.
import { formatIssue, validateScenarioText, type Scenario } from '@cors-playground/cors-core';

/** Largest file read (bytes): a scenario file is small; a huge one is a mistake. */
export const MAX_IMPORT_BYTES = 2_000_000;

export type ImportResult = { ok: true; scenarios: Scenario[]; warnings: string[] } | { ok: false; errors: string[] };

export function importText(text: string): ImportResult {
  if (text.trim() === '') return { ok: false, errors: ['nothing to import: the text is empty'] };
  const result = validateScenarioText(text);
  if (!result.ok) return { ok: false, errors: result.errors.map(formatIssue) };
  if (result.scenarios.length === 0) return { ok: false, errors: ['the file holds an empty list: no scenario to import'] };
  return { ok: true, scenarios: result.scenarios, warnings: result.warnings.map(formatIssue) };
}

export async function importFile(file: Blob): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, errors: [`the file is larger than ${MAX_IMPORT_BYTES} bytes`] };
  return importText(await file.text());
}
