// The cookie jar of one scenario, as an engine keeps it across the runs: RFC 6265bis
// (draft-ietf-httpbis-rfc6265bis-20) section 5.7 "Storage Model" and 5.8 "Retrieval Model", with the
// engine's choices from its CookieProfile. Each store or send decision comes back with a code and facts,
// which the simulation records and the explanation turns into a sentence.
import type { ParsedUrl } from '../fetch/urls';
import type { CookieDecisionCode } from '../fetch/decision';
import type { CookieProfile, CookieRule, ThirdPartyCookies } from './profile';
import { parseSetCookie, MAX_COOKIE_AGE_SECONDS, RFC6265BIS, CHIPS, type SameSiteEnforcement } from './set-cookie';
import { isPotentiallyTrustworthy, isPublicSuffix, isSameSite, obtainSite, type Site } from './sites';

/** A cookie in the jar (RFC 6265bis 5.7: name, value, expiry-time, domain, path, creation-time, flags). */
export interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secureOnly: boolean;
  httpOnly: boolean;
  sameSite: SameSiteEnforcement;
  /** The top-level site the cookie is kept under (CHIPS / partitioned third-party cookies), or null. */
  partitionKey: Site | null;
  /** ms since the epoch, or null for a session cookie. */
  expiry: number | null;
  /** Order of creation (kept when a cookie is replaced). */
  creation: number;
}

/** Where a request is made from: what decides same-site and third-party. */
export interface CookieContext {
  /**
   * The document's "site for cookies" (RFC 6265bis 5.2.1): the top-level site when the document and every
   * ancestor are same-site with the top level, else 'null'.
   */
  siteForCookies: Site;
  /** The top-level document's site: the partition key. */
  topLevelSite: Site;
  /** The request's URL list so far, the current URL last (redirects). */
  urlList: readonly ParsedUrl[];
  /** A top-level navigation (a starting cookie's visit): always same-site for cookies. */
  topLevelNavigation?: boolean;
}

export interface CookieDecision {
  code: CookieDecisionCode;
  facts: Record<string, string | number | boolean | null>;
  /** The RFC section (or CHIPS) that decides it. */
  anchor: string;
  /** The engine source, when the profile decided it. */
  adHoc?: string;
}

export interface RetrievedCookies {
  /** The `Cookie` header value, or null when no cookie is sent. */
  header: string | null;
  sent: StoredCookie[];
  decisions: CookieDecision[];
}

const section = (n: string) => `${RFC6265BIS}#section-${n}`;

// https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#section-5.1.3
/** "domain-matches": identical, or the string ends with "." + domain and is a host name (not an IP). */
export function domainMatches(host: string, domain: string): boolean {
  if (host === domain) return true;
  return host.endsWith(`.${domain}`) && !/^[\d.]+$/.test(host) && !host.startsWith('[');
}

// https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#section-5.1.4
/** The default-path of a request path: up to (not including) its right-most "/", or "/". */
export function defaultPath(uriPath: string): string {
  if (!uriPath.startsWith('/')) return '/';
  const last = uriPath.lastIndexOf('/');
  return last <= 0 ? '/' : uriPath.slice(0, last);
}

/** "path-matches": identical, or a prefix ending in "/", or a prefix followed by "/". */
export function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

// https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#section-5.2
/** A request is same-site when its document has a site for cookies and its URL (every URL of its redirect chain, per profile) is same-site with it. */
export function isSameSiteRequest(context: CookieContext, profile: CookieProfile): boolean {
  if (context.topLevelNavigation) return true;
  if (context.siteForCookies === 'null') return false;
  const urls = profile.sameSiteConsidersRedirectChain ? context.urlList : context.urlList.slice(-1);
  return urls.every((url) => isSameSite(url, context.siteForCookies));
}

/** A third-party context: the request's current URL is not same-site with the document's site for cookies. */
export function isThirdPartyContext(context: CookieContext): boolean {
  if (context.topLevelNavigation) return false;
  const current = context.urlList.at(-1);
  return context.siteForCookies === 'null' || current === undefined || !isSameSite(current, context.siteForCookies);
}

export class CookieJar {
  private cookies: StoredCookie[] = [];
  private created = 0;

  constructor(
    private readonly profile: CookieProfile,
    private readonly thirdParty: ThirdPartyCookies = profile.thirdPartyCookies,
  ) {}

  private isSecureUrl(url: ParsedUrl): boolean {
    return this.profile.secureUrls === 'trustworthy' ? isPotentiallyTrustworthy(url) : url.scheme === 'https';
  }

  private adHoc(rule: CookieRule): { adHoc?: string } {
    const source = this.profile.sources[rule];
    return source ? { adHoc: source } : {};
  }

  /** The cookies in the jar at `now`, expired ones removed, in creation order. */
  list(now: number): StoredCookie[] {
    this.cookies = this.cookies.filter((cookie) => cookie.expiry === null || cookie.expiry > now);
    return this.cookies.map((cookie) => ({ ...cookie }));
  }

