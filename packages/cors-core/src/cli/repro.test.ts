// `cors repro` as a user runs it: a subprocess (tsx), real files, real exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const packageDir = join(import.meta.dirname, '..', '..');
const tsx = join(packageDir, '..', '..', 'node_modules', '.bin', 'tsx');
const main = join(packageDir, 'src', 'cli', 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'cors-repro-'));

function cors(args: string[], input?: string) {
  const result = spawnSync(tsx, [main, ...args], { encoding: 'utf8', input, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const blocked = { id: 'no-acao', title: 'No ACAO', request: { url: '{api}/resource', method: 'PUT' }, server: { routes: { '/resource': { actual: { status: 200, headers: [] } } } } };

describe('cors repro', { timeout: 120_000 }, () => {
  it('prints the explanation as Markdown from stdin, with the origins given', () => {
    const { code, stdout } = cors(['repro', '--origins', 'page=https://app.example.com,api=https://api.example.com', '-'], JSON.stringify(blocked));
    expect(code).toBe(0);
    expect(stdout).toContain('# CORS repro: No ACAO');
    expect(stdout).toContain('fetch() `PUT` `https://api.example.com/resource`');
    expect(stdout).toContain('](https://fetch.spec.whatwg.org/#cors-preflight-fetch');
  });

  it('--out writes the four files', () => {
    const input = join(dir, 'in.json');
    writeFileSync(input, JSON.stringify([blocked, { ...blocked, id: 'two' }]));
    const out = join(dir, 'bundle');
    const { code, stderr } = cors(['repro', '--id', 'no-acao', '--out', out, input]);
    expect(code, stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['README.md', 'curl.sh', 'repro.html', 'scenario.json']);
    expect(readFileSync(join(out, 'curl.sh'), 'utf8')).toContain("-X 'OPTIONS'");
    expect(JSON.parse(readFileSync(join(out, 'scenario.json'), 'utf8')).id).toBe('no-acao');
  });

  it('says what is wrong: several scenarios without --id, an unknown id, an unknown option', () => {
    const input = join(dir, 'two.json');
    writeFileSync(input, JSON.stringify([blocked, { ...blocked, id: 'two' }]));
    expect(cors(['repro', input])).toMatchObject({ code: 2, stderr: expect.stringContaining('holds 2 scenarios; pick one with --id (ids: no-acao, two)') });
    expect(cors(['repro', '--id', 'three', input])).toMatchObject({ code: 2, stderr: expect.stringContaining('no scenario with id "three"') });
    expect(cors(['repro', '--zip', input])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown option --zip') });
  });
});
