// Cookies in a fetch: https://fetch.spec.whatwg.org/#concept-http-network-or-cache-fetch step 8.20
// ("If includeCredentials is true: ... append (`Cookie`, cookies)") and #concept-http-network-fetch step
// 15 ("If includeCredentials is true, the user agent should parse and store response `Set-Cookie`
// headers"), with the jar (RFC 6265bis) deciding which cookie goes and which is kept.
import type { CredentialsMode } from '../fetch/cors-check';
import type { DecisionCode, Fact, Verdict } from '../fetch/decision';
import type { ParsedUrl } from '../fetch/urls';
import type { ResponseTainting } from '../fetch/response-exposure';
import type { CookieJar, CookieContext, CookieDecision } from './jar';
import { obtainSite, isSameSite, type Site } from './sites';

/** How the simulation records a decision (main-fetch's `note`). */
export type NoteDecision = (algorithm: string, anchor: string, verdict: Verdict, code: DecisionCode, facts?: Record<string, Fact>, adHoc?: string) => void;

const HTTP_NETWORK_OR_CACHE_FETCH = '#concept-http-network-or-cache-fetch';
const HTTP_NETWORK_FETCH = '#concept-http-network-fetch';

/** A scenario's cookie state: the jar, where the runner's top-level document is, and the clock base. */
export interface ScenarioCookies {
  jar: CookieJar;
  /** The top-level document's origin (the runner or the playground, on `{page}`). */
  topLevelOrigin: string;
  /** ms since the epoch at the first run: the clock's 0. */
  epochMs: number;
}

/** The document's site for cookies: the top-level site when the document is same-site with it, else 'null' (RFC 6265bis 5.2.1). */
export function siteForCookiesOf(documentOrigin: string, topLevelOrigin: string): Site {
  if (documentOrigin === 'null') return 'null';
  return isSameSite(documentOrigin, topLevelOrigin) ? obtainSite(topLevelOrigin) : 'null';
}

// https://fetch.spec.whatwg.org/#concept-http-network-or-cache-fetch step 8.4 ("includeCredentials")
/** "If request's credentials mode is "include", or "same-origin" and request's response tainting is "basic"". */
export function includesCredentialsFor(credentialsMode: CredentialsMode, tainting: ResponseTainting): boolean {
  return credentialsMode === 'include' || (credentialsMode === 'same-origin' && tainting === 'basic');
}

function record(note: NoteDecision, algorithm: string, verdict: Verdict, decision: CookieDecision): void {
  note(algorithm, decision.anchor, verdict, decision.code, decision.facts, decision.adHoc);
}

/** The cookies of one run of a request (one URL list: the hops of its redirects). */
export class RunCookies {
  private readonly urlList: ParsedUrl[] = [];
  private readonly context: Omit<CookieContext, 'urlList'>;

  constructor(
    private readonly cookies: ScenarioCookies,
    documentOrigin: string,
    private readonly credentialsMode: CredentialsMode,
    private readonly note: NoteDecision,
  ) {
    this.context = { siteForCookies: siteForCookiesOf(documentOrigin, cookies.topLevelOrigin), topLevelSite: obtainSite(cookies.topLevelOrigin) };
  }

  private contextFor(url: ParsedUrl): CookieContext {
    const last = this.urlList.at(-1);
    return { ...this.context, urlList: last === url ? this.urlList : [...this.urlList, url] };
  }

  /** Before sending: the `Cookie` header value, or null. A preflight never carries cookies. */
  request(kind: 'preflight' | 'actual', url: ParsedUrl, tainting: ResponseTainting, nowMs: number): string | null {
    if (kind === 'actual' && this.urlList.at(-1) !== url) this.urlList.push(url);
    const now = this.cookies.epochMs + nowMs;
    const candidates = this.cookies.jar.list(now).length;
    if (candidates === 0) return null;
    // https://fetch.spec.whatwg.org/#cors-preflight-fetch-0: the preflight is made with credentials
    // mode "same-origin" and response tainting "cors", so includeCredentials is false.
    if (kind === 'preflight') {
      const would = this.cookies.jar.retrieve(this.contextFor(url), now);
      if (would.header !== null) this.note('CORS-preflight fetch', '#cors-preflight-fetch-0', 'info', 'cookies-not-on-preflight', { names: would.sent.map((c) => c.name).join(', ') });
      return null;
    }
    const retrieved = this.cookies.jar.retrieve(this.contextFor(url), now);
    if (!includesCredentialsFor(this.credentialsMode, tainting)) {
      if (retrieved.header !== null || retrieved.decisions.length > 0) {
        this.note('HTTP-network-or-cache fetch', HTTP_NETWORK_OR_CACHE_FETCH, 'info', 'cookies-no-credentials', { credentials: this.credentialsMode, tainting, names: [...retrieved.sent, ...retrieved.decisions.map((d) => ({ name: String(d.facts.name) }))].map((c) => c.name).filter((n, i, all) => all.indexOf(n) === i).join(', ') });
      }
      return null;
    }
    for (const decision of retrieved.decisions) record(this.note, 'cookie retrieval', decision.code === 'cookies-sent' ? 'pass' : 'info', decision);
    return retrieved.header;
  }

  /** After the answer: each `Set-Cookie` line stored or not, whatever the CORS check then decides. */
  response(kind: 'preflight' | 'actual', url: ParsedUrl, tainting: ResponseTainting, answerHeaders: readonly (readonly [string, string])[], nowMs: number): void {
    const lines = answerHeaders.filter(([name]) => name.toLowerCase() === 'set-cookie').map(([, value]) => value);
    if (lines.length === 0) return;
    if (kind === 'preflight') {
      this.note('CORS-preflight fetch', '#cors-preflight-fetch-0', 'info', 'cookie-not-stored', { reason: 'preflight', setCookie: lines.join(' | ') });
      return;
    }
    if (!includesCredentialsFor(this.credentialsMode, tainting)) {
      this.note('HTTP-network fetch', HTTP_NETWORK_FETCH, 'info', 'cookie-not-stored', { reason: 'no-credentials', credentials: this.credentialsMode, tainting, setCookie: lines.join(' | ') });
      return;
    }
    const now = this.cookies.epochMs + nowMs;
    for (const line of lines) {
      const decision = this.cookies.jar.store(line, this.contextFor(url), now);
      record(this.note, 'cookie storage', decision.code === 'cookie-not-stored' ? 'fail' : 'pass', decision);
    }
  }
}

/** A starting cookie (scenario `cookies`): set as by a top-level visit of its origin, before run 1. */
export function storeStartingCookie(cookies: ScenarioCookies, url: ParsedUrl, setCookie: string, note: NoteDecision): void {
  const context: CookieContext = { siteForCookies: obtainSite(url), topLevelSite: obtainSite(url), urlList: [url], topLevelNavigation: true };
  const decision = cookies.jar.store(setCookie, context, cookies.epochMs);
  record(note, 'cookie storage', decision.code === 'cookie-not-stored' ? 'fail' : 'pass', { ...decision, facts: { ...decision.facts, starting: true } });
}