  // https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#section-5.7
  /** Receives one `Set-Cookie` value from a response to `url`; says what became of it. Never throws. */
  store(setCookie: string, context: CookieContext, now: number): CookieDecision {
    const url = context.urlList.at(-1);
    const parsed = parseSetCookie(setCookie);
    const refuse = (reason: string, anchor: string, facts: Record<string, string | number | boolean | null> = {}, adHoc: { adHoc?: string } = {}): CookieDecision =>
      ({ code: 'cookie-not-stored', facts: { reason, setCookie: abbreviate(setCookie), ...facts }, anchor, ...adHoc });
    if (!parsed.ok || !url) return refuse(parsed.ok ? 'no-url' : parsed.reason, section('5.6'));
    const attrs = parsed.cookie;
    const name = attrs.name;
    const host = url.host;
    const thirdPartyContext = isThirdPartyContext(context);
    // 1. "A user agent MAY ignore a received cookie in its entirety": the third-party cookie setting.
    if (thirdPartyContext && this.thirdParty === 'blocked' && !(attrs.partitioned && this.profile.honoursPartitioned)) {
      return refuse('third-party-blocked', section('5.7'), { name, site: obtainSite(url), topLevelSite: context.topLevelSite }, this.adHoc('thirdPartyCookies'));
    }
    // 3. Expiry: Max-Age wins over Expires; both capped at 400 days.
    let expiry: number | null = null;
    if (attrs.maxAge !== undefined) expiry = attrs.maxAge <= 0 ? Number.MIN_SAFE_INTEGER : now + Math.min(attrs.maxAge, MAX_COOKIE_AGE_SECONDS) * 1000;
    else if (attrs.expires !== undefined) expiry = Math.min(attrs.expires, now + MAX_COOKIE_AGE_SECONDS * 1000);
    // 6-7. Domain: a public suffix equal to the host means host-only; else the host must domain-match it.
    let domain = host;
    let hostOnly = true;
    if (attrs.domain !== undefined) {
      if (isPublicSuffix(attrs.domain) && attrs.domain !== host) return refuse('public-suffix', section('5.7'), { name, domain: attrs.domain });
      if (attrs.domain !== host || !isPublicSuffix(attrs.domain)) {
        if (!domainMatches(host, attrs.domain)) return refuse('domain-mismatch', section('5.7'), { name, domain: attrs.domain, host });
        domain = attrs.domain;
        hostOnly = false;
      }
    }
    // 8. Path: the attribute, else the default-path of the request URL.
    const path = attrs.path ?? defaultPath(url.path);
    // 10. "If the scheme component of the request-uri does not denote a "secure" protocol (as defined by
    // the user agent), and the cookie's secure-only-flag is true, then abort these steps".
    if (attrs.secure && !this.isSecureUrl(url)) {
      return refuse('secure-insecure-url', section('5.7'), { name, url: `${url.scheme}://${host}${url.port ? `:${url.port}` : ''}` }, this.adHoc('secureUrls'));
    }
    // 13. A non-secure cookie may not overlay a secure one from an insecure URL.
    if (!attrs.secure && !this.isSecureUrl(url) && this.cookies.some((c) => c.secureOnly && c.name === name && (domainMatches(c.domain, domain) || domainMatches(domain, c.domain)) && pathMatches(path, c.path))) {
      return refuse('would-overlay-secure', section('5.7'), { name });
    }
    // 15. "If the cookie's same-site-flag is not "None": ... If the cookie was received from a "same-site"
    // request, skip the remaining substeps ... Otherwise, abort these steps and ignore the newly created cookie".
    if (attrs.sameSite !== 'None' && this.profile.refusesCrossSiteSetOf.includes(attrs.sameSite) && !isSameSiteRequest(context, this.profile)) {
      return refuse('samesite-cross-site-set', section('5.7'), { name, sameSite: attrs.sameSite, effective: this.effectiveSameSite(attrs.sameSite) },
        attrs.sameSite === 'Default' ? this.adHoc('refusesCrossSiteSet') : {});
    }
    // 16. "If the cookie's "same-site-flag" is "None", abort these steps and ignore the cookie entirely
    // unless the cookie's secure-only-flag is true."
    if (attrs.sameSite === 'None' && !attrs.secure && this.profile.noneRequiresSecure) {
      return refuse('samesite-none-insecure', section('5.7'), { name }, this.adHoc('noneRequiresSecure'));
    }
    // 17-18. Cookie name prefixes (4.1.3).
    const lowerName = this.profile.enforcesNamePrefixes ? name.toLowerCase() : '';
    // (An engine that does not enforce them: profile `enforcesNamePrefixes`.)
    if (lowerName.startsWith('__secure-') && !attrs.secure) return refuse('prefix-secure', section('4.1.3.1'), { name });
    if (lowerName.startsWith('__host-') && (!attrs.secure || !hostOnly || attrs.path !== '/')) return refuse('prefix-host', section('4.1.3.2'), { name });
    // CHIPS: Partitioned cookies must be Secure (Chromium); they are kept under the top-level site.
    let partitionKey: Site | null = null;
    if (attrs.partitioned && this.profile.honoursPartitioned) {
      if (!attrs.secure && this.profile.partitionedRequiresSecure) return refuse('partitioned-insecure', CHIPS, { name }, this.adHoc('partitioned'));
      partitionKey = context.topLevelSite;
    } else if (thirdPartyContext && this.thirdParty === 'partitioned') {
      partitionKey = context.topLevelSite;
    }
    // 20. Same name, domain, host-only flag and path (and partition): the new cookie replaces the old one.
    const index = this.cookies.findIndex((c) => c.name === name && c.domain === domain && c.hostOnly === hostOnly && c.path === path && c.partitionKey === partitionKey);
    const old = index === -1 ? undefined : this.cookies[index];
    if (old) this.cookies.splice(index, 1);
    const facts = { name, value: abbreviate(attrs.value), domain, hostOnly, path, secure: attrs.secure, httpOnly: attrs.httpOnly, sameSite: attrs.sameSite, partitionKey, thirdPartyContext };
    // 22. "Remove all expired cookies from the cookie store": an expiry in the past deletes.
    if (expiry !== null && expiry <= now) return { code: old ? 'cookie-deleted' : 'cookie-expired-on-arrival', facts, anchor: section('5.7') };
    this.cookies.push({ name, value: attrs.value, domain, hostOnly, path, secureOnly: attrs.secure, httpOnly: attrs.httpOnly, sameSite: attrs.sameSite, partitionKey, expiry, creation: old?.creation ?? this.created++ });
    return { code: old ? 'cookie-replaced' : 'cookie-stored', facts: { ...facts, persistent: expiry !== null }, anchor: section('5.7') };
  }

