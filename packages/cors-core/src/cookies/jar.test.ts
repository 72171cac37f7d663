// The jar (RFC 6265bis 5.7 storage, 5.8.3 retrieval) with each engine's profile, one line a case.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chromiumProfile, firefoxProfile, webkitProfile } from '../browsers/index';
import { parseUrl, type ParsedUrl } from '../fetch/urls';
import { CookieJar, defaultPath, pathMatches, domainMatches, type CookieContext } from './jar';
import { obtainSite, siteRelation, isPotentiallyTrustworthy } from './sites';
import type { ThirdPartyCookies } from './profile';

const PAGE = 'http://web.localhost:8787';
const url = (text: string): ParsedUrl => parseUrl(text)!;
/** A fetch from a page on {page} (top level) to `target`, after the redirects in `via`. */
const from = (target: string, via: string[] = [], page = PAGE): CookieContext => ({
  siteForCookies: obtainSite(page),
  topLevelSite: obtainSite(PAGE),
  urlList: [...via, target].map(url),
});
const NOW = Date.UTC(2026, 10, 30);

function jar(profile = chromiumProfile, thirdParty?: ThirdPartyCookies): CookieJar {
  return new CookieJar(profile.cookies, thirdParty);
}

describe('sites (HTML #same-site, schemeful)', () => {
  it.each([
    [PAGE, 'http://web.localhost:8787', 'same-origin'],
    [PAGE, 'http://api.web.localhost:8787', 'same-site'],
    [PAGE, 'http://web.localhost:9999', 'same-site'],
    [PAGE, 'http://api.localhost:8787', 'cross-site'],
    [PAGE, 'https://web.localhost:8787', 'cross-site'],
    ['http://192.168.1.20:8787', 'http://192.168.1.20:8788', 'same-site'],
    ['http://192.168.1.20:8787', 'http://192.168.1.21:8787', 'cross-site'],
    ['null', 'http://web.localhost:8787', 'cross-site'],
  ])('%s → %s is %s', (page, target, relation) => {
    expect(siteRelation(page, target)).toBe(relation);
  });

  it.each([
    ['http://web.localhost', true], ['http://localhost', true], ['http://127.0.0.2', true], ['http://[::1]', true],
    ['https://example.com', true], ['http://example.com', false], ['http://192.168.1.20', false],
  ])('%s is potentially trustworthy: %s', (text, trustworthy) => {
    expect(isPotentiallyTrustworthy(url(text))).toBe(trustworthy);
  });
});

describe('paths and domains (RFC 6265bis 5.1.3, 5.1.4)', () => {
  it.each([['/', '/'], ['/login', '/'], ['/a/b', '/a'], ['/a/b/', '/a/b'], ['', '/']])('defaultPath(%j) = %j', (path, expected) => {
    expect(defaultPath(path)).toBe(expected);
  });
  it.each([['/a/b', '/a', true], ['/ab', '/a', false], ['/a', '/a', true], ['/a/b', '/a/', true], ['/', '/a', false]])('pathMatches(%j, %j) = %s', (request, cookie, expected) => {
    expect(pathMatches(request, cookie)).toBe(expected);
  });
  it.each([['api.web.localhost', 'web.localhost', true], ['web.localhost', 'web.localhost', true], ['xweb.localhost', 'web.localhost', false], ['1.2.3.4', '2.3.4', false]])('domainMatches(%j, %j) = %s', (host, domain, expected) => {
    expect(domainMatches(host, domain)).toBe(expected);
  });
});

describe('the user case: Set-Cookie: sid=abc123; Path=/ to a credentialed fetch', () => {
  it('Chromium refuses it from the cross-site api.localhost (Lax by default), keeps it from the same-site api.web.localhost', () => {
    const crossSite = jar();
    expect(crossSite.store('sid=abc123; Path=/', from('http://api.localhost:8787/login'), NOW)).toMatchObject({ code: 'cookie-not-stored', facts: { reason: 'samesite-cross-site-set', sameSite: 'Default' } });
    expect(crossSite.retrieve(from('http://api.localhost:8787/login'), NOW).header).toBeNull();
    const sameSite = jar();
    expect(sameSite.store('sid=abc123; Path=/', from('http://api.web.localhost:8787/login'), NOW).code).toBe('cookie-stored');
    expect(sameSite.retrieve(from('http://api.web.localhost:8787/me'), NOW).header).toBe('sid=abc123');
  });

  it('Firefox and WebKit (no Lax by default) keep it and send it cross-site', () => {
    for (const profile of [firefoxProfile, webkitProfile]) {
      const j = jar(profile);
      expect(j.store('sid=abc123; Path=/', from('http://api.localhost:8787/login'), NOW).code).toBe('cookie-stored');
      expect(j.retrieve(from('http://api.localhost:8787/me'), NOW).header).toBe('sid=abc123');
    }
  });
});

