// The runner page (runner.html), served on every origin of a deployment. It runs scenarios for the
// SPA (postMessage), for `pnpm verify` (window.corsPlayground), and performs requests for a parent
// runner when it is that runner's child frame on another origin. It logs nothing of its own: the
// console belongs to the browser's CORS messages.
import { deploymentOrigins } from '@cors-playground/cors-core';
import {
  isOrigins,
  isPerformMessage,
  isRunScenarioMessage,
  PERFORMED,
  RUNNER_READY,
  SCENARIO_RESULT,
  type PerformedMessage,
  type ScenarioResultMessage,
} from './messages';
import { performRequest } from './perform';
import { performScenario } from './perform-scenario';
import { fetchServerOrigins } from './server-config';

declare global {
  interface Window {
    corsPlayground?: { runScenario: typeof performScenario };
  }
}

window.corsPlayground = { runScenario: performScenario };

let parentOrigins: Promise<Set<string>> | undefined;

/** The origins a parent runner may be on: the deployment's (from /__pg/config) and this page's own. */
function allowedParentOrigins(): Promise<Set<string>> {
  parentOrigins ??= fetchServerOrigins()
    .then((origins) => new Set([...deploymentOrigins(origins), window.location.origin]))
    .catch(() => new Set([window.location.origin]));
  return parentOrigins;
}

window.addEventListener('message', (event: MessageEvent) => {
  const data: unknown = event.data;
  // The SPA embeds this runner on its own origin and asks it to run scenarios.
  if (isRunScenarioMessage(data)) {
    if (event.origin !== window.location.origin || !event.source) return;
    const source = event.source;
    const reply = (message: ScenarioResultMessage) => source.postMessage(message, { targetOrigin: event.origin });
    performScenario(data.scenario, isOrigins(data.origins) ? data.origins : undefined, typeof data.key === 'string' ? { key: data.key } : {}).then(
      (result) => reply({ type: SCENARIO_RESULT, id: data.id, result }),
      (error: unknown) => reply({ type: SCENARIO_RESULT, id: data.id, error: { message: error instanceof Error ? error.message : String(error) } }),
    );
    return;
  }
  // A parent runner (another origin of this deployment) asks this frame to perform a request.
  if (isPerformMessage(data)) {
    if (event.source !== window.parent || window.parent === window) return;
    const origin = event.origin;
    void allowedParentOrigins().then(async (allowed) => {
      if (!allowed.has(origin)) return;
      const outcome = await performRequest(data.request);
      const message: PerformedMessage = { type: PERFORMED, id: data.id, outcome };
      window.parent.postMessage(message, origin);
    });
  }
});

if (window.parent !== window) {
  // Ready once it knows whom to obey. Nothing secret: the parent learns only that this runner
  // listens; a sandboxed frame's parent may be anything, hence '*'.
  void allowedParentOrigins().then(() => window.parent.postMessage({ type: RUNNER_READY }, '*'));
}
