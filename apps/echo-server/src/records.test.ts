import fc from 'fast-check';
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

  it('gives back method, path and header lines exactly as received, whatever they hold', () => {
    // The store packs a request's lines into one string; any text, LF included, must come back the same.
    const line = fc.string({ unit: 'binary', maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(line, line), { maxLength: 6 }), line, line, (pairs, method, path) => {
        const store = new RecordStore(limits);
        store.add('a', { ...entry(path), method, rawHeaders: pairs.flat() });
        const [request] = store.get('a').requests;
        expect([request?.method, request?.path, request?.rawHeaders]).toEqual([method, path, pairs]);
      }),
    );
  });

  it('counts the same bytes for a request whether its lines could be packed or not', () => {
    const plain = new RecordStore(limits);
    plain.add('a', { ...entry('/x'), rawHeaders: ['X-A', 'one two'] });
    const withLf = new RecordStore(limits);
    withLf.add('a', { ...entry('/x'), rawHeaders: ['X-A', 'one\ntwo'] });
    expect(withLf.size.bytes).toBe(plain.size.bytes);
  });

  it('tells live listeners each new request as the record shows it', () => {
    const store = new RecordStore(limits);
    const seen: unknown[] = [];
    store.subscribe('a', (event) => seen.push(event.type === 'request' ? event.request : event.type));
    store.add('a', { ...entry('/live'), rawHeaders: ['Host', 'api.test', 'X-Dup', '1', 'x-dup', ''] });
    expect(seen).toEqual([expect.objectContaining({ seq: 0, path: '/live', rawHeaders: [['Host', 'api.test'], ['X-Dup', '1'], ['x-dup', '']] })]);
  });

  it('keeps the most recently used runs, like a plain list would (any order of adds and reads)', () => {
    // A model: a list with the most recently used run last; adding or reading moves a run to the end;
    // past the bound, the first runs go.
    const maxRuns = 3;
    const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const step = fc.tuple(fc.constantFrom('add', 'get', 'subscribe'), ids);
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const store = new RecordStore({ ...limits, recordMaxRuns: maxRuns, recordMaxRequests: 100 });
        let model: { id: string; requests: number }[] = [];
        for (const [operation, id] of steps) {
          const known = model.find((run) => run.id === id);
          if (operation === 'add') {
            store.add(id, entry(`/${id}`));
            model = [...model.filter((run) => run.id !== id), { id, requests: (known?.requests ?? 0) + 1 }];
          } else if (operation === 'get') {
            expect(store.get(id).requests).toHaveLength(known?.requests ?? 0);
            if (known) model = [...model.filter((run) => run.id !== id), known];
          } else {
            store.subscribe(id, () => {});
            if (!known) model = [...model, { id, requests: 0 }];
          }
          while (model.length > maxRuns) model.shift();
          expect(store.size.runs).toBe(model.length);
        }
        for (const run of model) expect(store.get(run.id).requests).toHaveLength(run.requests);
      }),
    );
  });
});