describe('storage (RFC 6265bis 5.7)', () => {
  it.each([
    ['a=1; SameSite=None; Secure', 'http://api.localhost:8787/', 'cookie-stored'],
    ['a=1; SameSite=None', 'http://api.localhost:8787/', 'samesite-none-insecure'],
    ['a=1; SameSite=Strict', 'http://api.localhost:8787/', 'samesite-cross-site-set'],
    ['a=1; SameSite=Strict', 'http://api.web.localhost:8787/', 'cookie-stored'],
    ['a=1; Domain=localhost', 'http://api.localhost:8787/', 'public-suffix'],
    ['a=1; Domain=other.localhost', 'http://api.web.localhost:8787/', 'domain-mismatch'],
    ['a=1; Domain=web.localhost', 'http://api.web.localhost:8787/', 'cookie-stored'],
    ['__Secure-a=1', 'http://web.localhost:8787/', 'prefix-secure'],
    ['__Host-a=1; Secure; Path=/; Domain=web.localhost', 'http://web.localhost:8787/', 'prefix-host'],
    ['__Host-a=1; Secure; Path=/', 'http://web.localhost:8787/', 'cookie-stored'],
    ['a=1; Partitioned; SameSite=None', 'http://api.localhost:8787/', 'samesite-none-insecure'],
    ['a=1; Secure; Partitioned', 'http://web.localhost:8787/', 'cookie-stored'],
    ['a=1; Max-Age=0', 'http://web.localhost:8787/', 'cookie-expired-on-arrival'],
  ])('Chromium: %s from %s → %s', (line, target, outcome) => {
    const decision = jar().store(line, from(target), NOW);
    expect(decision.code === 'cookie-not-stored' ? decision.facts.reason : decision.code).toBe(outcome);
  });

  it('WebKit stores no Secure cookie from http://*.localhost; Chromium and Firefox do', () => {
    expect(jar(webkitProfile).store('a=1; Secure', from(`${PAGE}/`), NOW).facts.reason).toBe('secure-insecure-url');
    expect(jar(chromiumProfile).store('a=1; Secure', from(`${PAGE}/`), NOW).code).toBe('cookie-stored');
    expect(jar(firefoxProfile).store('a=1; Secure', from(`${PAGE}/`), NOW).code).toBe('cookie-stored');
  });

  it('Max-Age=0 deletes a stored cookie; a later cookie of the same name replaces it, keeping its creation order', () => {
    const j = jar();
    j.store('a=1', from(`${PAGE}/`), NOW);
    j.store('b=2', from(`${PAGE}/`), NOW);
    expect(j.store('a=3', from(`${PAGE}/`), NOW).code).toBe('cookie-replaced');
    expect(j.retrieve(from(`${PAGE}/x`), NOW).header).toBe('a=3; b=2');
    expect(j.store('a=; Max-Age=0', from(`${PAGE}/`), NOW).code).toBe('cookie-deleted');
    expect(j.retrieve(from(`${PAGE}/x`), NOW).header).toBe('b=2');
  });

  it('a cookie expires with the clock (Max-Age in seconds)', () => {
    const j = jar();
    j.store('a=1; Max-Age=2', from(`${PAGE}/`), NOW);
    expect(j.retrieve(from(`${PAGE}/`), NOW + 1999).header).toBe('a=1');
    expect(j.retrieve(from(`${PAGE}/`), NOW + 2000).header).toBeNull();
  });

  it('the third-party setting: blocked refuses a cross-site cookie but keeps a Partitioned one', () => {
    const j = jar(chromiumProfile, 'blocked');
    expect(j.store('a=1; SameSite=None; Secure', from('http://api.localhost:8787/'), NOW).facts.reason).toBe('third-party-blocked');
    expect(j.store('b=1; SameSite=None; Secure; Partitioned', from('http://api.localhost:8787/'), NOW).code).toBe('cookie-stored');
    expect(j.retrieve(from('http://api.localhost:8787/'), NOW).header).toBe('b=1');
  });

  it('partitioned: a cookie set in a cross-site context is kept under the top-level site', () => {
    const j = jar(firefoxProfile, 'partitioned');
    expect(j.store('a=1', from('http://api.localhost:8787/'), NOW).facts.partitionKey).toBe('http://web.localhost');
    expect(j.retrieve(from('http://api.localhost:8787/'), NOW).header).toBe('a=1');
    const elsewhere: CookieContext = { siteForCookies: 'http://other.localhost', topLevelSite: 'http://other.localhost', urlList: [url('http://api.localhost:8787/')] };
    expect(j.retrieve(elsewhere, NOW)).toMatchObject({ header: null, decisions: [{ code: 'cookie-withheld', facts: { reason: 'other-partition' } }] });
  });
});

