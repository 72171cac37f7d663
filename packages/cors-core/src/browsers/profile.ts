// A browser profile: where an engine departs from the Fetch standard, as data. The spec code asks the
// profile at each point where engines differ; nothing else in the core knows engine names.
import type { Engine } from '../scenario/schema';
import type { ExtraSafelist } from '../fetch/request-headers';

export interface BrowserProfile {
  engine: Engine;
  /** Shown in explanations, e.g. "Chromium 156". */
  label: string;
  /** Request headers the engine safelists beyond the spec (none per spec). */
  extraSafelistedRequestHeader: ExtraSafelist | undefined;
  /** `Access-Control-Allow-Headers: *` also covers `Authorization` for a non-credentialed request. */
  wildcardCoversAuthorization: boolean;
  /** Which missing name a failed Access-Control-Allow-Headers check reports: the last in sorted order (Chromium) or the first. */
  reportsLastMissingHeader: boolean;
  /** Upper bound on `Access-Control-Max-Age`, in seconds. */
  maxAgeCapSeconds: number;
  /** What a negative `Access-Control-Max-Age` means: 'zero' (not reusable) or 'default' (5 s). */
  negativeMaxAge: 'zero' | 'default';
  /**
   * The preflight cache: 'spec' = one entry per (origin, URL, credentials, method | header name), merged
   * across preflights; 'chromium' = one result per (initiator origin, URL), replaced by each new preflight
   * and erased when it does not cover a request.
   */
  preflightCache: 'spec' | 'chromium';
  /** Request cache modes that make the engine skip the preflight cache (always preflight). */
  preflightCacheBypassModes: readonly string[];
  /** Where console messages come from for this engine. */
  consoleFlavour: Engine;
}
