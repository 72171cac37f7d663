// Policy mode: the server side of a scenario described as a CORS policy, the way people configure a
// middleware, instead of raw header lines. A policy is data, never code: every origin, method and header
// name is checked here against a narrow character set before it can reach a generated configuration
// (a JavaScript options object, an nginx `map`, a Python settings file), so no value can close a string,
// start a directive or interpolate a variable there.
import { z } from 'zod';

/**
 * The servers a policy can be run by or exported to. `echo` is the echo server computing the policy
 * itself, like a well-behaved middleware; the others are real middleware with their own behaviour.
 */
export const POLICY_FRAMEWORKS = ['echo', 'express-cors', 'fastify-cors', 'hono', 'koa-cors', 'nginx'] as const;
export type PolicyFramework = (typeof POLICY_FRAMEWORKS)[number];

/**
 * Who answers a policy scenario: `model` = the echo server sends what cors-core's model of the framework
 * sends (policyRoutes); `real` = the echo server forwards the request to the real framework it supervises.
 * A share link can only pick one of these two words and one of POLICY_FRAMEWORKS: never a program.
 */
export const POLICY_BACKENDS = ['model', 'real'] as const;
export type PolicyBackend = (typeof POLICY_BACKENDS)[number];
/** The frameworks a real backend can run (the echo server's own answer needs none). */
export const REAL_BACKEND_FRAMEWORKS = ['express-cors', 'fastify-cors', 'hono', 'koa-cors', 'nginx'] as const satisfies readonly PolicyFramework[];
export type RealBackendFramework = (typeof REAL_BACKEND_FRAMEWORKS)[number];
export function isRealBackendFramework(name: string): name is RealBackendFramework {
  return (REAL_BACKEND_FRAMEWORKS as readonly string[]).includes(name);
}

/** The placeholders an origin entry may use; they are resolved to the deployment's origins before use. */
const ORIGIN_PLACEHOLDER = /^\{(page|api|other)\}$/;
// A serialized origin (https://html.spec.whatwg.org/#ascii-serialisation-of-an-origin) of an http(s) URL
// with a DNS name, an IPv4 address or a bracketed IPv6 address: lower-case, no path, no trailing slash.
const HOST = String.raw`(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])`;
const SERIALIZED_ORIGIN = new RegExp(String.raw`^https?://${HOST}(?::[0-9]{1,5})?$`);
/** `https://*.example.com`: any subdomain (one label or more), never the bare domain. */
const ORIGIN_PATTERN = new RegExp(String.raw`^https?://\*\.${HOST}(?::[0-9]{1,5})?$`);
/**
 * Method and header names: the RFC 9110 token alphabet narrowed to letters, digits, `-` and `_`. Tokens
 * may also hold `$ ' \` | ^ ~ % & # ! + .`, which mean something inside nginx strings, shell words or
 * regular expressions; no real method or header needs them.
 */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isSerializedOrigin(value: string): boolean {
  return SERIALIZED_ORIGIN.test(value);
}
export function isOriginPattern(value: string): boolean {
  return ORIGIN_PATTERN.test(value);
}
export function isSafeName(value: string): boolean {
  return SAFE_NAME.test(value);
}

const show = (value: unknown): string => JSON.stringify(value);

const OriginEntry = z
  .string()
  .max(300)
  .refine((value) => ORIGIN_PLACEHOLDER.test(value) || value === 'null' || isSerializedOrigin(value), {
    error: (issue) => `${show(issue.input)} is not an origin: write a serialized origin such as "https://app.example.com" (lower-case, scheme and host, an optional port, no path or trailing slash), "{page}", "{api}", "{other}" or "null"`,
  });

const OriginPatternEntry = z
  .string()
  .max(300)
  .refine(isOriginPattern, {
    error: (issue) => `${show(issue.input)} is not an origin pattern: write "https://*.example.com" (a "*" standing for one or more subdomain labels, then a lower-case host and an optional port)`,
  });

const MethodName = z.string().refine((value) => value === '*' || isSafeName(value), {
  error: (issue) => `${show(issue.input)} is not a method name this policy accepts: letters, digits, "-" and "_" (at most 64), or "*"`,
});

const HeaderName = z.string().refine((value) => value === '*' || isSafeName(value), {
  error: (issue) => `${show(issue.input)} is not a header name this policy accepts: letters, digits, "-" and "_" (at most 64), or "*"`,
});

export const CorsPolicySchema = z
  .object({
    allowOrigins: z
      .union([z.literal('*'), z.literal('reflect-any'), z.array(OriginEntry).max(50, { error: 'at most 50 origins' })])
      .describe('"*" (any origin, answered with a literal *), "reflect-any" (any origin, answered with its own value) or a list of origins ("{page}" and the other placeholders allowed)'),
    allowOriginPatterns: z.array(OriginPatternEntry).max(20, { error: 'at most 20 origin patterns' }).default([]).describe('with a list of origins: patterns such as "https://*.example.com" also allowed'),
    allowMethods: z.array(MethodName).min(1).max(20).default(['GET', 'HEAD', 'POST']).describe('sent in Access-Control-Allow-Methods'),
    allowHeaders: z
      .union([z.literal('reflect'), z.array(HeaderName).max(50)])
      .default('reflect')
      .describe('"reflect" (answer with whatever Access-Control-Request-Headers asked for) or a list sent in Access-Control-Allow-Headers'),
    exposeHeaders: z.array(HeaderName).max(50).default([]).describe('sent in Access-Control-Expose-Headers on actual answers'),
    credentials: z.boolean().default(false).describe('send Access-Control-Allow-Credentials: true'),
    maxAge: z.number().int().min(0).max(604_800).nullable().default(null).describe('seconds, sent in Access-Control-Max-Age; null = not sent'),
    vary: z.boolean().default(true).describe('send Vary: Origin when the answer depends on the Origin'),
    preflightStatus: z.union([z.literal(200), z.literal(204)]).default(204).describe('the status of an accepted preflight'),
    refusal: z
      .enum(['omit-headers', 'reject'])
      .default('omit-headers')
      .describe('what a request from an origin the policy does not allow gets: "omit-headers" (the usual answer without CORS headers) or "reject" (403)'),
    headersOnErrors: z.boolean().default(true).describe('whether error answers (4xx/5xx from the application) keep the CORS headers'),
    authBeforeCors: z
      .boolean()
      .default(false)
      .describe('an authentication layer runs before the CORS middleware and answers 401 to any request without an Authorization header, preflights included'),
  })
  .strict();

export type CorsPolicy = z.output<typeof CorsPolicySchema>;
export type CorsPolicyInput = z.input<typeof CorsPolicySchema>;

/** The `server` fields of policy mode, spread into the scenario's ServerSchema. */
export const policyServerFields = {
  policy: CorsPolicySchema.optional().describe('policy mode: a CORS middleware configured by this policy wraps the routes (which act as the application)'),
  framework: z.enum(POLICY_FRAMEWORKS).optional().describe('which middleware runs the policy (default "echo": the echo server computes it like a well-behaved middleware)'),
  backend: z
    .enum(POLICY_BACKENDS)
    .optional()
    .describe('who answers in policy mode: "model" (default) the echo server sends what cors-core\'s model of `framework` sends; "real" the echo server forwards each request to the real `framework` it runs on loopback (started with --backends) and records what it answered'),
};
