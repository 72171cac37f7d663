// The scenario format, version 1 (shared/scenario-format.md): the single source of truth for the
// TypeScript types, for validation (errors that name the path and the problem) and for the JSON Schema
// the editor uses. Extend it with optional fields only: files written to version 1 must stay valid.
import { z } from 'zod';
import { isHeaderName, isSendableHeaderValue } from './header-syntax';
import { policyServerFields } from '../policy/schema';
import {
  MAX_ANSWER_BODY_LENGTH,
  MAX_ANSWER_HEADERS,
  MAX_DELAY_MS,
  MAX_HEADER_VALUE_LENGTH,
  MAX_METHOD_LENGTH,
  MAX_REPEAT,
  MAX_REQUEST_BODY_LENGTH,
  MAX_REQUEST_HEADERS,
  MAX_ROUTES,
  MAX_STARTING_COOKIES,
} from './limits';

/** A header as a [name, value] pair. Lists keep order, case and duplicates. */
const RequestHeader = z
  .tuple([z.string().max(MAX_HEADER_VALUE_LENGTH), z.string().max(MAX_HEADER_VALUE_LENGTH)])
  .describe('[name, value], exactly as the page passes it. An invalid name or value is allowed here: the browser rejects it, and that is a lesson too.');

/**
 * A header the echo server sends. Unlike request headers, these go on the wire from our server, so
 * they must be sendable byte for byte: a token name and a value without CR, LF, NUL or other control
 * bytes (no header injection, no response splitting).
 */
const ResponseHeader = z
  .tuple([
    z.string().refine(isHeaderName, { error: (issue) => `${JSON.stringify(issue.input)} is not a valid header name (a token: letters, digits and !#$%&'*+-.^_\`|~)` }),
    z
      .string()
      .max(MAX_HEADER_VALUE_LENGTH, { error: `a header value may be at most ${MAX_HEADER_VALUE_LENGTH} characters` })
      .refine(isSendableHeaderValue, {
        error: (issue) => `${JSON.stringify(issue.input)} cannot be sent as a header value (no CR, LF, NUL or other control characters, and only characters up to U+00FF)`,
      }),
  ])
  .describe('[name, value], sent exactly as written: case, order, duplicates and empty values kept.');

export const FETCH_MODES = ['cors', 'no-cors', 'same-origin'] as const;
export const CREDENTIALS_MODES = ['omit', 'same-origin', 'include'] as const;
export const CACHE_MODES = ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'] as const;
export const REDIRECT_MODES = ['follow', 'error', 'manual'] as const;
export const REQUEST_APIS = ['fetch', 'xhr'] as const;
export const OUTCOMES = ['ok', 'network-error', 'throws-before-send', 'opaque'] as const;
export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;

export const ScenarioRequestSchema = z
  .object({
    api: z.enum(REQUEST_APIS).default('fetch').describe('fetch() or XMLHttpRequest'),
    url: z.string().min(1, { error: 'the URL is empty' }).max(4096).describe('e.g. "{api}/resource"'),
    method: z.string().max(MAX_METHOD_LENGTH).default('GET').describe('exactly as the page passes it; case is kept ("patch" is not "PATCH")'),
    headers: z.array(RequestHeader).max(MAX_REQUEST_HEADERS, { error: `at most ${MAX_REQUEST_HEADERS} request headers` }).default([]),
    body: z
      .string()
      .max(MAX_REQUEST_BODY_LENGTH, { error: `a request body may be at most ${MAX_REQUEST_BODY_LENGTH} characters` })
      .nullable()
      .default(null),
    mode: z.enum(FETCH_MODES).default('cors').describe('fetch only'),
    credentials: z.enum(CREDENTIALS_MODES).default('same-origin').describe('xhr: include = withCredentials'),
    cache: z.enum(CACHE_MODES).optional().describe('fetch only, passed through'),
    redirect: z.enum(REDIRECT_MODES).optional().describe('fetch only: follow (default) | error | manual'),
    uploadListener: z.boolean().default(false).describe('xhr only: an upload progress listener is registered before send()'),
  })
  .strict();

/** A run's request in `runRequests`: any field of `request`, merged over it. */
export const ScenarioRequestOverrideSchema = ScenarioRequestSchema.partial()
  .extend({
    api: z.enum(REQUEST_APIS).optional(),
    method: z.string().max(MAX_METHOD_LENGTH).optional(),
    headers: z.array(RequestHeader).max(MAX_REQUEST_HEADERS).optional(),
    body: z.string().max(MAX_REQUEST_BODY_LENGTH).nullable().optional(),
    mode: z.enum(FETCH_MODES).optional(),
    credentials: z.enum(CREDENTIALS_MODES).optional(),
    uploadListener: z.boolean().optional(),
  })
  .strict();

export const AnswerSchema = z
  .object({
    status: z
      .number()
      .int({ error: 'a status is a whole number' })
      .min(200, { error: 'a status must be 200-599 (1xx statuses cannot be sent as a final answer)' })
      .max(599, { error: 'a status must be 200-599' })
      .default(200),
    headers: z.array(ResponseHeader).max(MAX_ANSWER_HEADERS, { error: `at most ${MAX_ANSWER_HEADERS} header lines in one answer` }).default([]),
    body: z
      .string()
      .max(MAX_ANSWER_BODY_LENGTH, { error: `an answer body may be at most ${MAX_ANSWER_BODY_LENGTH} characters` })
      .optional(),
    delayMs: z
      .number()
      .int()
      .min(0)
      .max(MAX_DELAY_MS, { error: `a delay may be at most ${MAX_DELAY_MS} ms` })
      .optional()
      .describe('extension: the echo server waits this long before answering'),
  })
  .strict();

