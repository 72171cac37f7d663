import { validateScenario } from '@cors-playground/cors-core';
import { parseWirePath } from '@cors-playground/wire';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../presets/presets';
import { reproFilesFor, zipFiles } from './repro-bundle';

const origins = { page: 'http://web.localhost:8787', api: 'http://api.localhost:8787', other: 'http://other.localhost:8787' };
const runId = 'AAAAAAAAAAAAAAAAAAAAAA';

function preset(id: string) {
  const result = validateScenario(PRESETS.find((candidate) => candidate.id === id));
  if (!result.ok) throw new Error(id);
  return result.scenario;
}

describe('the playground repro bundle', () => {
  it('points the page and cURL at the echo server: the URL carries the run and the scenario answers', () => {
    const files = reproFilesFor(preset('preflight-401'), { origins, browser: 'chromium', runId });
    const data = JSON.parse(/id="repro-data">([^<]*)</.exec(files['repro.html']!)![1]!) as { runs: { url: string }[] };
    const url = new URL(data.runs[0]!.url);
    expect(url.origin).toBe(origins.api);
    const wire = parseWirePath(url.pathname);
    expect(wire).toMatchObject({ runId, logicalPath: '/secure' });
    expect(files['curl.sh']).toContain(`curl '${data.runs[0]!.url}'`);
  });

  it('a URL outside the playground is kept as written', () => {
    const scenario = { ...preset('simple-get'), request: { ...preset('simple-get').request, url: 'https://api.example.com/v1/items' } };
    const files = reproFilesFor(scenario, { origins, browser: 'chromium', runId });
    expect(files['repro.html']).toContain('"url":"https://api.example.com/v1/items"');
  });

  it('the .zip holds every file, byte for byte', () => {
    const files = reproFilesFor(preset('credentials-with-star'), { origins, browser: 'chromium', runId });
    const unzipped = unzipSync(zipFiles(files));
    expect(Object.fromEntries(Object.entries(unzipped).map(([name, bytes]) => [name, strFromU8(bytes)]))).toEqual(files);
  });
});
