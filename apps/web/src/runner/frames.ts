// The frame that performs a scenario's requests: this runner itself when the scenario's page is its own
// origin, else a child runner on the page's origin (an iframe), sandboxed for the opaque origin "null".
import type { RunOutcome } from '@cors-playground/cors-core';
import { isPerformedMessage, isRunnerReadyMessage, PERFORM, type PerformMessage, type PreparedRequest } from './messages';
import { performRequest } from './perform';

export interface Performer {
  perform(request: PreparedRequest): Promise<RunOutcome>;
  dispose(): void;
}

/** How long a child runner may take to load and say it is ready. */
export const FRAME_READY_TIMEOUT_MS = 15_000;

export const selfPerformer: Performer = { perform: performRequest, dispose: () => undefined };

/**
 * Opens a child runner at `src` and resolves once it is ready. `sandboxed` gives the frame an opaque
 * origin (`sandbox="allow-scripts"`, no `allow-same-origin`): its requests carry `Origin: null`.
 */
export function openPerformerFrame(src: string, sandboxed: boolean): Promise<Performer> {
  const frame = document.createElement('iframe');
  if (sandboxed) frame.setAttribute('sandbox', 'allow-scripts');
  frame.title = 'CORS Playground runner';
  frame.style.display = 'none';
  const pending = new Map<number, (outcome: RunOutcome) => void>();
  let nextId = 1;
  let childOrigin = '*';

  const onMessage = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow) return;
    if (isPerformedMessage(event.data)) {
      pending.get(event.data.id)?.(event.data.outcome);
      pending.delete(event.data.id);
    }
  };
  window.addEventListener('message', onMessage);

  const dispose = () => {
    window.removeEventListener('message', onMessage);
    frame.remove();
    for (const resolve of pending.values()) {
      resolve({ kind: 'rejected', status: 0, type: null, url: null, redirected: false, headers: [], bodyExcerpt: null, error: { name: 'AbortError', message: 'the runner frame was closed' }, durationMs: 0 });
    }
    pending.clear();
  };

  const performer: Performer = {
    perform(request) {
      const id = nextId++;
      return new Promise<RunOutcome>((resolve) => {
        pending.set(id, resolve);
        const message: PerformMessage = { type: PERFORM, id, request };
        // A sandboxed frame's origin is opaque and cannot be named as a target: '*' then, since the
        // message is addressed to that frame's window and carries nothing secret.
        frame.contentWindow?.postMessage(message, childOrigin);
      });
    },
    dispose,
  };

  return new Promise<Performer>((resolve, reject) => {
    const timer = setTimeout(() => {
      window.removeEventListener('message', onReady);
      dispose();
      reject(new Error(`the runner frame ${src} did not load within ${FRAME_READY_TIMEOUT_MS} ms`));
    }, FRAME_READY_TIMEOUT_MS);
    const onReady = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || !isRunnerReadyMessage(event.data)) return;
      window.removeEventListener('message', onReady);
      clearTimeout(timer);
      if (!sandboxed) childOrigin = new URL(src).origin;
      resolve(performer);
    };
    window.addEventListener('message', onReady);
    frame.src = src;
    document.body.append(frame);
  });
}
