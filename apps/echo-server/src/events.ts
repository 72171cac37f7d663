// The live record (`/__pg/record/<key>/events`) as Server-Sent Events: the requests recorded so far
// (after `Last-Event-ID`), then each new one as it arrives; a comment line as heartbeat; closed when the
// run's record expires, when the run is evicted, or on shutdown. Written to a small sink so that both
// Node's ServerResponse and a connection parsed by raw-http.ts can carry it.
import type { RecordedRequest } from '@cors-playground/wire';
import type { RecordStore } from './records';

export interface EventSink {
  write(text: string): void;
  end(): void;
  /** Bytes queued but not yet taken by the client (a client that never reads is cut off). */
  backlog(): number;
  onClose(listener: () => void): void;
}

/** Queued bytes after which a stream whose client does not read is closed. */
const MAX_BACKLOG_BYTES = 1_048_576;

export const EVENT_STREAM_HEADERS: [string, string][] = [
  ['Content-Type', 'text/event-stream; charset=utf-8'],
  ['Cache-Control', 'no-store'],
  ['Access-Control-Allow-Origin', '*'],
  ['X-Accel-Buffering', 'no'],
];

export class EventStreams {
  private readonly open = new Set<() => void>();

  constructor(
    private readonly store: RecordStore,
    private readonly options: { heartbeatMs: number; maxStreams: number },
  ) {}

  get count(): number {
    return this.open.size;
  }

  get full(): boolean {
    return this.open.size >= this.options.maxStreams;
  }

  /** Streams a run's record to a sink whose headers are already written. */
  stream(runId: string, lastEventId: number, sink: EventSink): void {
    let closed = false;
    const send = (request: RecordedRequest) => {
      if (closed || request.seq <= lastEventId) return;
      sink.write(`id: ${request.seq}\nevent: request\ndata: ${JSON.stringify(request)}\n\n`);
      if (sink.backlog() > MAX_BACKLOG_BYTES) close();
    };
    const close = () => {
      if (closed) return;
      closed = true;
      this.open.delete(close);
      clearInterval(heartbeat);
      clearTimeout(expiry);
      unsubscribe();
      sink.write('event: end\ndata: {}\n\n');
      sink.end();
    };
    sink.write('retry: 2000\n\n');
    for (const request of this.store.get(runId).requests) send(request);
    const unsubscribe = this.store.subscribe(runId, (event) => (event.type === 'request' ? send(event.request) : close()));
    const heartbeat = setInterval(() => sink.write(': heartbeat\n\n'), this.options.heartbeatMs);
    const expiry = setTimeout(close, Math.max(0, this.store.expiresAt(runId) - Date.now()));
    heartbeat.unref();
    expiry.unref();
    this.open.add(close);
    sink.onClose(() => {
      closed = true;
      this.open.delete(close);
      clearInterval(heartbeat);
      clearTimeout(expiry);
      unsubscribe();
    });
  }

  closeAll(): void {
    for (const close of [...this.open]) close();
  }
}
