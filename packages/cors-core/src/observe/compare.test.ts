import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTCOMES, type Expect } from '../scenario/schema';
import { compareExpect, expectFor, expectForRun, formatDifference } from './compare';
import type { Observation, ObservedRun } from './types';

const run: ObservedRun = {
  preflight: true,
  preflightHeaders: { 'access-control-request-method': 'PUT', origin: 'http://web.localhost:8787' },
  preflightCount: 1,
  actualSent: true,
  receivedHeaders: { origin: 'http://web.localhost:8787' },
  outcome: 'ok',
  status: 200,
  readable: { 'content-type': 'text/plain', 'x-secret': null },
  console: null,
};
const observation: Observation = { ...run, runs: [run] };

describe('compareExpect: only the fields and names the expectation lists', () => {
  const table: [string, Expect, string[]][] = [
    ['nothing expected', {}, []],
    ['matching scalars', { preflight: true, outcome: 'ok', status: 200, actualSent: true, preflightCount: 1 }, []],
    ['different outcome', { outcome: 'network-error' }, ['outcome']],
    ['different status', { status: 204 }, ['status']],
    ['preflight expected absent', { preflight: false }, ['preflight']],
    ['preflight header matches ignoring name case', { preflightHeaders: { 'Access-Control-Request-Method': 'PUT' } }, []],
    ['preflight header value differs', { preflightHeaders: { 'access-control-request-method': 'put' } }, ['preflightHeaders.access-control-request-method']],
    ['header expected absent but present', { receivedHeaders: { origin: null } }, ['receivedHeaders.origin']],
    ['header expected absent and absent', { receivedHeaders: { 'x-custom': null } }, []],
    ['readable header hidden as expected', { readable: { 'x-secret': null } }, []],
    ['readable header expected visible', { readable: { 'x-secret': '1' } }, ['readable.x-secret']],
    ['name not in the observation reads as null', { readable: { 'x-other': null } }, []],
    ['console expected, none printed', { console: 'Access to fetch ...' }, ['console']],
  ];
  it.each(table)('%s', (_name, expected, fields) => {
    expect(compareExpect(expected, observation).map((difference) => difference.field)).toEqual(fields);
  });

  it('reports expected and actual values', () => {
    expect(compareExpect({ status: 204 }, observation)).toEqual([{ field: 'status', expected: 204, actual: 200 }]);
    expect(formatDifference({ field: 'readable.x', expected: null, actual: 'v' })).toBe('readable.x: expected null, got "v"');
  });

  it('does not compare the console when the engine exposes none', () => {
    const { console: _console, ...silentRun } = run;
    expect(compareExpect({ console: 'text' }, { ...silentRun, runs: [silentRun] })).toEqual([]);
  });
});

describe('compareExpect: runs', () => {
  const second: ObservedRun = { ...run, preflight: false, preflightCount: 0, preflightHeaders: {} };
  const twoRuns: Observation = { ...run, runs: [run, second] };

  it('merges runs[i] over the top-level fields and names the run', () => {
    expect(compareExpect({ preflight: true, runs: [{}, { preflight: false }] }, twoRuns)).toEqual([]);
    expect(compareExpect({ preflight: true }, twoRuns)).toEqual([{ field: 'runs[1].preflight', expected: true, actual: false }]);
  });

  it('reports an expected run that did not happen', () => {
    expect(compareExpect({ runs: [{}, { preflight: false }] }, observation).map((d) => d.field)).toEqual(['runs[1]']);
  });

  it('lets a run replace a top-level field, header maps as a whole', () => {
    expect(expectForRun({ status: 200, readable: { a: '1' }, runs: [{ readable: { b: null } }] }, 0)).toEqual({ status: 200, readable: { b: null } });
  });
});

describe('expectFor', () => {
  it('merges expectBy[engine] over expect, runs entry by entry', () => {
    const scenario = {
      expect: { outcome: 'ok' as const, readable: { a: '1' }, runs: [{ preflight: true }, { preflight: false }] },
      expectBy: { firefox: { status: 204, readable: { b: null }, runs: [{}, { preflight: true }] } },
    };
    expect(expectFor(scenario, 'firefox')).toEqual({
      outcome: 'ok',
      status: 204,
      readable: { a: '1', b: null },
      runs: [{ preflight: true }, { preflight: true }],
    });
    expect(expectFor(scenario, 'chromium')).toEqual(scenario.expect);
    expect(expectFor({}, 'webkit')).toBeUndefined();
  });

  it("expects expect's console text (Chromium's wording) only in Chromium; other engines only their own", () => {
    const scenario = {
      expect: { outcome: 'network-error' as const, console: 'Access to fetch ...', runs: [{ console: null }] },
      expectBy: { firefox: { console: 'Cross-Origin Request Blocked: ...' } },
    };
    expect(expectFor(scenario, 'chromium')).toEqual(scenario.expect);
    expect(expectFor(scenario, 'firefox')).toEqual({ outcome: 'network-error', console: 'Cross-Origin Request Blocked: ...', runs: [{}] });
    expect(expectFor(scenario, 'webkit')).toEqual({ outcome: 'network-error', runs: [{}] });
  });
});

// Properties: an observation always agrees with itself, and nothing the expectation side holds makes
// the comparison throw (a scenario file written by hand may hold anything the schema lets through).
const headerValues = fc.dictionary(fc.string({ maxLength: 12 }), fc.option(fc.string({ maxLength: 12 }), { nil: null }), { maxKeys: 4 });
const observedRun = fc.record({
  preflight: fc.boolean(),
  preflightHeaders: headerValues,
  preflightCount: fc.nat(5),
  actualSent: fc.boolean(),
  receivedHeaders: headerValues,
  outcome: fc.constantFrom(...OUTCOMES),
  status: fc.nat(599),
  readable: headerValues,
  console: fc.option(fc.string(), { nil: null }),
});
const fullObservation = fc.array(observedRun, { minLength: 1, maxLength: 4 }).map((runs): Observation => ({ ...runs[0]!, runs }));

describe('compareExpect: properties', () => {
  it('finds no difference between an observation and itself', () => {
    fc.assert(fc.property(fullObservation, (value) => compareExpect(value, value).length === 0));
  });

  it('never throws, whatever both sides hold', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (expected, actual) => {
        compareExpect(expected as Expect, actual as Expect);
      }),
    );
  });
});
