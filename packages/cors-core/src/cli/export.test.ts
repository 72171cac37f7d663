// `cors export` as a user runs it: a subprocess (tsx), real files, real exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const packageDir = join(import.meta.dirname, '..', '..');
const tsx = join(packageDir, '..', '..', 'node_modules', '.bin', 'tsx');
const main = join(packageDir, 'src', 'cli', 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'cors-export-'));

function cors(args: string[], input?: string) {
  const result = spawnSync(tsx, [main, ...args], { encoding: 'utf8', input, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

const policyScenario = {
  id: 'listed-origin',
  request: { url: '{api}/resource', method: 'PUT', headers: [['X-Token', '1']] },
  server: {
    framework: 'express-cors',
    policy: { allowOrigins: ['{page}'], allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Token'], maxAge: 600 },
    routes: { '/resource': { actual: { status: 500, body: 'boom' } } },
  },
};

describe('cors export', { timeout: 120_000 }, () => {
  it('--list names 16 frameworks and which are checked by running the real software', () => {
    const result = cors(['export', '--list']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(16);
    expect(lines.filter((line) => line.includes('checked: runs'))).toHaveLength(6);
    expect(result.stdout).toMatch(/^nginx\s+nginx \(checked: runs nginx 1\.22\.1/m);
    expect(result.stdout).toMatch(/^spring\s+.*generated from documentation only/m);
    const json = JSON.parse(cors(['export', '--list', '--json']).stdout) as { framework: string; checked: unknown }[];
    expect(json.map((target) => target.framework)).toContain('rack-cors');
  });

  it('prints the configuration with the deployment origins resolved and the app status of the scenario', () => {
    const result = cors(['export', '--framework', 'express-cors', file('p.json', policyScenario)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('origin: ["http://web.localhost:8787"]');
    expect(result.stdout).toContain('res.status(500)');
    expect(result.stdout).toContain('// Quirk: cors treats every OPTIONS request as a preflight');
    const other = cors(['export', '--framework=nginx', '--origins', 'page=https://app.example.com', file('p2.json', policyScenario)]);
    expect(other.stdout).toContain('"https://app.example.com" $http_origin;');
  });

  it('--json gives the text, the options as data, the quirk and the checked flag; - reads stdin', () => {
    const result = cors(['export', '--framework', 's3', '--json', '-'], JSON.stringify(policyScenario));
    expect(result.code).toBe(0);
    const [made] = JSON.parse(result.stdout) as { id: string; options: { CORSRules: { AllowedOrigins: string[] }[] }; checked: unknown; quirk: string }[];
    expect(made?.id).toBe('listed-origin');
    expect(made?.options.CORSRules[0]?.AllowedOrigins).toEqual(['http://web.localhost:8787']);
    expect(made?.checked).toBe(false);
  });

  it('explains the headers the policy produced beside the browser decision', () => {
    const result = cors(['explain', file('e.json', { ...policyScenario, server: { ...policyScenario.server, policy: { allowOrigins: ['{other}'], allowMethods: ['PUT'] } } })]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('policy (express-cors):');
    expect(result.stdout).toContain('The policy does not allow the origin http://web.localhost:8787');
    expect(result.stdout).toContain('still answers 204 to a preflight from an origin it refuses');
  });

  it('refuses bad usage and scenarios without a policy with exit 2 and a reason', () => {
    expect(cors(['export', '--framework', 'iis', file('x.json', policyScenario)]).stderr).toContain('"iis" is not one of express-cors');
    expect(cors(['export', file('y.json', policyScenario)]).stderr).toContain('export needs --framework NAME');
    const none = cors(['export', '--framework', 'hono', file('z.json', { request: { url: '{api}/r' } })]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no scenario has a "server.policy"');
    const hostile = cors(['export', '--framework', 'nginx', file('h.json', { ...policyScenario, server: { policy: { allowOrigins: ['http://a.example; return 200 "x"'] } } })]);
    expect(hostile.code).toBe(2);
    expect(hostile.stderr).toContain('server.policy.allowOrigins[0]: "http://a.example; return 200 \\"x\\"" is not an origin');
  });
});
