// Where engines differ on cookies, as data (the spec code asks; nothing else knows engine names).

/**
 * The third-party cookie setting: 'allowed' (default desktop Chrome and Firefox with third-party cookies
 * on), 'blocked' (only `Partitioned` cookies in a cross-site context), 'partitioned' (every cookie set in
 * a cross-site context is kept apart per top-level site: Firefox's Total Cookie Protection, Safari).
 */
export type ThirdPartyCookies = 'allowed' | 'blocked' | 'partitioned';
export const THIRD_PARTY_COOKIE_SETTINGS = ['allowed', 'blocked', 'partitioned'] as const;

export interface CookieProfile {
  /** How a cookie without a (known) SameSite attribute behaves: 'Lax' (Lax by default) or 'None'. */
  defaultSameSite: 'Lax' | 'None';
  /** Enforcements whose cookies a cross-site response may not set (RFC 6265bis 5.7 step 15). */
  refusesCrossSiteSetOf: readonly ('Strict' | 'Lax' | 'Default')[];
  /** `SameSite=None` without `Secure` is refused. */
  noneRequiresSecure: boolean;
  /** Which URLs are "secure" for the `Secure` attribute: 'trustworthy' (https, loopback, `localhost`, `*.localhost`) or 'https' only. */
  secureUrls: 'trustworthy' | 'https';
  /** A request is same-site only when every URL of its redirect chain is (RFC 6265bis 5.2); false: the current URL alone. */
  sameSiteConsidersRedirectChain: boolean;
  /** The third-party cookie setting of the engine as the verifier launches it. */
  thirdPartyCookies: ThirdPartyCookies;
  /** `Partitioned` is honoured (CHIPS): the cookie is keyed by the top-level site. */
  honoursPartitioned: boolean;
  /** A `Partitioned` cookie without `Secure` is refused. */
  partitionedRequiresSecure: boolean;
  /** The `__Secure-` and `__Host-` name prefixes are enforced (RFC 6265bis 4.1.3). */
  enforcesNamePrefixes: boolean;
  /** The engine source behind each value, shown with the decisions it takes. */
  sources: Partial<Record<CookieRule, string>>;
}

export type CookieRule = 'defaultSameSite' | 'refusesCrossSiteSet' | 'noneRequiresSecure' | 'secureUrls' | 'redirectChain' | 'thirdPartyCookies' | 'partitioned' | 'namePrefixes';
