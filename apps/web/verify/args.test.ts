import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('defaults to the corpus in Chromium with two lanes', () => {
    expect(parseArgs([])).toEqual({ ok: true, args: { engines: ['chromium'], json: null, only: null, report: 'reports/verify.md', files: [], workers: 2, freshBrowser: false, recordKnown: false, backend: null, help: false } });
  });

  it('reads every option, with a space or =', () => {
    const parsed = parseArgs(['--browser=all', '--json', 'out.json', '--only', 'a, b', '--report=r.md', '--workers', '1', '--fresh-browser', '--record-known', 'x.json']);
    expect(parsed).toEqual({ ok: true, args: { engines: ['chromium', 'firefox', 'webkit'], json: 'out.json', only: ['a', 'b'], report: 'r.md', files: ['x.json'], workers: 1, freshBrowser: true, recordKnown: true, backend: null, help: false } });
  });

  it.each([
    [['--browser', 'safari'], '--browser: expected chromium, firefox, webkit or all, got "safari"'],
    [['--json'], '--json: expected an output file'],
    [['--only', ' , '], '--only: expected scenario ids separated by commas'],
    [['--workers', '0'], '--workers: expected a whole number from 1 to 16, got "0"'],
    [['--verbose'], 'unknown option --verbose'],
  ])('names the bad argument: %j', (argv, error) => {
    expect(parseArgs(argv)).toEqual({ ok: false, error });
  });
});

describe('--backend', () => {
  it('takes real or model, and names anything else', () => {
    expect(parseArgs(['--backend', 'real'])).toMatchObject({ ok: true, args: { backend: 'real' } });
    expect(parseArgs(['--backend=model'])).toMatchObject({ ok: true, args: { backend: 'model' } });
    expect(parseArgs([])).toMatchObject({ ok: true, args: { backend: null } });
    expect(parseArgs(['--backend', 'express'])).toEqual({ ok: false, error: '--backend: expected real or model, got "express"' });
  });
});
