// A repro bundle for a bug report: the scenario JSON, cURL commands for the preflight and the request,
// a standalone HTML page that performs the request, and the explanation as Markdown. Pure: a map of
// file name -> text; the CLI writes it to a directory, the web app offers it as a download.
import { explain } from '../explain/explain';
import { effectiveRequest } from '../fetch/run';
import { safetyReview } from '../fix/safety';
import { suggestFixes } from '../fix/suggest';
import { exportCurl } from '../import/curl';
import { DEFAULT_ORIGINS, resolveOriginPlaceholders, type Origins } from '../scenario/placeholders';
import type { Engine, Scenario } from '../scenario/schema';
import { reproMarkdown } from './markdown';
import { reproPage, type PageRequest } from './page';

export interface ReproOptions {
  browser?: Engine;
  origins?: Origins;
  /**
   * Where the page sends a resolved URL. The playground points the page at its echo server (the URL
   * with the run's wire prefix, so the echo server answers as the scenario says); by default a URL goes
   * where it says.
   */
  wireUrl?: (url: string) => string;
}

export const REPRO_FILES = { scenario: 'scenario.json', curl: 'curl.sh', page: 'repro.html', explanation: 'README.md' } as const;

/** Both cURL commands, each under a comment saying what it is. */
function curlScript(scenario: Scenario, origins: Origins, wireUrl: (url: string) => string): string {
  const preflight = exportCurl(scenario, { origins, which: 'preflight', wireUrl });
  const actual = exportCurl(scenario, { origins, which: 'actual', wireUrl });
  return [
    '#!/bin/sh',
    '# The requests the browser sends for this scenario (run 1), as cURL commands: compare their answers',
    '# with what the report says. cURL does not apply CORS: it shows what the server answers.',
    '',
    '# The preflight (OPTIONS)',
    preflight ?? '# (none: the browser sends no preflight for this request)',
    '',
    '# The actual request',
    actual ?? '# (none: the browser does not send it)',
    '',
  ].join('\n');
}

function pageRequest(scenario: Scenario, run: number, origins: Origins, wireUrl: (url: string) => string): PageRequest {
  const request = effectiveRequest(scenario, run);
  const out: PageRequest = {
    api: request.api,
    url: wireUrl(resolveOriginPlaceholders(request.url, origins)),
    method: request.method,
    headers: request.headers.map(([name, value]) => [name, resolveOriginPlaceholders(value, origins)]),
    body: request.body,
    mode: request.mode,
    credentials: request.credentials,
    uploadListener: request.uploadListener,
  };
  if (request.cache) out.cache = request.cache;
  if (request.redirect) out.redirect = request.redirect;
  return out;
}

/** The bundle's files by name (see REPRO_FILES). */
export function reproBundle(scenario: Scenario, options: ReproOptions = {}): Record<string, string> {
  const browser = options.browser ?? 'chromium';
  const origins = options.origins ?? DEFAULT_ORIGINS;
  const wireUrl = options.wireUrl ?? ((url: string) => url);
  const explanation = explain(scenario, { browser, origins });
  const pageOrigin = scenario.page === 'null' ? 'null' : resolveOriginPlaceholders(scenario.page, origins);
  const runs = Array.from({ length: scenario.repeat }, (_, run) => pageRequest(scenario, run, origins, wireUrl));
  const title = scenario.title ?? scenario.id;
  const files = Object.values(REPRO_FILES);
  return {
    [REPRO_FILES.scenario]: `${JSON.stringify(scenario, null, 2)}\n`,
    [REPRO_FILES.curl]: curlScript(scenario, origins, wireUrl),
    [REPRO_FILES.page]: reproPage({ title, pageOrigin, predicted: explanation.prediction.runs.map((run) => run.outcome), runs }),
    [REPRO_FILES.explanation]: reproMarkdown({
      scenario,
      explanation,
      fixes: suggestFixes(scenario, { browser, origins }),
      risks: safetyReview(scenario, { browser, origins }),
      pageOrigin,
      files,
      resolve: (text) => resolveOriginPlaceholders(text, origins),
    }),
  };
}
