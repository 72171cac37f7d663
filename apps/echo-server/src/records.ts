// What the server received, per run (docs/DESIGN.md, "The record"). Bounded four ways so that no client
// can make the process grow: requests per run, runs in total (least recently used dropped first), age,
// and approximate bytes in total. Reading needs the run's key (protocol.ts `runIdForKey`), which never
// appears on the wire in a scenario request, so one run cannot read another's record.
import type { RecordedRequest, RunRecord } from './protocol';

/** Bytes of a request body kept in the record. */
export const RECORD_BODY_BYTES = 4096;

export interface RecordLimits {
  recordMaxRequests: number;
  recordMaxRuns: number;
  recordMaxAgeMs: number;
  recordMaxBytes: number;
}

export type RecordEvent = { type: 'request'; request: RecordedRequest } | { type: 'closed' };
type Listener = (event: RecordEvent) => void;

/**
 * A request as the handler gives it to the store. Header lines are flat, as Node's `rawHeaders` has them
 * (name, value, name, value...): the store keeps that array as it is and pairs the lines up only when
 * the record is read. Every request of a busy server is kept until its run is dropped, so each object
 * kept per request costs garbage-collector time on every request (see README "Bench").
 */
export interface NewRecordedRequest extends Omit<RecordedRequest, 'seq' | 'at' | 'rawHeaders'> {
  rawHeaders: readonly string[];
}

/** What the store keeps per request: one object (the handler's answer headers are shared, not copied). */
interface StoredRequest extends NewRecordedRequest {
  seq: number;
  at: number;
}

interface Run {
  createdAt: number;
  requests: StoredRequest[];
  truncated: boolean;
  bytes: number;
  listeners: Set<Listener>;
}

/** Rough size of a recorded request in memory (UTF-16 strings), for the total-bytes bound. */
function approximateBytes(request: NewRecordedRequest): number {
  let chars = request.method.length + request.path.length + request.origin.length + (request.body?.length ?? 0) + (request.route?.length ?? 0);
  const raw = request.rawHeaders;
  for (let i = 0; i < raw.length; i++) chars += raw[i]!.length + 8;
  if ('headers' in request.answer) for (const [name, value] of request.answer.headers) chars += name.length + value.length + 16;
  else chars += request.answer.error.length;
  return chars * 2 + 256;
}

/** The record's form of a stored request (docs/DESIGN.md "The record"): header lines as [name, value] pairs. */
function recorded(stored: StoredRequest): RecordedRequest {
  const raw = stored.rawHeaders;
  const rawHeaders: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) rawHeaders.push([raw[i]!, raw[i + 1]!]);
  return {
    seq: stored.seq,
    at: stored.at,
    origin: stored.origin,
    method: stored.method,
    path: stored.path,
    rawHeaders,
    body: stored.body,
    bodyBytes: stored.bodyBytes,
    bodyTruncated: stored.bodyTruncated,
    kind: stored.kind,
    route: stored.route,
    answer: stored.answer,
    durationMs: stored.durationMs,
  };
}

export class RecordStore {
  /** Insertion order = least recently used first. */
  private readonly runs = new Map<string, Run>();
  private totalBytes = 0;

  constructor(
    private readonly limits: RecordLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a request and tells the run's live listeners. The caller must not change `request` afterwards. */
  add(runId: string, request: NewRecordedRequest): void {
    const now = this.now();
    let run = this.touch(runId, now);
    if (!run) {
      run = { createdAt: now, requests: [], truncated: false, bytes: 0, listeners: new Set() };
      this.runs.set(runId, run);
    }
    if (run.requests.length >= this.limits.recordMaxRequests) {
      run.truncated = true;
    } else {
      const entry: StoredRequest = {
        seq: run.requests.length,
        at: now - run.createdAt,
        origin: request.origin,
        method: request.method,
        path: request.path,
        rawHeaders: request.rawHeaders,
        body: request.body,
        bodyBytes: request.bodyBytes,
        bodyTruncated: request.bodyTruncated,
        kind: request.kind,
        route: request.route,
        answer: request.answer,
        durationMs: request.durationMs,
      };
      const bytes = approximateBytes(request);
      run.requests.push(entry);
      run.bytes += bytes;
      this.totalBytes += bytes;
      if (run.listeners.size > 0) {
        const event: RecordEvent = { type: 'request', request: recorded(entry) };
        for (const listener of run.listeners) listener(event);
      }
    }
    if (this.runs.size > this.limits.recordMaxRuns || this.totalBytes > this.limits.recordMaxBytes) this.evict(runId);
  }

  /** The record of a run; an unknown or expired run reads as empty (ids are not enumerable). */
  get(runId: string): RunRecord {
    const run = this.touch(runId, this.now());
    return { runId, requests: run ? run.requests.map(recorded) : [], truncated: run?.truncated ?? false };
  }

  /** When the run's record will be dropped (for a run not seen yet: the age limit from now). */
  expiresAt(runId: string): number {
    const run = this.runs.get(runId);
    return (run?.createdAt ?? this.now()) + this.limits.recordMaxAgeMs;
  }

  /** Listens to a run's new requests; the listener gets `closed` when the run is dropped. */
  subscribe(runId: string, listener: Listener): () => void {
    let run = this.runs.get(runId);
    if (!run) {
      // A page may open the stream before its first request: hold an empty run for it.
      run = { createdAt: this.now(), requests: [], truncated: false, bytes: 0, listeners: new Set() };
      this.runs.set(runId, run);
      this.evict(runId);
    }
    run.listeners.add(listener);
    return () => run.listeners.delete(listener);
  }

  /** Drops expired runs; the server calls this periodically. */
  sweep(): void {
    const now = this.now();
    for (const [runId, run] of this.runs) if (now - run.createdAt >= this.limits.recordMaxAgeMs) this.drop(runId, run);
  }

  get size(): { runs: number; bytes: number } {
    return { runs: this.runs.size, bytes: this.totalBytes };
  }

  /** Closes every live listener (shutdown). */
  closeAll(): void {
    for (const run of this.runs.values()) {
      for (const listener of run.listeners) listener({ type: 'closed' });
      run.listeners.clear();
    }
  }

  private touch(runId: string, now: number): Run | undefined {
    const run = this.runs.get(runId);
    if (!run) return undefined;
    if (now - run.createdAt >= this.limits.recordMaxAgeMs) {
      this.drop(runId, run);
      return undefined;
    }
    this.runs.delete(runId);
    this.runs.set(runId, run);
    return run;
  }

  /** Drops least recently used runs (never `keep`) until both the run and byte bounds hold. */
  private evict(keep: string): void {
    for (const [runId, run] of this.runs) {
      if (this.runs.size <= this.limits.recordMaxRuns && this.totalBytes <= this.limits.recordMaxBytes) return;
      if (runId !== keep) this.drop(runId, run);
    }
  }

  private drop(runId: string, run: Run): void {
    this.runs.delete(runId);
    this.totalBytes -= run.bytes;
    for (const listener of run.listeners) listener({ type: 'closed' });
    run.listeners.clear();
  }
}