export const RouteSchema = z
  .object({
    preflight: AnswerSchema.optional().describe('the answer to an OPTIONS request that carries Access-Control-Request-Method'),
    actual: AnswerSchema.optional().describe('the answer to every other request'),
  })
  .strict();

export const ServerSchema = z
  .object({
    routes: z
      .record(
        z.string().refine((key) => /^(\{[a-z]+\}|[a-z][a-z0-9+.-]*:\/\/[^/]+)?\/[^\s#]*$/i.test(key), {
          error: (issue) => `route key ${JSON.stringify(issue.input)} must be a path ("/resource", "/resource?q=1") or an origin followed by a path ("{other}/final")`,
        }),
        RouteSchema,
      )
      .refine((routes) => Object.keys(routes).length <= MAX_ROUTES, { error: `at most ${MAX_ROUTES} routes` })
      .default({}),
    ...policyServerFields,
  })
  .strict();

const expectFields = {
  preflight: z.boolean().optional().describe('a preflight reached the server'),
  preflightHeaders: z.record(z.string(), z.string().nullable()).optional().describe('headers of that preflight (only the names listed are compared; null = absent)'),
  preflightCount: z.number().int().min(0).optional(),
  actualSent: z.boolean().optional().describe('the actual request reached the server'),
  receivedHeaders: z.record(z.string(), z.string().nullable()).optional().describe('headers of the first actual request (null = absent)'),
  outcome: z.enum(OUTCOMES).optional(),
  status: z.number().int().min(0).max(999).optional().describe('the status script can see'),
  readable: z.record(z.string(), z.string().nullable()).optional().describe('headers.get(name); null = hidden'),
  console: z.string().nullable().optional().describe('the console message the engine prints; null = none'),
};

export const ExpectRunSchema = z.object(expectFields).strict();

export const ExpectSchema = z
  .object({
    ...expectFields,
    runs: z.array(ExpectRunSchema).optional().describe('with repeat > 1: per-run fields merged over the ones above'),
  })
  .strict();

/** A cookie the browser holds before run 1 (the user "is logged in"), as set by a top-level visit of `origin`. */
export const StartingCookieSchema = z
  .object({
    origin: z
      .string()
      .refine((origin) => /^(\{(page|api|other|samesite)\}|[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+)$/i.test(origin), {
        error: (issue) => `${JSON.stringify(issue.input)} is not an origin: use "{page}", "{api}", "{other}", "{samesite}" or an origin such as "http://api.localhost:8787"`,
      })
      .describe('the origin whose response sets the cookie, as a top-level visit of its "/" (so a cookie without Path gets Path=/)'),
    setCookie: z
      .string()
      .min(1, { error: 'the Set-Cookie value is empty' })
      .max(MAX_HEADER_VALUE_LENGTH, { error: `a Set-Cookie value may be at most ${MAX_HEADER_VALUE_LENGTH} characters` })
      .refine(isSendableHeaderValue, { error: 'a Set-Cookie value cannot contain CR, LF, NUL or other control characters' })
      .describe('the Set-Cookie header value, e.g. "sid=abc123; Path=/; SameSite=Lax"'),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    version: z.literal(1).optional(),
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'an id is kebab-case: lower-case letters, digits and single hyphens' })
      .max(100)
      .default('scenario'),
    title: z.string().max(300).optional(),
    notes: z.string().max(20_000).optional(),
    source: z.string().max(2000).optional(),
    tags: z.array(z.string().max(50)).max(20).optional().describe('extension: rule families, for filtering'),
    page: z
      .string()
      .refine((page) => /^(\{(page|api|other|samesite)\}|null|[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+)$/i.test(page), {
        error: (issue) => `${JSON.stringify(issue.input)} is not a page origin: use "{page}", "{api}", "{other}", "{samesite}", "null" or an origin such as "http://web.localhost:8787"`,
      })
      .default('{page}')
      .describe('"{page}", "{api}", "{other}", "{samesite}", "null" (a sandboxed frame) or a literal origin'),
    request: ScenarioRequestSchema,
    repeat: z.number().int().min(1).max(MAX_REPEAT, { error: `repeat may be at most ${MAX_REPEAT}` }).default(1),
    runRequests: z.array(ScenarioRequestOverrideSchema).max(MAX_REPEAT).optional(),
    server: ServerSchema.default({ routes: {} }),
    cookies: z
      .array(StartingCookieSchema)
      .max(MAX_STARTING_COOKIES, { error: `at most ${MAX_STARTING_COOKIES} starting cookies` })
      .optional()
      .describe('extension: cookies the browser holds before run 1, each set by a top-level visit of its origin (in a fresh jar)'),
    expect: ExpectSchema.optional(),
    expectBy: z
      .object({ chromium: ExpectSchema.optional(), firefox: ExpectSchema.optional(), webkit: ExpectSchema.optional() })
      .strict()
      .optional(),
  })
  .strict();

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type ScenarioRequest = z.output<typeof ScenarioRequestSchema>;
export type ScenarioRequestOverride = z.output<typeof ScenarioRequestOverrideSchema>;
export type StartingCookie = z.output<typeof StartingCookieSchema>;
export type Answer = z.output<typeof AnswerSchema>;
export type Route = z.output<typeof RouteSchema>;
export type Routes = Record<string, Route>;
export type Expect = z.output<typeof ExpectSchema>;
export type ExpectRun = z.output<typeof ExpectRunSchema>;
export type Outcome = (typeof OUTCOMES)[number];
export type Engine = (typeof ENGINES)[number];
export type HeaderList = [string, string][];

/** The JSON Schema of a scenario file (one scenario or an array), for the editor's completion and inline errors. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const one = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...definition } = one;
  return {
    $schema,
    title: 'CORS playground scenario (version 1)',
    anyOf: [definition, { type: 'array', items: definition }],
  };
}
