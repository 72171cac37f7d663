import { describe, expect, it } from 'vitest';
import { splitConsoleByRun, type ConsoleEntry } from './console';

const message = (text: string): ConsoleEntry => ({ kind: 'message', text });
const boundary = (index: number): ConsoleEntry => ({ kind: 'boundary', index });

describe('splitConsoleByRun', () => {
  it('gives each run the messages printed before its boundary; null when it printed nothing', () => {
    const entries = [message('a'), boundary(0), boundary(1), message('c'), message('d'), boundary(2)];
    expect(splitConsoleByRun(entries, 3)).toEqual(['a', null, 'c\nd']);
  });

  it('gives messages arriving after the last boundary to the last run', () => {
    expect(splitConsoleByRun([boundary(0), message('late')], 1)).toEqual(['late']);
  });

  it("leaves out Chromium's companion network line and Firefox's XHR parser message", () => {
    expect(splitConsoleByRun([message('Access to fetch ... blocked'), message('Failed to load resource: net::ERR_FAILED')], 1)).toEqual(['Access to fetch ... blocked']);
    expect(splitConsoleByRun([message('XML Parsing Error: syntax error\nLocation: http://api/resource')], 1)).toEqual([null]);
  });

  const blocked = 'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://api/resource.';
  const didNotSucceed = `${blocked} (Reason: CORS request did not succeed). Status code: (null).`;
  it("leaves out Firefox's generic follow-up after a message that gave the reason, not on its own", () => {
    const reason = `${blocked} (Reason: CORS preflight response did not succeed). Status code: 404.`;
    expect(splitConsoleByRun([message(reason), message(didNotSucceed)], 1)).toEqual([reason]);
    expect(splitConsoleByRun([message(didNotSucceed)], 1)).toEqual([didNotSucceed]);
  });
});
