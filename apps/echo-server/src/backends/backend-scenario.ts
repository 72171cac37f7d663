// A scenario request in policy mode run by a real middleware (`server.backend: "real"`): the scenario's
// route answers as the application, the request goes to the real framework configured with the
// scenario's policy (supervisor.ts), and what that framework sent is recorded and passed on, so the
// record and the sequence diagram show its headers, not a model's. Connection framing is the echo
// server's own (the backend's Connection / Keep-Alive / Transfer-Encoding lines are listed in the record
// as dropped); nothing else is changed.
import { echoServerFramingHeaders, isHeaderName, isLowerCaseMatch, isSendableHeaderValue } from '@cors-playground/cors-core';
import type { WirePath } from '@cors-playground/wire';
import type { EchoConfig } from '../config';
import type { Exchange, LogFields, Reply } from '../handler';
import { errorReply } from '../reply';
import type { RecordStore } from '../records';
import { recordScenarioRequest } from '../record-request';
import { answerScenarioRequest, type AnswerContext } from '../scenario-answer';
import type { BackendSupervisor } from './supervisor';
import type { BackendRequestConfig } from './validate';

export interface BackendScenario {
  exchange: Exchange;
  origin: string;
  wire: WirePath;
  log: LogFields;
  backend: BackendRequestConfig;
  supervisor: BackendSupervisor | null;
  answerContext: AnswerContext;
  store: RecordStore;
  config: EchoConfig;
}

/** The page origin's sandbox for answers a browser may render (handler.ts). */
const PAGE_ORIGIN_SANDBOX: [string, string] = ['Content-Security-Policy', 'sandbox'];

export async function backendScenario({ exchange, origin, wire, log, backend, supervisor, answerContext, store, config }: BackendScenario): Promise<Reply> {
  const request = { method: exchange.method, origin, rawHeaders: exchange.rawHeaders };
  const app = answerScenarioRequest(wire, request, answerContext, true);
  const record = (answer: { status: number; headers: [string, string][] } | { error: string }, recorded?: { version: string; ms: number; dropped: string[]; restarted: string | null }) =>
    recordScenarioRequest(store, config, exchange, origin, wire, { kind: app.kind, route: app.route, answer, ...(recorded ? { backend: { framework: backend.framework, ...recorded } } : {}) });
  if (!app.ok) {
    record({ error: `${app.status} ${app.error}: ${app.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}` });
    return errorReply(app.status, app.error, log, { issues: app.issues });
  }
  if (!supervisor) {
    const error = `this echo server runs no real backends (start it with --backends ${backend.framework}, or choose backend "model")`;
    record({ error: `503 ${error}` });
    return errorReply(503, error, log);
  }
  const appAnswer = {
    status: app.status,
    // The backend frames its own answer.
    headers: app.headers.filter(([name]) => !isLowerCaseMatch(name, 'content-length')),
    body: app.body.toString('utf8'),
  };
  const result = await supervisor.forward(backend, appAnswer, { method: exchange.method, path: wire.logicalPath, rawHeaders: exchange.rawHeaders, body: exchange.body });
  if (!result.ok) {
    record({ error: `${result.status} ${result.error}` }, { version: result.version, ms: result.ms, dropped: [], restarted: result.restarted });
    return errorReply(result.status, `${backend.framework}: ${result.error}`, log);
  }
  const { answer } = result;
  const bad = answer.headers.find(([name, value]) => !isHeaderName(name) || !isSendableHeaderValue(value));
  if (bad) {
    const error = `the ${backend.framework} backend sent a header line that cannot be passed on: ${JSON.stringify(bad[0]).slice(0, 100)}`;
    record({ error: `502 ${error}` }, { version: result.version, ms: result.ms, dropped: answer.dropped, restarted: result.restarted });
    return errorReply(502, error, log);
  }
  // The framing line, when the backend sent its body chunked (the echo server frames with Content-Length).
  const framing = echoServerFramingHeaders(answer.headers, exchange.method, answer.status, '').length > 0 ? [['Content-Length', String(answer.body.length)] as [string, string]] : [];
  const headers = [...answer.headers, ...framing];
  const fetchOrXhr = exchange.rawHeaders.some((line, i, all) => i % 2 === 0 && line.toLowerCase() === 'sec-fetch-dest' && all[i + 1] === 'empty');
  if (origin === config.origins.page && !fetchOrXhr) headers.push(PAGE_ORIGIN_SANDBOX);
  record({ status: answer.status, headers }, { version: result.version, ms: result.ms, dropped: answer.dropped, restarted: result.restarted });
  return { type: 'response', status: answer.status, headers, body: answer.body, delayMs: app.delayMs, log };
}
