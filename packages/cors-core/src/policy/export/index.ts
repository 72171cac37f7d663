// exportPolicy(): a policy in the syntax and idioms of the server a person actually runs. The first
// six are run for real with exactly this output by packages/middleware-check (`checked`); the rest are
// generated from each project's documented option names.
import { resolveOriginPlaceholders, type Origins } from '../../scenario/placeholders';
import { DEFAULT_ORIGINS } from '../../scenario/placeholders';
import { CorsPolicySchema, type CorsPolicyInput } from '../schema';
import { actixCors, aspnetCore, goRsCors, spring } from './compiled';
import { rackCors, s3 } from './hosted';
import { nginx } from './nginx';
import { expressCors, fastifyCors, hono, koaCors } from './node';
import { django, flaskCors, starlette } from './python';
import { apache, caddy } from './servers';
import type { ExportOptions, Exporter, PolicyExport, ResolvedPolicy } from './types';

export type { ExportOptions, PolicyExport, ResolvedPolicy } from './types';
export { backendOptions, type BackendOptions, type OriginRule } from './node';

interface Target {
  label: string;
  exporter: Exporter;
  /** Set when middleware-check runs the real software with this export (the versions it pins/installs). */
  checked?: { version: string; how: string };
  port?: number;
}

const RUN_BY_MIDDLEWARE_CHECK = 'packages/middleware-check starts it with this export on loopback and compares its answers with the policy model';

/** Every export target, in the order `cors export --list` prints them. */
export const EXPORT_TARGETS = {
  'express-cors': { label: 'Express + cors', exporter: expressCors, checked: { version: 'express 5.3.0, cors 2.8.6', how: RUN_BY_MIDDLEWARE_CHECK } },
  'fastify-cors': { label: 'Fastify + @fastify/cors', exporter: fastifyCors, checked: { version: 'fastify 5.12.8, @fastify/cors 11.4.3', how: RUN_BY_MIDDLEWARE_CHECK } },
  hono: { label: 'Hono + hono/cors', exporter: hono, checked: { version: 'hono 4.13.19, @hono/node-server 2.1.9', how: RUN_BY_MIDDLEWARE_CHECK } },
  'koa-cors': { label: 'Koa + @koa/cors', exporter: koaCors, checked: { version: 'koa 3.3.0, @koa/cors 5.0.0', how: RUN_BY_MIDDLEWARE_CHECK } },
  nginx: { label: 'nginx', exporter: nginx, port: 8080, checked: { version: 'nginx 1.22.1 (Debian 12)', how: RUN_BY_MIDDLEWARE_CHECK } },
  apache: {
    label: 'Apache httpd (mod_headers)',
    exporter: apache,
    checked: { version: 'Apache 2.4.71 (Debian 12)', how: "packages/middleware-check starts it with this export on loopback; cors-core judges the browser's decision on its real answers, which must be the decision the policy intends (and apache2 -t accepts every export)" },
  },
  caddy: { label: 'Caddy', exporter: caddy },
  'django-cors-headers': { label: 'Django + django-cors-headers', exporter: django },
  'flask-cors': { label: 'Flask + Flask-CORS', exporter: flaskCors },
  starlette: { label: 'FastAPI / Starlette CORSMiddleware', exporter: starlette },
  spring: { label: 'Spring (CorsRegistry)', exporter: spring },
  'aspnet-core': { label: 'ASP.NET Core (AddCors / UseCors)', exporter: aspnetCore },
  'go-rs-cors': { label: 'Go rs/cors', exporter: goRsCors },
  'actix-cors': { label: 'Rust actix-cors', exporter: actixCors },
  'rack-cors': { label: 'Rails rack-cors', exporter: rackCors },
  s3: { label: 'Amazon S3 bucket CORS', exporter: s3 },
} satisfies Record<string, Target>;

export type ExportFramework = keyof typeof EXPORT_TARGETS;
export const EXPORT_FRAMEWORKS = Object.keys(EXPORT_TARGETS) as ExportFramework[];

export function isExportFramework(name: string): name is ExportFramework {
  return Object.prototype.hasOwnProperty.call(EXPORT_TARGETS, name);
}

/** One line per target: id, label, and whether its export is checked by running the real software. */
export function listExports(): { framework: ExportFramework; label: string; checked: PolicyExport['checked'] }[] {
  return EXPORT_FRAMEWORKS.map((framework) => {
    const target: Target = EXPORT_TARGETS[framework];
    return { framework, label: target.label, checked: target.checked ?? false };
  });
}

/**
 * A policy validated (a caller may hand in anything) with its origin placeholders resolved, and checked
 * again after resolving: the deployment's origins must be serialized origins too. Throws on an invalid
 * policy, naming every problem. Every path from a policy to a configuration or an options object goes
 * through here.
 */
export function resolvePolicy(policy: CorsPolicyInput, origins: Origins = DEFAULT_ORIGINS): ResolvedPolicy {
  const parsed = CorsPolicySchema.safeParse(policy);
  if (!parsed.success) throw new Error(`invalid policy: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'policy'}: ${issue.message}`).join('; ')}`);
  const data = parsed.data;
  const resolved = Array.isArray(data.allowOrigins) ? { ...data, allowOrigins: data.allowOrigins.map((origin) => resolveOriginPlaceholders(origin, origins)) } : data;
  // The resolved origins come from the deployment's configuration: check them as strictly as the policy's own.
  const recheck = CorsPolicySchema.safeParse(resolved);
  if (!recheck.success) throw new Error(`the configured origins do not resolve to serialized origins: ${recheck.error.issues.map((issue) => issue.message).join('; ')}`);
  return recheck.data;
}

/**
 * The policy as `framework` configures it. The policy is validated again here (a caller may hand in
 * anything) and its origin placeholders resolved with `origins`; throws on an invalid policy.
 */
export function exportPolicy(policy: CorsPolicyInput, framework: ExportFramework, options: ExportOptions & { origins?: Origins } = {}): PolicyExport {
  const resolved = resolvePolicy(policy, options.origins ?? DEFAULT_ORIGINS);
  const target: Target = EXPORT_TARGETS[framework];
  const port = options.port ?? target.port ?? 3000;
  const made = target.exporter(resolved, { appStatus: options.appStatus ?? 200, port, ...(options.host === undefined ? {} : { host: options.host }), ...(options.upstream === undefined ? {} : { upstream: options.upstream }) });
  return { framework, label: target.label, checked: target.checked ?? false, ...made };
}
