// The test of a diagnosis: for every console message cors-core can print, explaining the scenario of
// the diagnosis's first cause prints that message again (URLs and origins aside).
import { describe, expect, it } from 'vitest';
import { chromiumConsoleMessage, chromiumRefusedHeaderMessage, firefoxConsoleMessage, webkitConsoleMessage } from '../console/index';
import { explain } from '../explain/explain';
import type { FailureKind } from '../fetch/decision';
import type { FetchFailure } from '../fetch/fetch-params';
import type { Engine } from '../scenario/schema';
import { diagnose } from './diagnose';
import { messagePatterns, type RuleId } from './patterns';

const URL = 'https://api.example.com/v1/items';
const ORIGIN = 'https://app.example.com';

/** A failed parameter and status each kind prints with, as a reporter would have them. */
const SAMPLE: Partial<Record<FailureKind, { value?: string; status?: number | null }>> = {
  MultipleAllowOriginValues: { value: 'https://a.example, https://b.example' },
  PreflightMultipleAllowOriginValues: { value: 'https://a.example, https://b.example' },
  InvalidAllowOriginValue: { value: 'foo' },
  PreflightInvalidAllowOriginValue: { value: 'foo' },
  AllowOriginMismatch: { value: 'https://other.example' },
  PreflightAllowOriginMismatch: { value: 'https://other.example' },
  MethodDisallowedByPreflightResponse: { value: 'DELETE' },
  HeaderDisallowedByPreflightResponse: { value: 'x-api-key' },
  InvalidAllowMethodsPreflightResponse: { value: 'GET POST PUT' },
  InvalidAllowHeadersPreflightResponse: { value: 'content-type x-custom' },
  PreflightInvalidStatus: { status: 401 },
  PreflightDisallowedRedirect: { status: 301 },
  PreflightMissingAllowOriginHeader: { status: 204 },
  RedirectContainsCredentials: { status: null },
  TooManyRedirects: { status: null },
  NoCorsRedirectMode: { value: 'error' },
  CorsDisabledScheme: { value: 'ftp' },
};

function sampleFailure(kind: FailureKind): FetchFailure {
  const sample = SAMPLE[kind] ?? {};
  const url = kind === 'CorsDisabledScheme' ? 'ftp://api.example.com/v1/items' : URL;
  return { kind, value: sample.value ?? '', hop: 0, lastUrl: url, initialUrl: url, duringPreflight: kind.startsWith('Preflight'), status: sample.status === undefined ? 200 : sample.status, responseTainting: 'cors' };
}

function sampleMessage(engine: Engine, rule: RuleId, api: 'fetch' | 'xhr'): string | null {
  if (rule === 'RefusedUnsafeHeader') return engine === 'chromium' ? chromiumRefusedHeaderMessage('Cookie') : null;
  const failure = sampleFailure(rule as FailureKind);
  if (engine === 'chromium') return chromiumConsoleMessage(failure, { api, documentOrigin: ORIGIN });
  if (engine === 'firefox') return firefoxConsoleMessage(failure, { documentUrl: `${ORIGIN}/index.html` })?.text ?? null;
  return webkitConsoleMessage(failure, ORIGIN);
}

/** URLs and origins differ between the paste and the playground; everything else must be equal. */
const withoutUrls = (text: string | null) => text?.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s'‘’",)]*[^\s'‘’",).]/g, '<url>') ?? null;

// Printed by cors-core's console functions but by no simulated run: Chromium's "The response is
// invalid." (no scenario makes an answer invalid), and Firefox's Authorization warning (explain()
// reports it as a DevTools issue, not as a console line).
const NOT_SIMULATED = new Set<RuleId>(['InvalidResponse', 'AuthorizationCoveredByWildcard', 'NetworkFailure']);

const cases: [string, Engine, RuleId, 'fetch' | 'xhr', string][] = [];
for (const pattern of messagePatterns()) {
  if (!pattern.derived || pattern.engine === 'any') continue;
  for (const rule of pattern.rules) {
    if (NOT_SIMULATED.has(rule)) continue;
    for (const api of pattern.engine === 'chromium' ? (['fetch', 'xhr'] as const) : (['fetch'] as const)) {
      const text = sampleMessage(pattern.engine, rule, api);
      if (text !== null) cases.push([`${pattern.engine} ${rule} ${api}`, pattern.engine, rule, api, text]);
    }
  }
}

describe('diagnose → first cause → explain prints the same message', () => {
  it('covers every message of every engine', () => expect(cases.length).toBeGreaterThanOrEqual(60));
  it.each(cases)('%s', (_name, engine, _rule, _api, text) => {
    const diagnosis = diagnose(text, { browser: engine });
    const cause = diagnosis.matches[0]?.causes[0];
    expect(cause, `no cause for: ${text}`).toBeDefined();
    const explanation = explain(cause!.scenario, { browser: engine });
    expect(withoutUrls(explanation.prediction.console)).toBe(withoutUrls(text));
  });

  it('the Authorization wildcard warning: its first cause relies on `*` for Authorization', () => {
    const warning = 'Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at https://api.example.com/x soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`).';
    const cause = diagnose(warning).matches[0]?.causes[0];
    const explanation = explain(cause!.scenario, { browser: 'chromium' });
    expect(explanation.prediction.outcome).toBe('ok');
    expect(explanation.console.devtoolsIssue).toBe('DeprecationIssue: AuthorizationCoveredByWildcard');
  });

  it('a bare failure line: its first cause fails', () => {
    for (const line of ['TypeError: Failed to fetch', 'GET https://api.example.com/x net::ERR_FAILED 200 (OK)', 'TypeError: Load failed']) {
      const cause = diagnose(line).matches[0]?.causes[0];
      expect(explain(cause!.scenario).prediction.outcome).toBe('network-error');
    }
  });
});
