import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CorsPolicyInput } from '../schema';
import { EXPORT_FRAMEWORKS, EXPORT_TARGETS, exportPolicy, listExports } from './index';

const POLICIES: Record<string, CorsPolicyInput> = {
  listed: { allowOrigins: ['{page}', 'https://app.example.com'], allowOriginPatterns: ['https://*.example.org'], allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Token'], exposeHeaders: ['X-Total'], credentials: true, maxAge: 600 },
  star: { allowOrigins: '*' },
  starCredentials: { allowOrigins: '*', credentials: true },
  reflectAny: { allowOrigins: 'reflect-any', allowHeaders: 'reflect', credentials: true, maxAge: 0 },
  strict: { allowOrigins: ['{page}'], refusal: 'reject', headersOnErrors: false, authBeforeCors: true, vary: false, preflightStatus: 200 },
};

describe('exportPolicy', () => {
  it('covers at least 12 servers, six of them checked by running the real software', () => {
    expect(EXPORT_FRAMEWORKS.length).toBeGreaterThanOrEqual(12);
    expect(listExports().filter((target) => target.checked).map((target) => target.framework)).toEqual(['express-cors', 'fastify-cors', 'hono', 'koa-cors', 'nginx', 'apache']);
  });

  it('nginx listens on every address by default, on loopback when asked, and refuses a host that is not an address', () => {
    expect(exportPolicy(POLICIES.star!, 'nginx', { port: 9000 }).text).toContain('listen 9000;');
    expect(exportPolicy(POLICIES.star!, 'nginx', { port: 9000, host: '127.0.0.1' }).text).toContain('listen 127.0.0.1:9000;');
    expect(() => exportPolicy(POLICIES.star!, 'nginx', { port: 9000, host: '127.0.0.1; include /etc/passwd' })).toThrow(/not an address/);
  });

  for (const framework of EXPORT_FRAMEWORKS) {
    it(`${framework}: writes every policy of the table with its origins, a quirk and no unresolved placeholder`, () => {
      for (const [name, policy] of Object.entries(POLICIES)) {
        const made = exportPolicy(policy, framework);
        expect(made.text, name).not.toContain('{page}');
        expect(made.quirk.length, name).toBeGreaterThan(20);
        // Regular-expression configurations escape the dots.
        if (name === 'listed') expect(made.text.replace(/\\\./g, '.'), name).toContain('http://web.localhost:8787');
      }
    });
  }

  it('writes each framework in its own idiom', () => {
    const listed = POLICIES.listed as CorsPolicyInput;
    expect(exportPolicy(listed, 'express-cors').text).toContain("app.use(cors({");
    expect(exportPolicy(listed, 'fastify-cors').text).toContain('await app.register(cors, {');
    expect(exportPolicy(listed, 'hono').text).toContain("app.use('*', cors({");
    expect(exportPolicy(listed, 'koa-cors').text).toContain('app.use(cors({');
    expect(exportPolicy(listed, 'nginx').text).toContain('map $http_origin $cors_allow_origin {');
    expect(exportPolicy(listed, 'apache').text).toContain('SetEnvIf Origin');
    expect(exportPolicy(listed, 'caddy').text).toContain('header_regexp Origin');
    expect(exportPolicy(listed, 'django-cors-headers').text).toContain('CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://([a-z0-9-]+\\.)+example\\.org$"]');
    expect(exportPolicy(listed, 'flask-cors').text).toContain('supports_credentials=True');
    expect(exportPolicy(listed, 'starlette').text).toContain('app.add_middleware(CORSMiddleware,');
    expect(exportPolicy(listed, 'spring').text).toContain('.allowedOriginPatterns("https://*.example.org")');
    expect(exportPolicy(listed, 'aspnet-core').text).toContain('.SetIsOriginAllowedToAllowWildcardSubdomains()');
    expect(exportPolicy(listed, 'go-rs-cors').text).toContain('AllowCredentials: true,');
    expect(exportPolicy(listed, 'actix-cors').text).toContain('.supports_credentials()');
    expect(exportPolicy(listed, 'rack-cors').text).toContain('methods: [:get, :put]');
    expect(JSON.parse(exportPolicy(listed, 's3').text)).toEqual(exportPolicy(listed, 's3').options);
  });

  it('reproduces what the policy describes, quirks included, and names the fix', () => {
    const strict = POLICIES.strict as CorsPolicyInput;
    const nginx = exportPolicy(strict, 'nginx').text;
    expect(nginx).not.toContain(' always;');
    expect(nginx).toContain('if ($http_authorization = "")');
    expect(nginx).toContain('return 403');
    expect(exportPolicy(strict, 'nginx').quirk).toContain('Add `always`');
    expect(exportPolicy(POLICIES.starCredentials as CorsPolicyInput, 'express-cors').quirk).toContain('browsers refuse');
    expect(exportPolicy(POLICIES.starCredentials as CorsPolicyInput, 'koa-cors').quirk).toContain('reflection of any Origin');
    expect(exportPolicy(strict, 'express-cors').notes.join(' ')).toContain('cannot reject a refused origin');
  });

  it('refuses a policy that did not pass the schema, even when handed to an exporter directly', () => {
    expect(() => exportPolicy({ allowOrigins: ['http://x"; }'] }, 'nginx')).toThrow(/is not an origin/);
    const hostile = { ...exportPolicyInputDefaults(), allowOrigins: ['http://x.example"; return 200 "owned'], allowMethods: ['GET; rm -rf /'] };
    for (const framework of EXPORT_FRAMEWORKS) {
      expect(() => EXPORT_TARGETS[framework].exporter(hostile as never, { appStatus: 200, port: 3000 }), framework).toThrow(/refusing to write/);
    }
  });

  it('property: no accepted origin or name can end a string or start a directive in any export', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,10}$/);
    const host = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?(\.[a-z0-9]{1,6}){0,2}$/);
    fc.assert(
      fc.property(host, name, name, fc.boolean(), (h, method, header, credentials) => {
        const policy: CorsPolicyInput = { allowOrigins: [`https://${h}`], allowOriginPatterns: [`https://*.${h}`], allowMethods: [method], allowHeaders: [header], exposeHeaders: [header], credentials };
        for (const framework of EXPORT_FRAMEWORKS) {
          const text = exportPolicy(policy, framework).text;
          // Every quote the export opens closes on the same line: no value brings a quote of its own.
          for (const line of text.split('\n')) expect((line.replace(/\\./g, '').match(/"/g) ?? []).length % 2, `${framework}: ${line}`).toBe(0);
          expect(text).not.toMatch(/\$\{|`|\r/);
        }
      }),
      { numRuns: 40 },
    );
  });
});

function exportPolicyInputDefaults() {
  return { allowOriginPatterns: [], allowMethods: ['GET'], allowHeaders: 'reflect', exposeHeaders: [], credentials: false, maxAge: null, vary: true, preflightStatus: 204, refusal: 'omit-headers', headersOnErrors: true, authBeforeCors: false };
}