  private effectiveSameSite(enforcement: SameSiteEnforcement): 'Strict' | 'Lax' | 'None' {
    return enforcement === 'Default' ? this.profile.defaultSameSite : enforcement;
  }

  // https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#section-5.8.3
  /** The cookies an HTTP request to the context's current URL carries, and why others that match its host and path stay home. */
  retrieve(context: CookieContext, now: number): RetrievedCookies {
    const url = context.urlList.at(-1);
    const decisions: CookieDecision[] = [];
    if (!url) return { header: null, sent: [], decisions };
    const sameSiteRequest = isSameSiteRequest(context, this.profile);
    const thirdPartyContext = isThirdPartyContext(context);
    const sent: StoredCookie[] = [];
    for (const cookie of this.list(now)) {
      // 1. Host: identical (host-only) or domain-matching; path-matching. Others are not candidates at all.
      const hostOk = cookie.hostOnly ? url.host === cookie.domain : domainMatches(url.host, cookie.domain);
      if (!hostOk || !pathMatches(url.path, cookie.path)) continue;
      const withhold = (reason: string, anchor: string, adHoc: { adHoc?: string } = {}) =>
        decisions.push({ code: 'cookie-withheld', facts: { name: cookie.name, reason, sameSite: cookie.sameSite, effective: this.effectiveSameSite(cookie.sameSite), partitionKey: cookie.partitionKey, topLevelSite: context.topLevelSite }, anchor, ...adHoc });
      // "If the cookie's secure-only-flag is true, then the request-uri's scheme must denote a "secure" protocol".
      if (cookie.secureOnly && !this.isSecureUrl(url)) { withhold('secure-insecure-url', section('5.8.3'), this.adHoc('secureUrls')); continue; }
      // Partitions: a partitioned cookie goes only under its top-level site; an unpartitioned one not to a
      // third-party context unless third-party cookies are allowed.
      if (cookie.partitionKey !== null && cookie.partitionKey !== context.topLevelSite) { withhold('other-partition', CHIPS); continue; }
      if (cookie.partitionKey === null && thirdPartyContext && this.thirdParty !== 'allowed') { withhold('third-party-blocked', section('5.8.3'), this.adHoc('thirdPartyCookies')); continue; }
      // "If the cookie's same-site-flag is not "None" and the HTTP request is cross-site": Strict never;
      // Lax only for a top-level navigation with a safe method (never a fetch); "Default" as the engine says.
      const effective = this.effectiveSameSite(cookie.sameSite);
      if (effective !== 'None' && !sameSiteRequest) {
        withhold(effective === 'Strict' ? 'samesite-strict-cross-site' : 'samesite-lax-cross-site', section('5.8.3'), cookie.sameSite === 'Default' ? this.adHoc('defaultSameSite') : {});
        continue;
      }
      sent.push(cookie);
    }
    // 2. "The user agent SHOULD sort the cookie-list": longer paths first, then earlier creation first.
    sent.sort((a, b) => b.path.length - a.path.length || a.creation - b.creation);
    // 4. Serialize: "name=value" (just the value when the name is empty), joined by "; ".
    const header = sent.length === 0 ? null : sent.map((cookie) => (cookie.name === '' ? cookie.value : `${cookie.name}=${cookie.value}`)).join('; ');
    if (header !== null) decisions.unshift({ code: 'cookies-sent', facts: { header, names: sent.map((c) => c.name).join(', '), sameSiteRequest, thirdPartyContext }, anchor: section('5.8.3') });
    return { header, sent, decisions };
  }
}

function abbreviate(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
