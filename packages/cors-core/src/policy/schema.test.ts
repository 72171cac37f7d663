import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../scenario/schema';
import { validateScenario } from '../scenario/validate';
import { CorsPolicySchema } from './schema';

const base = { allowOrigins: ['{page}'] };

describe('CorsPolicySchema', () => {
  it('fills the defaults of a minimal policy', () => {
    expect(CorsPolicySchema.parse(base)).toEqual({
      allowOrigins: ['{page}'],
      allowOriginPatterns: [],
      allowMethods: ['GET', 'HEAD', 'POST'],
      allowHeaders: 'reflect',
      exposeHeaders: [],
      credentials: false,
      maxAge: null,
      vary: true,
      preflightStatus: 204,
      refusal: 'omit-headers',
      headersOnErrors: true,
      authBeforeCors: false,
    });
  });

  // Each of these would close a string or start a directive in some generated configuration.
  const hostileOrigins = [
    'http://a.example; add_header X-Evil 1',
    'http://a.example"; return 200 "pwned',
    "http://a.example'); process.exit(1); ('",
    'http://a.example\n}',
    'http://$host',
    'http://a.example/',
    'HTTP://A.EXAMPLE',
    'http://a.example/${process.env.HOME}',
    'javascript:alert(1)',
    'http://a.example`',
  ];
  it.each(hostileOrigins)('refuses the origin %j and says what an origin looks like', (origin) => {
    const result = CorsPolicySchema.safeParse({ allowOrigins: [origin] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('is not an origin');
  });

  const hostileNames = ['X-A; add_header B 1', 'X-$http_cookie', "X-'", 'X-`', 'X-A"', 'X-A\r\nSet-Cookie: a=1', 'X A', ''];
  it.each(hostileNames)('refuses the header and method name %j', (name) => {
    expect(CorsPolicySchema.safeParse({ ...base, allowHeaders: [name] }).success).toBe(false);
    expect(CorsPolicySchema.safeParse({ ...base, exposeHeaders: [name] }).success).toBe(false);
    expect(CorsPolicySchema.safeParse({ ...base, allowMethods: [name] }).success).toBe(false);
  });

  it('refuses a pattern that is not "scheme://*.host[:port]"', () => {
    for (const pattern of ['https://*', 'https://a.*.example.com', 'https://*.example.com/path', '~^https://.*$', 'https://*.exa mple.com']) {
      expect(CorsPolicySchema.safeParse({ ...base, allowOriginPatterns: [pattern] }).success, pattern).toBe(false);
    }
    expect(CorsPolicySchema.safeParse({ ...base, allowOriginPatterns: ['https://*.example.com:8443'] }).success).toBe(true);
  });

  it('accepts only characters that mean nothing in nginx, JS, Python or a shell in any name it lets through', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (name) => {
        const ok = CorsPolicySchema.safeParse({ ...base, allowHeaders: [name], exposeHeaders: [name], allowMethods: [name] }).success;
        if (ok) expect(name).toMatch(/^(\*|[A-Za-z0-9][A-Za-z0-9_-]*)$/);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (origin) => {
        if (CorsPolicySchema.safeParse({ allowOrigins: [origin] }).success) expect(origin).toMatch(/^(\{(page|api|other)\}|null|https?:\/\/[a-z0-9.:[\]-]+)$/);
      }),
    );
  });
});

describe('server.policy in a scenario', () => {
  const scenario = { request: { url: '{api}/r' } };
  it('is optional: a scenario without it stays valid', () => {
    expect(validateScenario(scenario).ok).toBe(true);
  });
  it('is accepted with a framework from the closed list', () => {
    const result = validateScenario({ ...scenario, server: { policy: base, framework: 'express-cors' } });
    expect(result.ok).toBe(true);
  });
  it('is in the JSON Schema the editor uses, with the closed framework list', () => {
    const text = JSON.stringify(scenarioJsonSchema());
    expect(text).toContain('"allowOrigins"');
    expect(text).toContain('"express-cors"');
  });
  it('names the path of a bad value and refuses an unknown framework', () => {
    const result = validateScenario({ ...scenario, server: { policy: { allowOrigins: ['http://x";'] }, framework: 'my-own-server' } });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((issue) => issue.path);
    expect(paths).toContain('server.policy.allowOrigins[0]');
    expect(paths).toContain('server.framework');
  });
});

describe('server.backend', () => {
  const scenario = (backend: unknown) => ({ request: { url: '{api}/x' }, server: { framework: 'express-cors', backend, policy: base, routes: {} } });

  it('is "model" or "real", in the scenario schema and its JSON Schema', () => {
    expect(validateScenario(scenario('real')).ok).toBe(true);
    expect(validateScenario(scenario('model')).ok).toBe(true);
    const refused = validateScenario(scenario('/usr/bin/env'));
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).toContain('server.backend');
    expect(JSON.stringify(scenarioJsonSchema())).toContain('"backend":{"description":"who answers in policy mode');
    expect(JSON.stringify(scenarioJsonSchema())).toContain('"enum":["model","real"]');
  });
});
