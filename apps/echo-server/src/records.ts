// What the server received, per run (docs/DESIGN.md, "The record"). Bounded four ways so that no client
// can make the process grow: requests per run, runs in total (least recently used dropped first), age,
// and approximate bytes in total. Reading needs the run's key (protocol.ts `runIdForKey`), which never
// appears on the wire in a scenario request, so one run cannot read another's record.
import type { RecordedRequest, RunRecord } from '@cors-playground/wire';

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
 * (name, value, name, value...); they are paired up only when the record is read.
 */
export interface NewRecordedRequest extends Omit<RecordedRequest, 'seq' | 'at' | 'rawHeaders'> {
  rawHeaders: readonly string[];
}

/**
 * What the store keeps per request: one object and one string. A busy server keeps every request until
 * its run is dropped, so each object kept per request is copied and marked by the garbage collector
 * again and again: the method, the path and the header lines are kept as one string (see README "Bench").
 */
interface StoredRequest extends Omit<NewRecordedRequest, 'method' | 'path' | 'rawHeaders'> {
  seq: number;
  at: number;
  /** The method, the path, then the header lines. */
  lines: PackedLines;
}

/**
 * Lines joined with LF into one new string (which also lets go of the request line or target the method
 * and path were cut from). A method and a header name are tokens, and neither parser lets an LF into a
 * path or a header value; a line that holds one anyway keeps the lines as an array.
 */
type PackedLines = string | readonly string[];

function packLines(method: string, path: string, rawHeaders: readonly string[]): PackedLines {
  const lines = [method, path].concat(rawHeaders);
  for (let i = 0; i < lines.length; i++) if (lines[i]!.includes('\n')) return lines;
  return lines.join('\n');
}

function unpackLines(packed: PackedLines): readonly string[] {
  return typeof packed === 'string' ? packed.split('\n') : packed;
}

interface Run {
  id: string;
  createdAt: number;
  requests: StoredRequest[];
  truncated: boolean;
  bytes: number;
  /** Created for the first listener (most runs never have one). */
  listeners: Set<Listener> | null;
  /** Neighbours in the least-recently-used list. */
  older: Run | null;
  newer: Run | null;
}

/** Rough size of a recorded request in memory (UTF-16 strings), for the total-bytes bound. */
function approximateBytes(request: NewRecordedRequest, lines: PackedLines): number {
  // The method, the path, and each header name and value with 8 more; packed, they are one string with
  // one LF between each two of them.
  const count = request.rawHeaders.length;
  let chars = request.origin.length + (request.body?.length ?? 0) + (request.route?.length ?? 0) + 8 * count;
  if (typeof lines === 'string') chars += lines.length - (count + 1);
  else for (const line of lines) chars += line.length;
  chars += answerChars(request.answer);
  if (request.backend) chars += 128 + (request.backend.restarted?.length ?? 0) + request.backend.dropped.join('').length;
  return chars * 2 + 256;
}

// Answers shared by many requests (frozen: see handler.ts) are measured once.
const measuredAnswers = new WeakMap<NewRecordedRequest['answer'], number>();

function answerChars(answer: NewRecordedRequest['answer']): number {
  if (!('headers' in answer)) return answer.error.length;
  let chars = Object.isFrozen(answer) ? measuredAnswers.get(answer) : undefined;
  if (chars === undefined) {
    chars = 0;
    for (const [name, value] of answer.headers) chars += name.length + value.length + 16;
    if (Object.isFrozen(answer)) measuredAnswers.set(answer, chars);
  }
  return chars;
}

/** The record's form of a stored request (docs/DESIGN.md "The record"): header lines as [name, value] pairs. */
function recorded(stored: StoredRequest): RecordedRequest {
  const lines = unpackLines(stored.lines);
  const rawHeaders: [string, string][] = [];
  for (let i = 2; i + 1 < lines.length; i += 2) rawHeaders.push([lines[i]!, lines[i + 1]!]);
  return {
    seq: stored.seq,
    at: stored.at,
    origin: stored.origin,
    method: lines[0]!,
    path: lines[1]!,
    rawHeaders,
    body: stored.body,
    bodyBytes: stored.bodyBytes,
    bodyTruncated: stored.bodyTruncated,
    kind: stored.kind,
    route: stored.route,
    answer: stored.answer,
    durationMs: stored.durationMs,
    ...(stored.backend ? { backend: stored.backend } : {}),
  };
}

