// Header lists: https://fetch.spec.whatwg.org/#concept-header-list
import { isLowerCaseMatch, isToken, normalizeHeaderValue } from '../scenario/header-syntax';

const LEADING_OR_TRAILING_HTTP_TAB_OR_SPACE = /^[\t ]+|[\t ]+$/g;

/** https://fetch.spec.whatwg.org/#http-tab-or-space-byte : 0x09 HT or 0x20 SP. */
function isHttpTabOrSpaceByte(code: number): boolean {
  return code === 0x09 || code === 0x20;
}

/** Removes leading and trailing HTTP tab or space bytes (optional whitespace, OWS, around list items). */
export function stripHttpTabOrSpace(value: string): string {
  if (value.length === 0 || (!isHttpTabOrSpaceByte(value.charCodeAt(0)) && !isHttpTabOrSpaceByte(value.charCodeAt(value.length - 1)))) return value;
  return value.replace(LEADING_OR_TRAILING_HTTP_TAB_OR_SPACE, '');
}

export type Header = readonly [name: string, value: string];
export type HeaderLines = readonly Header[];

// https://fetch.spec.whatwg.org/#header-list-contains
export function headerListContains(list: HeaderLines, name: string): boolean {
  const lower = name.toLowerCase();
  return list.some(([headerName]) => isLowerCaseMatch(headerName, lower));
}

// https://fetch.spec.whatwg.org/#concept-header-list-get
// "1. If list does not contain name, then return null. 2. Return the values of all headers in list whose
// name is a byte-case-insensitive match for name, separated from each other by 0x2C 0x20, in order."
export function getHeader(list: HeaderLines, name: string): string | null {
  const lower = name.toLowerCase();
  let out: string | null = null;
  for (const [headerName, value] of list) {
    if (headerName.length !== lower.length || !isLowerCaseMatch(headerName, lower)) continue;
    out = out === null ? normalizeHeaderValue(value) : `${out}, ${normalizeHeaderValue(value)}`;
  }
  return out;
}

/**
 * Combines repeated names into one header (first name's case, values joined with ", "), keeping the
 * order of first appearance. This is what a `Headers` object hands to the network: Blink sends one line.
 * `singletons` (lower-case names) are not joined: the last value replaces the earlier ones in place
 * (Gecko's netwerk/protocol/http/nsHttpHeaderArray.h `IsSingletonHeader`).
 */
export function combineHeaderList(list: HeaderLines, singletons: readonly string[] = []): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of list) {
    const existing = out.find(([other]) => other.toLowerCase() === name.toLowerCase());
    if (!existing) out.push([name, value]);
    else if (singletons.includes(name.toLowerCase())) existing[1] = value;
    else existing[1] = `${existing[1]}, ${value}`;
  }
  return out;
}

export type ListParseResult = { ok: true; values: string[] } | { ok: false; invalidItem: string };

/**
 * https://fetch.spec.whatwg.org/#extract-header-list-values for the `#method` and `#field-name` ABNF
 * lists of Access-Control-Allow-Methods / -Allow-Headers / -Expose-Headers: the combined value split on
 * commas, optional whitespace trimmed, empty items ignored, every other item must be a token.
 * Never throws.
 */
export function parseTokenList(value: string): ListParseResult {
  const values: string[] = [];
  for (const raw of value.split(',')) {
    const item = stripHttpTabOrSpace(raw);
    if (item === '') continue;
    if (!isToken(item)) return { ok: false, invalidItem: item };
    values.push(item);
  }
  return { ok: true, values };
}

// https://fetch.spec.whatwg.org/#extract-header-list-values
// "1. If list does not contain name, then return null. 2. If the ABNF for name allows a single header and
// list contains more than one, then return failure. ... 3. Let values be ... the result of parsing each
// header ... If parsing failed, then return failure."
export function extractHeaderListValues(list: HeaderLines, name: string): { ok: true; values: string[] | null } | { ok: false; invalidItem: string } {
  const combined = getHeader(list, name);
  if (combined === null) return { ok: true, values: null };
  return parseTokenList(combined);
}

// https://fetch.spec.whatwg.org/#convert-header-names-to-a-sorted-lowercase-set
// "1. Let headerNamesSet be a new ordered set. 2. For each name of headerNames, append the result of
// byte-lowercasing name to headerNamesSet. 3. Return the result of sorting headerNamesSet in ascending
// order with byte less than."
export function convertHeaderNamesToSortedLowercaseSet(names: readonly string[]): string[] {
  return [...new Set(names.map((name) => name.toLowerCase()))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The byte-lowercased names sorted with byte less than, duplicates kept. Not a spec algorithm: what
 * Firefox sends in `Access-Control-Request-Headers` (nsCORSListenerProxy.cpp `StartCORSPreflight`).
 */
export function sortLowercaseNamesKeepingDuplicates(names: readonly string[]): string[] {
  return names.map((name) => name.toLowerCase()).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
