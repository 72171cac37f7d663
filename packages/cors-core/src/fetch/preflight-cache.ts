// https://fetch.spec.whatwg.org/#concept-cache : the CORS-preflight cache, with the browser's variant.
import type { BrowserProfile } from '../browsers/profile';
import { isCorsSafelistedMethod } from './methods';
import { isCorsNonWildcardRequestHeaderName } from './request-headers';

export interface CacheRequest {
  /** Spec key: the byte-serialized request origin ('null' when tainted). */
  serializedOrigin: string;
  /** Chromium key: the initiator (page) origin, never the tainted 'null'. */
  initiatorOrigin: string;
  url: string;
  credentialsMode: string;
  method: string;
  unsafeNames: readonly string[];
  /** The clock, in ms since the scenario started. */
  now: number;
}

interface Entry {
  expiresAt: number;
  credentials: boolean;
  methods: Set<string>;
  headerNames: Set<string>;
}

export type CacheLookup =
  | { hit: true; expiresAt: number }
  | { hit: false; reason: 'empty' | 'expired' | 'insufficient' | 'bypassed'; erased: boolean };

/** One per scenario run sequence: what `repeat` runs share. */
export class PreflightCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly profile: BrowserProfile) {}

  private key(request: CacheRequest, credentialed = request.credentialsMode === 'include'): string {
    // AD-HOC: the engines key by the initiator (document) origin, not the tainted serialized origin
    // (profile `preflightCacheKeyOrigin`); Firefox also by the credentials flag.
    const origin = this.profile.preflightCacheKeyOrigin === 'initiator' ? request.initiatorOrigin : request.serializedOrigin;
    const key = `${origin} ${request.url}`;
    return this.profile.preflightCacheKeyIncludesCredentials ? `${key} ${credentialed ? 'credentialed' : 'plain'}` : key;
  }

  // https://fetch.spec.whatwg.org/#concept-cache-match
  // "A cache entry entry matches request if entry's key is ..., its byte-serialized origin is the
  // byte-serialized origin of request, its URL is request's current URL, and either entry's credentials
  // is true, or entry's credentials is false and request's credentials mode is not "include"."
  private covers(entry: Entry, request: CacheRequest): boolean {
    const credentialed = request.credentialsMode === 'include';
    if (credentialed && !entry.credentials) return false;
    // #concept-cache-match-method: method is a match, or `*` for a non-credentialed request.
    // AD-HOC (Firefox): a cached `*` is a literal name that matches nothing (profile `preflightCacheHonoursWildcard`).
    const wildcard = !credentialed && this.profile.preflightCacheHonoursWildcard;
    const methodOk = isCorsSafelistedMethod(request.method) || entry.methods.has(request.method) || (wildcard && entry.methods.has('*'));
    if (!methodOk) return false;
    // #concept-cache-match-header: name is a match (case-insensitive), or `*` for a non-credentialed
    // request unless the name is a CORS non-wildcard request-header name.
    return request.unsafeNames.every(
      (name) =>
        entry.headerNames.has(name) ||
        (wildcard && entry.headerNames.has('*') && (!isCorsNonWildcardRequestHeaderName(name) || this.profile.wildcardCoversAuthorization)),
    );
  }

  lookup(request: CacheRequest, cacheMode: string | undefined): CacheLookup {
    if (cacheMode && this.profile.preflightCacheBypassModes.includes(cacheMode)) return { hit: false, reason: 'bypassed', erased: false };
    const key = this.key(request);
    const entry = this.entries.get(key);
    if (!entry) return { hit: false, reason: 'empty', erased: false };
    if (request.now >= entry.expiresAt) {
      this.entries.delete(key);
      return { hit: false, reason: 'expired', erased: true };
    }
    if (this.covers(entry, request)) return { hit: true, expiresAt: entry.expiresAt };
    // AD-HOC: Chromium and WebKit erase an entry that does not cover the request ("hit and fail")
    // (services/network/cors/preflight_cache.cc `CheckIfRequestCanSkipPreflight`; WebKit's
    // CrossOriginPreflightResultCache.cpp `canSkipPreflight`).
    if (this.profile.preflightCache === 'replace-per-url') {
      this.entries.delete(key);
      return { hit: false, reason: 'insufficient', erased: true };
    }
    return { hit: false, reason: 'insufficient', erased: false };
  }

  /** Stores a preflight result. Returns whether something was stored. */
  store(request: CacheRequest, result: { methods: readonly string[]; headerNames: readonly string[]; maxAgeSeconds: number }, cacheMode: string | undefined): boolean {
    if (result.maxAgeSeconds <= 0) return false;
    if (cacheMode && this.profile.preflightCacheNotStoredModes.includes(cacheMode)) return false;
    const key = this.key(request);
    const credentials = request.credentialsMode === 'include';
    const expiresAt = request.now + result.maxAgeSeconds * 1000;
    const methods = new Set(result.methods);
    const headerNames = new Set(result.headerNames.map((name) => name.toLowerCase()));
    const existing = this.entries.get(key);
    if (this.profile.preflightCache === 'merge-per-name' && existing && existing.credentials === credentials) {
      // Spec: entries are per method and per header name; a new preflight adds to (and refreshes) them.
      for (const method of methods) existing.methods.add(method);
      for (const name of headerNames) existing.headerNames.add(name);
      existing.expiresAt = expiresAt;
      return true;
    }
    // AD-HOC: Chromium and WebKit keep one result per key and replace it (preflight_cache.cc
    // `AppendEntry`; CrossOriginPreflightResultCache.cpp `appendEntry`).
    this.entries.set(key, { expiresAt, credentials, methods, headerNames });
    return true;
  }

  /** https://fetch.spec.whatwg.org/#concept-cache-clear : "remove any cache entries ... whose key ..., origin and URL match". */
  clear(request: CacheRequest): boolean {
    const plain = this.entries.delete(this.key(request, false));
    const credentialed = this.entries.delete(this.key(request, true));
    return plain || credentialed;
  }
}
