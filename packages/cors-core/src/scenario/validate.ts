// Validation of scenarios: never throws, whatever the input. Errors make a scenario unusable; warnings
// describe a request the browser itself will refuse (an invalid header name, a method that is not a
// token): such a scenario still runs, because seeing the browser's TypeError is a lesson too.
import type { z } from 'zod';
import { hasForbiddenValueByte, isHeaderName, isMethod } from './header-syntax';
import { ScenarioSchema, type Scenario, type ScenarioRequestOverride } from './schema';

export interface ValidationIssue {
  /** Where, as a JavaScript-like path: `request.headers[2][0]`, `[3].server.routes["/a"].actual.status`. */
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; scenario: Scenario; warnings: ValidationIssue[] }
  | { ok: false; errors: ValidationIssue[]; warnings: ValidationIssue[] };

export type FileValidationResult =
  | { ok: true; scenarios: Scenario[]; warnings: ValidationIssue[] }
  | { ok: false; errors: ValidationIssue[]; warnings: ValidationIssue[] };

/** `request.headers[2][0]: "X Foo" is not a valid header name` */
export function formatIssue(issue: ValidationIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function issuesFromZod(error: z.ZodError, prefix: string): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path, prefix), message: issue.message }));
}

/** Checks a request the way `new Request()` / `setRequestHeader()` would, as warnings. */
function requestWarnings(request: ScenarioRequestOverride, prefix: string): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  if (request.method !== undefined && !isMethod(request.method)) {
    warnings.push({ path: `${prefix}.method`, message: `${JSON.stringify(request.method)} is not a valid method (a token): the browser throws a TypeError before sending` });
  }
  request.headers?.forEach(([name, value], index) => {
    if (!isHeaderName(name)) {
      warnings.push({ path: `${prefix}.headers[${index}][0]`, message: `${JSON.stringify(name)} is not a valid header name: the browser throws a TypeError before sending` });
    }
    if (hasForbiddenValueByte(value)) {
      warnings.push({ path: `${prefix}.headers[${index}][1]`, message: `${JSON.stringify(value)} is not a valid header value (CR, LF or NUL): the browser throws a TypeError before sending` });
    }
  });
  return warnings;
}

/** Validates one scenario object (already parsed from JSON). `prefix` is prepended to every path. */
export function validateScenario(input: unknown, prefix = ''): ValidationResult {
  const parsed = ScenarioSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: issuesFromZod(parsed.error, prefix), warnings: [] };
  const scenario = parsed.data;
  const at = (path: string) => (prefix ? `${prefix}.${path}` : path);
  const warnings = [
    ...requestWarnings(scenario.request, at('request')),
    ...(scenario.runRequests ?? []).flatMap((run, index) => requestWarnings(run, at(`runRequests[${index}]`))),
  ];
  return { ok: true, scenario, warnings };
}

/** Validates the content of a scenario file: one scenario or an array of them, with unique ids. */
export function validateScenarioFile(input: unknown): FileValidationResult {
  const list = Array.isArray(input) ? input : [input];
  const scenarios: Scenario[] = [];
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  list.forEach((item, index) => {
    const result = validateScenario(item, Array.isArray(input) ? `[${index}]` : '');
    warnings.push(...result.warnings);
    if (result.ok) scenarios.push(result.scenario);
    else errors.push(...result.errors);
  });
  const seen = new Map<string, number>();
  scenarios.forEach((scenario, index) => {
    const first = seen.get(scenario.id);
    if (first !== undefined) errors.push({ path: `[${index}].id`, message: `the id "${scenario.id}" is already used by [${first}]` });
    else seen.set(scenario.id, index);
  });
  return errors.length ? { ok: false, errors, warnings } : { ok: true, scenarios, warnings };
}

/** Line and column (1-based) of a character offset in a text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses JSON text, turning a syntax error into an issue with its line and column. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; error: ValidationIssue } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    if (position?.[1]) {
      const { line, column } = lineAndColumn(text, Number(position[1]));
      return { ok: false, error: { path: `line ${line}, column ${column}`, message: `invalid JSON: ${message}` } };
    }
    return { ok: false, error: { path: '', message: `invalid JSON: ${message}` } };
  }
}

/** Parses and validates the text of a scenario file. */
export function validateScenarioText(text: string): FileValidationResult {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, errors: [json.error], warnings: [] };
  return validateScenarioFile(json.value);
}
