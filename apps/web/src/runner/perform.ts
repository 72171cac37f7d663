// Performs one prepared request in this frame, exactly as a page would write it, and reports what
// script saw. Nothing here interprets CORS: the browser decides, this only watches.
import type { RunOutcome } from '@cors-playground/cors-core';
import { stripWirePrefixes } from '@cors-playground/wire';
import type { PreparedRequest } from './messages';

/** Characters of the response body kept in the outcome. */
export const BODY_EXCERPT_LENGTH = 2048;

function errorOf(error: unknown): { name: string; message: string } {
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error && 'message' in error)) {
    const { name, message } = error as { name: unknown; message: unknown };
    return { name: String(name), message: stripWirePrefixes(String(message)) };
  }
  return { name: 'Error', message: String(error) };
}

function failed(kind: 'rejected' | 'threw', error: unknown, startedAt: number): RunOutcome {
  return { kind, status: 0, type: null, url: null, redirected: false, headers: [], bodyExcerpt: null, error: errorOf(error), durationMs: performance.now() - startedAt };
}

function logicalUrl(url: string): string | null {
  return url ? stripWirePrefixes(url) : null;
}

async function performFetch(request: PreparedRequest): Promise<RunOutcome> {
  const init: RequestInit = {
    method: request.method,
    // An array of pairs: the Request constructor appends them one by one, in order, duplicates kept,
    // under the guard of the request's mode (no-cors drops what it must), as a page's literal would.
    headers: request.headers,
    mode: request.mode,
    credentials: request.credentials,
    signal: AbortSignal.timeout(request.timeoutMs),
  };
  if (request.body !== null) init.body = request.body;
  if (request.cache) init.cache = request.cache;
  if (request.redirect) init.redirect = request.redirect;
  const startedAt = performance.now();
  let response: Response;
  try {
    response = await fetch(request.url, init);
  } catch (error) {
    return failed('rejected', error, startedAt);
  }
  const durationMs = performance.now() - startedAt;
  let bodyExcerpt: string | null = null;
  try {
    bodyExcerpt = (await response.text()).slice(0, BODY_EXCERPT_LENGTH);
  } catch {
    // The body could not be read (the connection broke after the headers): the status still counts.
  }
  return {
    kind: 'resolved',
    status: response.status,
    type: response.type,
    url: logicalUrl(response.url),
    redirected: response.redirected,
    headers: [...response.headers],
    bodyExcerpt,
    error: null,
    durationMs,
  };
}

function parseRawHeaders(raw: string): [string, string][] {
  return raw
    .split('\r\n')
    .filter((line) => line.includes(':'))
    .map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    });
}

function performXhr(request: PreparedRequest): Promise<RunOutcome> {
  const startedAt = performance.now();
  const xhr = new XMLHttpRequest();
  try {
    xhr.open(request.method, request.url, true);
    for (const [name, value] of request.headers) xhr.setRequestHeader(name, value);
    if (request.credentials === 'include') xhr.withCredentials = true;
    // The upload listener flag forces a preflight (xhr.spec.whatwg.org, "upload listener flag"): it
    // must be registered before send().
    if (request.uploadListener) xhr.upload.addEventListener('progress', () => undefined);
    xhr.timeout = request.timeoutMs;
  } catch (error) {
    return Promise.resolve(failed('threw', error, startedAt));
  }
  return new Promise<RunOutcome>((resolve) => {
    const rejected = (name: string, message: string) => () => resolve(failed('rejected', { name, message }, startedAt));
    xhr.addEventListener('load', () =>
      resolve({
        kind: 'resolved',
        status: xhr.status,
        type: null,
        url: logicalUrl(xhr.responseURL),
        redirected: xhr.responseURL !== '' && xhr.responseURL !== request.url,
        headers: parseRawHeaders(xhr.getAllResponseHeaders()),
        bodyExcerpt: xhr.responseText.slice(0, BODY_EXCERPT_LENGTH),
        error: null,
        durationMs: performance.now() - startedAt,
      }),
    );
    xhr.addEventListener('error', rejected('NetworkError', 'the XMLHttpRequest fired "error"'));
    xhr.addEventListener('timeout', rejected('TimeoutError', `no answer within ${request.timeoutMs} ms`));
    xhr.addEventListener('abort', rejected('AbortError', 'the XMLHttpRequest was aborted'));
    try {
      xhr.send(request.body);
    } catch (error) {
      resolve(failed('threw', error, startedAt));
    }
  });
}

/** Performs the request in this frame and reports what script saw. Never rejects. */
export function performRequest(request: PreparedRequest): Promise<RunOutcome> {
  return request.api === 'xhr' ? performXhr(request) : performFetch(request);
}
