import { describe, expect, it } from 'vitest';
import { paths } from '@cors-playground/wire';
import { matchInfraRoute } from './handler';

describe('the /__pg route table', () => {
  const key = 'AAAAAAAAAAAAAAAAAAAAAA';

  it('is built from the wire protocol: every path the web app uses names its endpoint', () => {
    expect(matchInfraRoute(paths.config)).toMatchObject({ endpoint: 'config' });
    expect(matchInfraRoute(paths.healthz)).toMatchObject({ endpoint: 'healthz' });
    expect(matchInfraRoute('/healthz')).toMatchObject({ endpoint: 'healthz' });
    expect(matchInfraRoute(paths.record(key))).toEqual({ endpoint: 'record', path: paths.record(':key'), key });
    expect(matchInfraRoute(paths.recordEvents(key))).toEqual({ endpoint: 'recordEvents', path: paths.recordEvents(':key'), key });
  });

  it('matches nothing else (the key is one segment; no prefix or suffix matches)', () => {
    for (const path of ['/__pg/record', `${paths.record(key)}/`, `${paths.recordEvents(key)}/x`, '/__pg/config/x', '/__pg/healthzz', '/']) expect(matchInfraRoute(path)).toBeUndefined();
    // An empty or malformed key still names the endpoint: the handler answers 400 for it.
    expect(matchInfraRoute(paths.record(''))).toMatchObject({ endpoint: 'record', key: '' });
  });
});