export class RecordStore {
  private readonly runs = new Map<string, Run>();
  /** The least-recently-used list: a doubly linked list, so that using or dropping a run costs the same however many there are. */
  private oldest: Run | null = null;
  private newest: Run | null = null;
  private totalBytes = 0;

  constructor(
    private readonly limits: RecordLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a request and tells the run's live listeners. The caller must not change `request` afterwards. */
  add(runId: string, request: NewRecordedRequest): void {
    const now = this.now();
    const run = this.touch(runId, now) ?? this.create(runId, now);
    if (run.requests.length >= this.limits.recordMaxRequests) {
      run.truncated = true;
    } else {
      const lines = packLines(request.method, request.path, request.rawHeaders);
      const entry: StoredRequest = {
        seq: run.requests.length,
        at: now - run.createdAt,
        origin: request.origin,
        lines,
        body: request.body,
        bodyBytes: request.bodyBytes,
        bodyTruncated: request.bodyTruncated,
        kind: request.kind,
        route: request.route,
        answer: request.answer,
        durationMs: request.durationMs,
        ...(request.backend ? { backend: request.backend } : {}),
      };
      const bytes = approximateBytes(request, lines);
      run.requests.push(entry);
      run.bytes += bytes;
      this.totalBytes += bytes;
      if (run.listeners !== null && run.listeners.size > 0) {
        const event: RecordEvent = { type: 'request', request: recorded(entry) };
        for (const listener of run.listeners) listener(event);
      }
    }
    this.evict(run);
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
      run = this.create(runId, this.now());
      this.evict(run);
    }
    const listeners = (run.listeners ??= new Set());
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Drops expired runs; the server calls this periodically. */
  sweep(): void {
    const now = this.now();
    for (let run = this.oldest; run !== null; ) {
      const newer = run.newer;
      if (now - run.createdAt >= this.limits.recordMaxAgeMs) this.drop(run);
      run = newer;
    }
  }

  get size(): { runs: number; bytes: number } {
    return { runs: this.runs.size, bytes: this.totalBytes };
  }

  /** Closes every live listener (shutdown). */
  closeAll(): void {
    for (const run of this.runs.values()) {
      if (run.listeners === null) continue;
      for (const listener of run.listeners) listener({ type: 'closed' });
      run.listeners.clear();
    }
  }

  private create(runId: string, now: number): Run {
    const run: Run = { id: runId, createdAt: now, requests: [], truncated: false, bytes: 0, listeners: null, older: this.newest, newer: null };
    if (this.newest) this.newest.newer = run;
    else this.oldest = run;
    this.newest = run;
    this.runs.set(runId, run);
    return run;
  }

  private touch(runId: string, now: number): Run | undefined {
    const run = this.runs.get(runId);
    if (!run) return undefined;
    if (now - run.createdAt >= this.limits.recordMaxAgeMs) {
      this.drop(run);
      return undefined;
    }
    if (run !== this.newest) {
      // Moved to the newest end of the list.
      this.unlink(run);
      run.older = this.newest;
      run.newer = null;
      if (this.newest) this.newest.newer = run;
      else this.oldest = run;
      this.newest = run;
    }
    return run;
  }

  /** Drops least recently used runs (never `keep`) until both the run and byte bounds hold. */
  private evict(keep: Run): void {
    let run = this.oldest;
    while (run !== null && (this.runs.size > this.limits.recordMaxRuns || this.totalBytes > this.limits.recordMaxBytes)) {
      const newer = run.newer;
      if (run !== keep) this.drop(run);
      run = newer;
    }
  }

  private unlink(run: Run): void {
    if (run.older) run.older.newer = run.newer;
    else this.oldest = run.newer;
    if (run.newer) run.newer.older = run.older;
    else this.newest = run.older;
    run.older = null;
    run.newer = null;
  }

  private drop(run: Run): void {
    this.runs.delete(run.id);
    this.unlink(run);
    this.totalBytes -= run.bytes;
    if (run.listeners === null) return;
    for (const listener of run.listeners) listener({ type: 'closed' });
    run.listeners.clear();
  }
}
