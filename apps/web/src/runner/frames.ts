// The frame that performs a scenario's requests: this runner itself when the scenario's page is its own
// origin, else a child runner on the page's origin (an iframe), sandboxed for the opaque origin "null".
import type { RunOutcome } from '@cors-playground/cors-core';
import { isPerformedMessage, isRunnerReadyMessage, PERFORM, type PerformMessage, type PreparedRequest } from './messages';
import { performRequest } from './perform';

export interface Performer {
  perform(request: PreparedRequest): Promise<RunOutcome>;
  dispose(): void;
}

/**
 * How long a runner page in an iframe may take to load and say it is ready: a new renderer process on a
 * busy machine (the verifier's lanes open several at once) can take over 15 s.
 */
export const RUNNER_READY_TIMEOUT_MS = 30_000;

export const selfPerformer: Performer = { perform: performRequest, dispose: () => undefined };

export interface RunnerFrame {
  frame: HTMLIFrameElement;
  window: Window;
  /** Where to post to it: its origin, or '*' for a sandboxed frame (an opaque origin cannot be named). */
  targetOrigin: string;
}

/**
 * The one "wait for READY" handshake: appends an iframe on `src` (a runner.html) and resolves once the
 * runner in it says it is ready, from that frame's window and (unless sandboxed) its origin. Rejects and
 * removes the frame after RUNNER_READY_TIMEOUT_MS. `sandboxed` gives the frame an opaque origin
 * (`sandbox="allow-scripts"`, no `allow-same-origin`): its requests carry `Origin: null`.
 */
export function openRunnerFrame(src: string, options: { sandboxed?: boolean; setup?: (frame: HTMLIFrameElement) => void } = {}): Promise<RunnerFrame> {
  const frame = document.createElement('iframe');
  if (options.sandboxed) frame.setAttribute('sandbox', 'allow-scripts');
  options.setup?.(frame);
  const origin = new URL(src).origin;
  return new Promise<RunnerFrame>((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      window.removeEventListener('message', onReady);
      if (error || !frame.contentWindow) {
        frame.remove();
        reject(error ?? new Error('the runner frame has no window'));
      } else resolve({ frame, window: frame.contentWindow, targetOrigin: options.sandboxed ? '*' : origin });
    };
    const onReady = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || !isRunnerReadyMessage(event.data)) return;
      if (!options.sandboxed && event.origin !== origin) return;
      done();
    };
    const timer = setTimeout(() => done(new Error(`the runner page ${src} did not load within ${RUNNER_READY_TIMEOUT_MS / 1000} s`)), RUNNER_READY_TIMEOUT_MS);
    window.addEventListener('message', onReady);
    frame.src = src;
    document.body.append(frame);
  });
}

/** A child runner at `src` that performs requests for this one (`perform` messages). */
export async function openPerformerFrame(src: string, sandboxed: boolean): Promise<Performer> {
  const { frame, window: child, targetOrigin } = await openRunnerFrame(src, {
    sandboxed,
    setup: (element) => {
      element.title = 'CORS Playground runner';
      element.style.display = 'none';
    },
  });
  const pending = new Map<number, (outcome: RunOutcome) => void>();
  let nextId = 1;

  const onMessage = (event: MessageEvent) => {
    if (event.source !== child) return;
    if (isPerformedMessage(event.data)) {
      pending.get(event.data.id)?.(event.data.outcome);
      pending.delete(event.data.id);
    }
  };
  window.addEventListener('message', onMessage);

  return {
    perform(request) {
      const id = nextId++;
      return new Promise<RunOutcome>((resolve) => {
        pending.set(id, resolve);
        const message: PerformMessage = { type: PERFORM, id, request };
        // Addressed to that frame's window; to '*' only when sandboxed, and the message carries nothing secret.
        child.postMessage(message, targetOrigin);
      });
    },
    dispose() {
      window.removeEventListener('message', onMessage);
      frame.remove();
      for (const resolve of pending.values()) {
        resolve({ kind: 'rejected', status: 0, type: null, url: null, redirected: false, headers: [], bodyExcerpt: null, error: { name: 'AbortError', message: 'the runner frame was closed' }, durationMs: 0 });
      }
      pending.clear();
    },
  };
}
