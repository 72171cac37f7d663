import { describe, expect, it } from 'vitest';
import { explain } from '../explain/explain';
import { scenario } from '../fetch/test-helpers';
import { parseUrl } from '../fetch/urls';
import { DEFAULT_ORIGINS } from '../scenario/placeholders';
import { FOREIGN_LOCATION_ANSWER, locationStaysInDeployment } from './location-rule';

const { page, api, other } = DEFAULT_ORIGINS;
const own = [page, api, other];

describe("the echo server's Location rule (DESIGN.md, \"The wire URL\": no open redirect)", () => {
  it.each([
    [`${other}/final`, true],
    ['/relative?q=1', true],
    ['//other.localhost:8787/x', true],
    ['https://api.localhost:8787/x', false],
    ['http://evil.example/x', false],
    ['//evil.example/x', false],
    ['ftp://api.localhost:8787/x', false],
    ['http://[::1', false],
  ])('Location %j from the api origin stays in the deployment: %s', (location, expected) => {
    expect(locationStaysInDeployment(location, `${api}/start`, own)).toBe(expected);
    expect(locationStaysInDeployment(location, parseUrl(`${api}/start`) as NonNullable<ReturnType<typeof parseUrl>>, own)).toBe(expected);
  });

  it('a Location outside the deployment is predicted as the 400 answer, without CORS headers, on any status', () => {
    const explanation = explain(scenario({
      request: { url: '{api}/start' },
      server: { routes: { '/start': { actual: { status: 201, headers: [['Access-Control-Allow-Origin', '*'], ['Location', 'http://evil.example/']] } } } },
    }));
    expect(explanation.requests.map((request) => request.status)).toEqual([FOREIGN_LOCATION_ANSWER.status]);
    expect(explanation.prediction.outcome).toBe('network-error');
  });

  it.each([
    ['a Location holding a backslash (browsers read it as "/", other parsers do not)', `${api}\\@evil.example/`],
  ])('%s is refused', (_why, location) => {
    expect(locationStaysInDeployment(location, `${api}/start`, own)).toBe(false);
  });
});

describe('the echo server frames every answer itself', () => {
  it.each([204, 304])('a scenario Content-Length on a %i answer is predicted as the echo server\'s 400', (status) => {
    const explanation = explain(scenario({
      request: { url: '{api}/start' },
      server: { routes: { '/start': { actual: { status, headers: [['Access-Control-Allow-Origin', '*'], ['Content-Length', '0']] } } } },
    }));
    expect(explanation.requests.map((request) => request.status)).toEqual([400]);
    expect(explanation.prediction.outcome).toBe('network-error');
  });
});
