// Small scenario builders for the causes of a diagnosis: each cause says what the server answered, and
// these turn that into a scenario the playground (or `cors explain`) can run.
import { isMethod } from '../scenario/header-syntax';
import { MAX_METHOD_LENGTH } from '../scenario/limits';
import { ScenarioSchema, type Scenario, type ScenarioInput } from '../scenario/schema';
import type { Captured } from './patterns';

export type RequestInput = ScenarioInput['request'];
type AnswerInput = { status?: number; headers?: [string, string][]; body?: string };
type RoutesInput = Record<string, { preflight?: AnswerInput; actual?: AnswerInput }>;

/** What a cause's scenario is built from: the captured values of the pasted line, with defaults. */
export interface CauseContext {
  api: 'fetch' | 'xhr';
  /** The path of the failing URL ("/resource" when the line had no URL). */
  path: string;
  /** '{page}', or 'null' when the message named origin 'null' (a sandboxed frame, a file:// page). */
  page: '{page}' | 'null';
  /** The value of Access-Control-Allow-Origin that names the page: '{page}' or 'null'. */
  allow: string;
  value: string | undefined;
  status: number | undefined;
  redirected: boolean;
  captured: Captured;
}

export interface ScenarioShape {
  request?: Partial<RequestInput>;
  page?: string;
  routes: RoutesInput;
}

function pathOf(url: string | undefined): string {
  const match = url ? /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+(\/[^\s?#]*)?/i.exec(url) : null;
  const path = match?.[1];
  return path && path !== '/' ? path.replace(/[{}]/g, '') : '/resource';
}

export function causeContext(captured: Captured): CauseContext {
  const page = captured.origin === 'null' ? 'null' : '{page}';
  return {
    api: captured.api ?? 'fetch',
    path: pathOf(captured.url),
    page,
    allow: page === 'null' ? 'null' : '{page}',
    value: captured.value,
    status: captured.status,
    redirected: captured.initialUrl !== undefined && captured.initialUrl !== captured.url,
    captured,
  };
}

/**
 * The method a pasted line named, when it can be a request's method (an HTTP token the scenario format
 * accepts); else undefined, so the cause falls back to its default. Pasted lines can glue text onto it.
 */
export function capturedMethod(value: string | undefined): string | undefined {
  return value !== undefined && value.length <= MAX_METHOD_LENGTH && isMethod(value) ? value : undefined;
}

/** A route whose actual request gets `answer`. */
export function actualAnswer(ctx: CauseContext, answer: AnswerInput, request: Partial<RequestInput> = {}): ScenarioShape {
  return { request, routes: { [ctx.path]: { actual: answer } } };
}

/** A request that needs a preflight, the preflight answered with `preflight`, the actual request allowed. */
export function preflightAnswer(ctx: CauseContext, preflight: AnswerInput, request: Partial<RequestInput> = {}): ScenarioShape {
  const needsPreflight = request.headers !== undefined || (request.method !== undefined && !['GET', 'HEAD', 'POST'].includes(request.method));
  const withPreflight: Partial<RequestInput> = needsPreflight ? request : { method: 'PUT', ...request };
  return {
    request: withPreflight,
    routes: { [ctx.path]: { preflight, actual: { status: 200, headers: [['Access-Control-Allow-Origin', ctx.allow]], body: 'ok' } } },
  };
}

/** The scenario of one cause: a valid scenario, the line it reproduces and why in its notes. */
export function causeScenario(ctx: CauseContext, id: string, title: string, notes: string, source: string, shape: ScenarioShape): Scenario {
  const input: ScenarioInput = {
    version: 1,
    id: `diagnose-${id}`,
    title,
    notes,
    source,
    page: shape.page ?? ctx.page,
    request: { api: ctx.api, url: `{api}${ctx.path}`, ...shape.request },
    server: { routes: shape.routes },
  };
  return ScenarioSchema.parse(input);
}
