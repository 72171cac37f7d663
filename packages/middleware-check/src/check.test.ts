// The exports of cors-core, run by the real software: for every policy of the table and every checked
// framework, start the server with exactly what `exportPolicy` writes, send the preflight and the actual
// request a browser sends, and compare the answers with what cors-core's model of that framework
// predicts (status, every Access-Control-* header, the Vary tokens).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CorsPolicySchema,
  matchRoute,
  validateScenarioText,
  type ScenarioInput,
  DEFAULT_ORIGINS,
  EXPORT_TARGETS,
  exportPolicy,
  policyAnswer,
  resolveOriginPlaceholders,
  type CorsPolicy,
  type PolicyFramework,
} from '@cors-playground/cors-core';
import { afterAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort, installedVersion, nginxTest, nginxVersion, packageDir, startBackend } from './backends';
import { POLICY_CASES } from './cases';
import { browserRequests, corsView, send } from './wire';

type Checked = Exclude<PolicyFramework, 'echo'>;
const FRAMEWORKS: Checked[] = ['express-cors', 'fastify-cors', 'hono', 'koa-cors', 'nginx'];

const nginx = nginxVersion();
const skipped: string[] = [];
afterAll(() => {
  if (skipped.length > 0) {
    process.stderr.write(`\n\x1b[31m[middleware-check] SKIPPED ${skipped.length} nginx checks: nginx is not installed (apt-get install nginx-light, or pnpm run setup)\x1b[0m\n`);
  }
});

function resolvedPolicy(input: unknown): CorsPolicy {
  const policy = CorsPolicySchema.parse(input);
  return Array.isArray(policy.allowOrigins) ? { ...policy, allowOrigins: policy.allowOrigins.map((origin) => resolveOriginPlaceholders(origin, DEFAULT_ORIGINS)) } : policy;
}

/** Starts `framework` with the export of `input`, sends what a browser sends for `request`, compares with the model. */
async function checkRealServer(input: unknown, framework: Checked, request: ScenarioInput['request'], appStatus: number): Promise<void> {
  const policy = resolvedPolicy(input);
  const port = await freeLoopbackPort();
  const made = exportPolicy(policy, framework, { appStatus, port, host: '127.0.0.1' });
  const backend = await startBackend(framework, made.text, port);
  try {
    for (const wire of browserRequests(request)) {
      const real = corsView(await send(port, wire));
      const predicted = policyAnswer(policy, framework, { method: wire.method, kind: wire.kind, headers: wire.headers }, { status: appStatus, headers: [], body: 'ok\n' });
      expect(real, `${wire.kind} ${wire.method} ${wire.path}\nexport:\n${made.text}`).toEqual(corsView(predicted));
    }
  } finally {
    await backend.stop();
  }
}

describe('the checked exports name the versions installed here', () => {
  it('npm packages pinned in package.json', () => {
    expect(EXPORT_TARGETS['express-cors'].checked.version).toBe(`express ${installedVersion('express')}, cors ${installedVersion('cors')}`);
    expect(EXPORT_TARGETS['fastify-cors'].checked.version).toBe(`fastify ${installedVersion('fastify')}, @fastify/cors ${installedVersion('@fastify/cors')}`);
    expect(EXPORT_TARGETS.hono.checked.version).toBe(`hono ${installedVersion('hono')}, @hono/node-server ${installedVersion('@hono/node-server')}`);
    expect(EXPORT_TARGETS['koa-cors'].checked.version).toBe(`koa ${installedVersion('koa')}, @koa/cors ${installedVersion('@koa/cors')}`);
  });
  it.skipIf(!nginx)('nginx from Debian', () => {
    expect(EXPORT_TARGETS.nginx.checked.version).toContain(`nginx ${nginx}`);
  });
});

for (const framework of FRAMEWORKS) {
  describe(`${framework}: the real server agrees with cors-core's model of it`, () => {
    for (const policyCase of POLICY_CASES) {
      const run = framework !== 'nginx' || nginx !== undefined;
      if (!run) skipped.push(`${framework}: ${policyCase.name}`);
      it.skipIf(!run)(policyCase.name, () => checkRealServer(policyCase.policy, framework, policyCase.request, policyCase.appStatus ?? 200));
    }
  });
}

describe.skipIf(!nginx)('nginx accepts every exported configuration (nginx -t)', () => {
  for (const policyCase of POLICY_CASES) {
    it(policyCase.name, () => {
      const made = exportPolicy(resolvedPolicy(policyCase.policy), 'nginx', { port: 8080, host: '127.0.0.1' });
      const result = nginxTest(made.text, `t${POLICY_CASES.indexOf(policyCase)}`);
      expect(result.output).toContain('syntax is ok');
      expect(result.ok, result.output).toBe(true);
    });
  }
});

// The corpus's framework presets (cors-core/corpus/19-frameworks.json, verified in real Chromium with
// `pnpm verify`): the quirk each one shows is what the real middleware does with its policy.
const presets = validateScenarioText(readFileSync(join(packageDir, '..', 'cors-core', 'corpus', '19-frameworks.json'), 'utf8'));
describe('the corpus framework presets are reproduced by the real middleware', () => {
  if (!presets.ok) throw new Error('19-frameworks.json does not validate');
  for (const scenario of presets.scenarios) {
    const framework = scenario.server.framework ?? 'echo';
    if (framework === 'echo') continue;
    const url = new URL(scenario.request.url.replace('{api}', DEFAULT_ORIGINS.api));
    const appStatus = matchRoute(scenario.server.routes, url.origin, url.pathname, 'actual')?.answer?.status ?? 200;
    const run = framework !== 'nginx' || nginx !== undefined;
    if (!run) skipped.push(scenario.id);
    it.skipIf(!run)(`${scenario.id} (${framework})`, () => checkRealServer(scenario.server.policy, framework, scenario.request, appStatus));
  }
});
