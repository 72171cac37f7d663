import { describe, expect, it } from 'vitest';
import { RecordStore, type NewRecordedRequest } from './records';

const limits = { recordMaxRequests: 3, recordMaxRuns: 2, recordMaxAgeMs: 1000, recordMaxBytes: 1_000_000 };

function entry(path: string, body: string | null = null): NewRecordedRequest {
  return { origin: 'http://api.test', method: 'GET', path, rawHeaders: ['Host', 'api.test'], body, bodyBytes: body?.length ?? 0, bodyTruncated: false, kind: 'actual', route: null, answer: { status: 404, headers: [] }, durationMs: 0 };
}

describe('RecordStore', () => {
  it('numbers requests per run and times them from the run start', () => {
    let now = 100;
    const store = new RecordStore(limits, () => now);
    store.add('a', entry('/1'));
    now = 150;
    store.add('a', entry('/2'));
    expect(store.get('a').requests.map((r) => [r.seq, r.at, r.path])).toEqual([[0, 0, '/1'], [1, 50, '/2']]);
  });

  it('keeps at most recordMaxRequests per run and marks the run truncated', () => {
    const store = new RecordStore(limits);
    for (let i = 0; i < 5; i++) store.add('a', entry(`/${i}`));
    expect(store.get('a').requests).toHaveLength(3);
    expect(store.get('a').truncated).toBe(true);
  });

  it('drops the least recently used run when there are too many', () => {
    const store = new RecordStore(limits);
    store.add('a', entry('/a'));
    store.add('b', entry('/b'));
    store.get('a'); // a is now more recent than b
    store.add('c', entry('/c'));
    expect(store.get('b').requests).toEqual([]);
    expect(store.get('a').requests).toHaveLength(1);
    expect(store.size.runs).toBe(2);
  });

  it('drops runs past the byte bound, oldest first, and accounts bytes back', () => {
    const store = new RecordStore({ ...limits, recordMaxRuns: 100, recordMaxBytes: 20_000 });
    for (let i = 0; i < 10; i++) store.add(`run${i}`, entry('/x', 'y'.repeat(4000)));
    expect(store.size.bytes).toBeLessThanOrEqual(20_000);
    expect(store.get('run9').requests).toHaveLength(1);
    expect(store.get('run0').requests).toEqual([]);
  });

  it('forgets a run after its age limit and tells its listeners', () => {
    let now = 0;
    const store = new RecordStore(limits, () => now);
    const events: string[] = [];
    store.subscribe('a', (event) => events.push(event.type));
    store.add('a', entry('/a'));
    now = 1000;
    store.sweep();
    expect(store.get('a').requests).toEqual([]);
    expect(events).toEqual(['request', 'closed']);
  });

  it('reads an unknown run as empty', () => {
    expect(new RecordStore(limits).get('nobody')).toEqual({ runId: 'nobody', requests: [], truncated: false });
  });
});
