// The record entry of a scenario request (docs/DESIGN.md "The record"), written before its answer: the
// page reads the record as soon as its request settles. One writer for the echo server's own answers
// and for the answers of a real backend.
import type { RecordedBackend, WirePath } from '@cors-playground/wire';
import type { EchoConfig } from './config';
import type { Exchange } from './handler';
import type { NewRecordedRequest, RecordStore } from './records';

export interface RecordedAnswer {
  kind: NewRecordedRequest['kind'];
  route: string | null;
  answer: NewRecordedRequest['answer'];
  /** Added to the time since arrival (the answer's delay). */
  delayMs?: number;
  backend?: RecordedBackend;
}

export function recordScenarioRequest(store: RecordStore, config: EchoConfig, exchange: Exchange, origin: string, wire: WirePath, recorded: RecordedAnswer): void {
  const stored = exchange.bodyBytes === 0 ? null : exchange.body.subarray(0, config.limits.recordBodyBytes);
  store.add(wire.runId, {
    origin,
    method: exchange.method,
    path: wire.logicalPath,
    rawHeaders: exchange.rawHeaders,
    body: stored === null ? null : stored.toString('utf8'),
    bodyBytes: exchange.bodyBytes,
    bodyTruncated: exchange.bodyBytes > (stored?.length ?? 0),
    kind: recorded.kind,
    route: recorded.route,
    answer: recorded.answer,
    durationMs: Math.round((performance.now() - exchange.startedAt + (recorded.delayMs ?? 0)) * 1000) / 1000,
    ...(recorded.backend ? { backend: recorded.backend } : {}),
  });
}