describe('retrieval (RFC 6265bis 5.8.3)', () => {
  it('a Lax cookie of the page goes to a same-site origin, not to a cross-site one, nor after a cross-site hop (Chromium)', () => {
    const j = jar();
    j.store('a=1; Domain=web.localhost; SameSite=Lax', from(`${PAGE}/`), NOW);
    expect(j.retrieve(from('http://api.web.localhost:8787/x'), NOW).header).toBe('a=1');
    expect(j.retrieve(from(`${PAGE}/x`, ['http://api.localhost:8787/r']), NOW)).toMatchObject({ header: null, decisions: [{ facts: { reason: 'samesite-lax-cross-site' } }] });
  });

  it('sorts longer paths first', () => {
    const j = jar();
    j.store('a=1; Path=/', from(`${PAGE}/`), NOW);
    j.store('b=2; Path=/x', from(`${PAGE}/`), NOW);
    expect(j.retrieve(from(`${PAGE}/x/y`), NOW).header).toBe('b=2; a=1');
  });

  it('a frame cross-site to the top level has no site for cookies: every request of it is cross-site', () => {
    const j = jar();
    j.store('a=1; SameSite=Lax', from('http://api.localhost:8787/'), NOW); // refused: cross-site
    j.store('b=1', { siteForCookies: 'http://api.localhost', topLevelSite: 'http://api.localhost', urlList: [url('http://api.localhost:8787/')], topLevelNavigation: true }, NOW);
    expect(j.retrieve({ siteForCookies: 'null', topLevelSite: obtainSite(PAGE), urlList: [url('http://api.localhost:8787/')] }, NOW).header).toBeNull();
  });
});

describe('properties', () => {
  const anyLine = fc.oneof(fc.string({ maxLength: 200 }), fc.tuple(fc.stringMatching(/^[a-z]{1,5}$/), fc.array(fc.constantFrom('Secure', 'HttpOnly', 'SameSite=None', 'SameSite=Lax', 'SameSite=Strict', 'Path=/', 'Path=/a', 'Domain=web.localhost', 'Domain=localhost', 'Max-Age=0', 'Max-Age=5', 'Partitioned', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT'), { maxLength: 5 })).map(([n, attrs]) => [`${n}=v`, ...attrs].join('; ')));
  const target = fc.constantFrom('http://web.localhost:8787/', 'http://api.web.localhost:8787/a/b', 'http://api.localhost:8787/', 'http://127.0.0.1:8787/', 'https://example.com/x');
  const profiles = fc.constantFrom(chromiumProfile, firefoxProfile, webkitProfile);
  const setting = fc.constantFrom<ThirdPartyCookies>('allowed', 'blocked', 'partitioned');

  it('never throws; what it says it stored is sent back to the same URL unless a rule it names withholds it', () => {
    fc.assert(fc.property(profiles, setting, fc.array(fc.tuple(anyLine, target), { maxLength: 8 }), (profile, thirdParty, lines) => {
      const j = new CookieJar(profile.cookies, thirdParty);
      for (const [line, to] of lines) {
        const decision = j.store(line, from(to), NOW);
        if (decision.code !== 'cookie-stored' && decision.code !== 'cookie-replaced') continue;
        const back = j.retrieve(from(to), NOW);
        const name = String(decision.facts.name);
        const sent = back.sent.some((cookie) => cookie.name === name);
        const withheld = back.decisions.some((d) => d.code === 'cookie-withheld' && d.facts.name === name);
        expect(sent || withheld || !pathMatches(url(to).path, String(decision.facts.path))).toBe(true);
      }
    }), { numRuns: 400 });
  });

  it('the Cookie header lists each sent cookie once, as name=value joined by "; "', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 6 }), (names) => {
      const j = jar();
      for (const name of names) j.store(`${name}=${name.length}; Path=/`, from(`${PAGE}/`), NOW);
      const header = j.retrieve(from(`${PAGE}/`), NOW).header;
      expect(header === null ? [] : header.split('; ')).toEqual(names.map((name) => `${name}=${name.length}`));
    }), { numRuns: 200 });
  });
});
