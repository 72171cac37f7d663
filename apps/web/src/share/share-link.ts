// Share links: the whole scenario in the URL fragment (never sent to a server). Two forms are read:
//   #s=<base64url(deflate-raw(JSON))>   what the Share button writes (short)
//   #scenario=<base64url(JSON)>         the documented automation hook (easy to produce by hand)
// Either may be followed by `&p=<engine>`: the engine whose rules the prediction was shown with (links made before
// it existed still open, with the engine running the page).
// Decoding never throws and never runs anything: a bad link yields the problems, with their paths.
import { deflateSync, inflateSync } from 'fflate';
import { ENGINES, formatIssue, originOf, sameSiteOriginOf, parseJsonText, validateScenario, type Engine, type Origins, type Scenario, type ValidationIssue } from '@cors-playground/cors-core';
import { base64UrlDecode, base64UrlEncode } from '@cors-playground/wire';

/** Longest fragment read (characters); a longer one is refused before decoding. */
export const MAX_FRAGMENT_LENGTH = 65_536;
/** Bytes a compressed link may inflate to (no decompression bomb). */
export const MAX_INFLATED_BYTES = 262_144;

export type ShareDecodeResult =
  | { kind: 'none' }
  | { kind: 'ok'; scenario: Scenario; warnings: ValidationIssue[]; engine?: Engine }
  | { kind: 'error'; errors: ValidationIssue[] };

function engineParam(engine: Engine | undefined): string {
  return engine ? `&p=${engine}` : '';
}

export function encodeShareFragment(scenario: Scenario, engine?: Engine): string {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  return `s=${base64UrlEncode(deflateSync(json, { level: 9 }))}${engineParam(engine)}`;
}

/** `#scenario=<base64url of the JSON>`, the form documented for automation. */
export function encodePlainFragment(scenario: Scenario): string {
  return `scenario=${base64UrlEncode(new TextEncoder().encode(JSON.stringify(scenario)))}`;
}

function fail(path: string, message: string): ShareDecodeResult {
  return { kind: 'error', errors: [{ path, message }] };
}

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function inflate(bytes: Uint8Array): Uint8Array | undefined {
  try {
    // fflate fills the buffer it is given and stops: one byte more than allowed tells "too large".
    return inflateSync(bytes, { out: new Uint8Array(MAX_INFLATED_BYTES + 1) });
  } catch {
    return undefined;
  }
}

/** Reads a location hash (with or without the leading `#`). */
export function decodeShareFragment(hash: string): ShareDecodeResult {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const match = /^(s|scenario)=([^&]*)(?:&p=([^&]*))?$/s.exec(fragment);
  if (!match) return /^(s|scenario)=/.test(fragment) ? fail('link', 'the link is damaged: it is not base64url (A-Z a-z 0-9 - _)') : { kind: 'none' };
  const [, form, data = '', engineText] = match;
  if (engineText !== undefined && !ENGINES.includes(engineText as Engine)) return fail('link.p', `unknown engine ${JSON.stringify(engineText)}: expected one of ${ENGINES.join(', ')}`);
  const engine = engineText as Engine | undefined;
  if (data.length > MAX_FRAGMENT_LENGTH) return fail('link', `the link is longer than ${MAX_FRAGMENT_LENGTH} characters`);
  const bytes = base64UrlDecode(data);
  if (!bytes) return fail('link', 'the link is damaged: it is not base64url (A-Z a-z 0-9 - _)');
  let jsonBytes = bytes;
  if (form === 's') {
    const inflated = inflate(bytes);
    if (!inflated) return fail('link', 'the link is damaged: its data does not decompress');
    if (inflated.length > MAX_INFLATED_BYTES) return fail('link', `the link's scenario is larger than ${MAX_INFLATED_BYTES} bytes`);
    jsonBytes = inflated;
  }
  const text = utf8(jsonBytes);
  if (text === undefined) return fail('link', 'the link is damaged: its data is not UTF-8 text');
  const json = parseJsonText(text);
  if (!json.ok) return { kind: 'error', errors: [json.error] };
  if (Array.isArray(json.value)) return fail('', 'a share link holds one scenario, not a list (use Import for files with several)');
  const result = validateScenario(json.value);
  if (!result.ok) return { kind: 'error', errors: result.errors };
  return { kind: 'ok', scenario: result.scenario, warnings: result.warnings, ...(engine ? { engine } : {}) };
}

/** The URL that opens this page with the scenario (and the prediction's engine, when one was chosen). */
export function shareUrl(pageUrl: string, scenario: Scenario, engine?: Engine): string {
  return `${pageUrl.replace(/#.*$/s, '')}#${encodeShareFragment(scenario, engine)}`;
}

/**
 * Origins a scenario would contact that are not this playground's own: a link from someone else could
 * point requests anywhere, so the page says so before the user presses Run.
 */
export function foreignOrigins(scenario: Scenario, origins: Origins): string[] {
  const candidates = [scenario.page, scenario.request.url, ...(scenario.runRequests ?? []).map((run) => run.url ?? ''), ...Object.keys(scenario.server.routes)];
  const found = new Set<string>();
  for (const candidate of candidates) {
    const origin = outsideOrigin(candidate, origins);
    if (origin) found.add(origin);
  }
  return [...found];
}

/** The origin of an absolute URL that is none of the playground's own; null for placeholders, paths and own origins. */
export function outsideOrigin(url: string, origins: Origins): string | null {
  if (/^\{(page|api|other|samesite)\}/.test(url) || url === 'null') return null;
  const origin = originOf(url);
  if (!origin) return null;
  const own = [origins.page, origins.api, origins.other, sameSiteOriginOf(origins)].map((candidate) => originOf(candidate));
  return own.includes(origin) ? null : origin;
}

export function describeIssues(issues: readonly ValidationIssue[]): string[] {
  return issues.map(formatIssue);
}
