// Sites and secure contexts: which origins are "same site" (schemeful), and which URLs count as secure
// for cookies. https://html.spec.whatwg.org/#sites and https://w3c.github.io/webappsec-secure-contexts/
import { parseUrl, serializeOrigin, type ParsedUrl } from '../fetch/urls';

export const HTML_SITES = 'https://html.spec.whatwg.org/#same-site';

/** A schemeful site: `scheme://registrable-domain` (or `scheme://host` when the host has none), or 'null' (opaque). */
export type Site = string;

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Whether a host is an IP address (v4, or v6 in brackets). */
export function isIpAddress(host: string): boolean {
  return IPV4.test(host) || host.startsWith('[');
}

// https://url.spec.whatwg.org/#host-registrable-domain
// AD-HOC: the Public Suffix List is reduced to its default rule `*` (the last label is the public
// suffix), enough for the deployment's hosts (`*.localhost`, IP addresses, one-label TLDs); a
// multi-label suffix such as `co.uk` or `github.io` is not known.
/** The registrable domain of a host, or null (an IP address, or a host that is itself a public suffix). */
export function registrableDomain(host: string): string | null {
  const lower = host.toLowerCase().replace(/\.$/, '');
  if (isIpAddress(lower)) return null;
  const labels = lower.split('.');
  if (labels.length < 2) return null;
  return labels.slice(-2).join('.');
}

/** Whether a domain is a public suffix (with the default rule: a single label). */
export function isPublicSuffix(domain: string): boolean {
  const lower = domain.toLowerCase().replace(/\.$/, '');
  return !isIpAddress(lower) && lower.length > 0 && !lower.includes('.');
}

// https://html.spec.whatwg.org/#obtain-a-site
/** The site of a serialized origin or URL: 'null' for an opaque origin, else scheme and registrable domain (or host). */
export function obtainSite(originOrUrl: string | ParsedUrl): Site {
  const url = typeof originOrUrl === 'string' ? (originOrUrl === 'null' ? undefined : parseUrl(originOrUrl)) : originOrUrl;
  if (!url) return 'null';
  return `${url.scheme}://${registrableDomain(url.host) ?? url.host}`;
}

// https://html.spec.whatwg.org/#same-site
/** Two origins are same site when their (schemeful) sites are equal and not opaque. */
export function isSameSite(a: string | ParsedUrl, b: string | ParsedUrl): boolean {
  const siteA = obtainSite(a);
  return siteA !== 'null' && siteA === obtainSite(b);
}

/** How the page and a request's target relate, for the request panel. */
export type SiteRelation = 'same-origin' | 'same-site' | 'cross-site';

/** Same origin, cross-origin but same site, or cross site (an opaque 'null' page is cross-site to everything). */
export function siteRelation(page: string, target: string): SiteRelation {
  const pageUrl = page === 'null' ? undefined : parseUrl(page);
  const targetUrl = parseUrl(target);
  if (!pageUrl || !targetUrl) return 'cross-site';
  if (serializeOrigin(pageUrl) === serializeOrigin(targetUrl)) return 'same-origin';
  return isSameSite(pageUrl, targetUrl) ? 'same-site' : 'cross-site';
}

// https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy
/** A potentially trustworthy origin: https/wss, loopback addresses, and `localhost` / `*.localhost`. */
export function isPotentiallyTrustworthy(url: ParsedUrl): boolean {
  if (url.scheme === 'https' || url.scheme === 'wss') return true;
  const host = url.host.replace(/\.$/, '');
  // 3. "If origin's host matches one of the CIDR notations 127.0.0.0/8 or ::1/128, return "Potentially Trustworthy"."
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '[::1]') return true;
  // 4. "If the user agent conforms to the name resolution rules in [let-localhost-be-localhost] and one of
  // the following is true: origin's host is "localhost" or "localhost.", or origin's host ends with
  // ".localhost" or ".localhost.", return "Potentially Trustworthy"."
  return host === 'localhost' || host.endsWith('.localhost');
}

/** Sentences for the request panel: how the target relates to the page, and what that means for cookies. */
export const SITE_RELATION_WORDS: Record<SiteRelation, { label: string; meaning: string }> = {
  'same-origin': { label: 'same-origin', meaning: 'no CORS; cookies go with the default credentials mode' },
  'same-site': { label: 'cross-origin, same-site', meaning: "CORS applies, but SameSite=Lax and Strict cookies are stored and sent (with credentials: 'include')" },
  'cross-site': { label: 'cross-origin, cross-site', meaning: 'CORS applies, and only SameSite=None; Secure cookies are stored and sent (Chromium treats a cookie without SameSite as Lax)' },
};

/** Whether every origin of a deployment shares one host (LAN mode: one address, several ports): then all are same-site. */
export function isSingleHostDeployment(origins: readonly string[]): boolean {
  const hosts = new Set(origins.map((origin) => parseUrl(origin)?.host));
  return hosts.size === 1 && !hosts.has(undefined);
}
