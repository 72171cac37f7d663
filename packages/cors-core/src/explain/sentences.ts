// One plain sentence per decision, with the concrete values. Kept apart from the spec code: the spec
// code records what it decided (a code and facts); this file says it in words.
import type { CookieDecisionCode, CorsCheckCode, Decision, Fact } from '../fetch/decision';
import { whyOriginsDiffer } from './differences';

const q = (value: Fact | undefined): string => {
  if (value === null || value === undefined) return '(none)';
  if (Array.isArray(value)) return value.map((item) => `\`${item}\``).join(', ');
  return `\`${String(value)}\``;
};
const str = (value: Fact | undefined): string => (value === null || value === undefined ? '' : String(value));

const REASONS: Record<string, string> = {
  'too-long': 'its value is longer than 128 bytes',
  'not-safelisted-name': 'it is not a CORS-safelisted request-header',
  'unsafe-byte': 'its value contains a CORS-unsafe byte',
  'bad-language-byte': 'its value has a byte outside 0-9 A-Z a-z space * , - . ; =',
  'not-a-mime-type': 'its value does not parse as a MIME type',
  'mime-essence': 'its MIME type is not application/x-www-form-urlencoded, multipart/form-data or text/plain',
  'bad-range': 'its value is not a single `bytes=N-` or `bytes=N-M` range',
  'total-over-1024': 'the safelisted values together exceed 1024 bytes',
};

function unsafeReasons(reasons: Fact | undefined): string {
  if (!Array.isArray(reasons) || reasons.length === 0) return '';
  return reasons
    .map((item) => {
      const [name = '', reason = ''] = String(item).split(':');
      return `\`${name}\` because ${REASONS[reason] ?? reason}`;
    })
    .join('; ');
}

function corsCheckSentence(code: CorsCheckCode, f: Record<string, Fact>, subject: string): string {
  const acao = str(f.allowOrigin);
  const origin = str(f.requestOrigin);
  switch (code) {
    case 'acao-missing':
      return `${subject} has no \`Access-Control-Allow-Origin\` header, so the browser does not share it with ${q(origin)}.`;
    case 'acao-wildcard':
      return `${subject} allows any origin with \`Access-Control-Allow-Origin: *\`, which is enough for a request without credentials.`;
    case 'acao-wildcard-with-credentials':
      return `${subject} sends \`Access-Control-Allow-Origin: *\`, but the request's credentials mode is \`include\`: with credentials the header must name the origin ${q(origin)} exactly.`;
    case 'acao-multiple':
      return `\`Access-Control-Allow-Origin\` is ${q(acao)}: several values (or several header lines, combined with ", ") never equal one origin.`;
    case 'acao-invalid':
      return `\`Access-Control-Allow-Origin\` is ${q(acao)}, which is neither \`*\`, \`null\` nor an origin, so it cannot match ${q(origin)}.`;
    case 'acao-mismatch':
      return `\`Access-Control-Allow-Origin\` is ${q(acao)} but the request's origin is ${q(origin)}: ${whyOriginsDiffer(acao, origin)}.`;
    case 'acao-match':
      return `\`Access-Control-Allow-Origin\` is ${q(acao)}, exactly the request's origin.`;
    case 'acao-match-acac-true':
      return `\`Access-Control-Allow-Origin\` is exactly ${q(acao)} and \`Access-Control-Allow-Credentials\` is \`true\`, as a credentialed request requires.`;
    case 'acac-not-true':
      return `The request includes credentials, so \`Access-Control-Allow-Credentials\` must be exactly \`true\`; it is ${f.allowCredentials === null ? 'missing' : q(f.allowCredentials)}.`;
  }
}

/** The sentence of a decision. The switch covers every `DecisionCode` (no default): a code without a sentence does not compile. */
export function sentenceFor(decision: Decision): string {
  const f = decision.facts;
  const c = decision.code;
  switch (c) {
    case 'preflight-acao-missing': case 'preflight-acao-wildcard': case 'preflight-acao-wildcard-with-credentials': case 'preflight-acao-multiple':
    case 'preflight-acao-invalid': case 'preflight-acao-mismatch': case 'preflight-acao-match': case 'preflight-acao-match-acac-true': case 'preflight-acac-not-true':
      return corsCheckSentence(c.slice('preflight-'.length) as CorsCheckCode, f, 'The preflight answer');
    case 'acao-missing': case 'acao-wildcard': case 'acao-wildcard-with-credentials': case 'acao-multiple': case 'acao-invalid':
    case 'acao-mismatch': case 'acao-match': case 'acao-match-acac-true': case 'acac-not-true':
      return corsCheckSentence(c, f, f.redirect ? 'The redirect answer' : 'The answer');
    case 'url-invalid': return `${q(f.url)} is not a valid URL, so ${str(f.api)} throws a TypeError and nothing is sent.`;
    case 'url-credentials': return `${q(f.url)} contains a username or password, so ${str(f.api)} throws a TypeError and nothing is sent.`;
    case 'method-invalid': return `${q(f.method)} is not a valid method (a token), so ${str(f.api)} throws before sending.`;
    case 'method-forbidden': return `${q(f.method)} is a forbidden method (CONNECT, TRACE, TRACK), so ${str(f.api)} throws before sending.`;
    case 'method-normalized': return `The method ${q(f.from)} is normalized to ${q(f.to)}.`;
    case 'method-case-kept': return `The method ${q(f.method)} is not one of DELETE, GET, HEAD, OPTIONS, POST, PUT, so its case is kept: it is sent as ${q(f.method)} and must match \`Access-Control-Allow-Methods\` byte for byte.`;
    case 'no-cors-method': return `Mode \`no-cors\` only allows GET, HEAD and POST, and the method is ${q(f.method)}, so fetch() throws a TypeError.`;
    case 'only-if-cached': return `Cache mode \`only-if-cached\` requires mode \`same-origin\` (the mode is ${q(f.mode)}), so fetch() throws a TypeError.`;
    case 'header-name-invalid': return `${q(f.name)} is not a valid header name, so the request throws a TypeError before sending.`;
    case 'header-value-invalid': return `The value of ${q(f.name)} contains a byte a header value may not contain, so the request throws before sending.`;
    case 'header-forbidden-dropped': return `${q(f.name)} is a forbidden request-header: ${str(f.api)} silently drops it${f.api === 'XMLHttpRequest' ? ' (Chromium logs "Refused to set unsafe header")' : ''}.`;
    case 'header-no-cors-dropped': return `In mode \`no-cors\` only Accept, Accept-Language, Content-Language and a safelisted Content-Type are kept: ${q(f.name)} (${q(f.value)}) is silently dropped.`;
    case 'body-with-get': return `A ${q(f.method)} request cannot have a body, so fetch() throws a TypeError.`;
    case 'body-content-type-added': return `The string body adds \`Content-Type: ${str(f.value)}\`, which is CORS-safelisted.`;
    case 'same-origin': return `${q(f.url)} is same-origin with the page (${q(f.origin)}): a basic fetch, no CORS involved.`;
    case 'same-origin-mode': return `Mode \`same-origin\` forbids going to ${q(f.url)}, another origin than ${q(f.origin)}: a network error before anything is sent.`;
    case 'no-cors-redirect-mode': return `Mode \`no-cors\` requires redirect mode \`follow\`, not ${q(f.redirect)}.`;
    case 'no-cors': return `Mode \`no-cors\`: the request to ${q(f.url)} goes out without CORS checks, and script gets an opaque response.`;
    case 'scheme-not-http': return `${q(f.url)} is not http(s), and CORS requests only work over HTTP(S).`;
    case 'cross-origin': return `${q(f.url)} is cross-origin to the page (${q(f.documentOrigin)}), so this is a CORS request${f.tainted ? ' whose Origin is now `null`' : ` with \`Origin: ${str(f.origin)}\``}.`;
    case 'cors-sticky': return `The request is still a CORS request at ${q(f.url)} (the CORS flag is sticky across redirects)${f.tainted ? ', with `Origin: null`' : ''}.`;
    case 'unreachable-host': return `${q(f.url)} is not one of the playground's origins, so the request cannot reach a server here.`;
    case 'preflight-needed': {
      const why: string[] = [];
      if (f.forced) why.push('an upload listener forces it');
      if (f.methodUnsafe) why.push(`the method ${q(f.method)} is not GET, HEAD or POST`);
      const reasons = unsafeReasons(f.reasons);
      if (reasons) why.push(`of the headers ${reasons}`);
      return `A preflight is needed because ${why.join(', and ')}.`;
    }
    case 'preflight-not-needed': return `No preflight: the method ${q(f.method)} is CORS-safelisted and every header is CORS-safelisted.`;
    case 'preflight-again-after-redirect': return `The redirected ${q(f.method)} request would need no preflight, but it was preflighted before the redirect and this browser preflights it again.`;
    case 'browser-extra-safelisted': return `${q(f.names)} would need a preflight per the spec, but this browser safelists it.`;
    case 'preflight-cache-hit': return `The preflight cache still holds a result for this URL that covers the request (valid for about ${Math.round(Number(f.remainingMs) / 1000)} s more), so no preflight is sent.`;
    case 'preflight-cache-expired': return 'The cached preflight result has expired, so a new preflight is sent.';
    case 'preflight-cache-insufficient': return `The cached preflight result does not cover this request${f.erased ? ', and the browser erases it' : ''}, so a new preflight is sent.`;
    case 'preflight-cache-bypassed': return `Cache mode ${q(f.cacheMode)} makes the browser skip the preflight cache, so a new preflight is sent.`;
    case 'preflight-cache-empty': return 'The preflight cache has nothing for this URL, so a preflight is sent.';
    case 'preflight-sent': return `The browser sends \`OPTIONS ${str(f.url)}\` with \`Access-Control-Request-Method: ${str(f.method)}\`${f.requestHeaders ? ` and \`Access-Control-Request-Headers: ${str(f.requestHeaders)}\`` : ''}, without cookies.`;
    case 'preflight-redirected': return `The preflight was answered with a ${str(f.status)} redirect to ${q(f.location)}, and a preflight may not be redirected.`;
    case 'preflight-status-not-ok': return `The preflight answer's status is ${str(f.status)}, not an ok status (200-299).`;
    case 'preflight-status-ok': return `The preflight answer's status ${str(f.status)} is an ok status.`;
    case 'acam-unparsable': return `\`Access-Control-Allow-Methods: ${str(f.allowMethods)}\` does not parse: ${q(f.invalidItem)} is not a method token (items are separated by commas).`;
    case 'acah-unparsable': return `\`Access-Control-Allow-Headers: ${str(f.allowHeaders)}\` does not parse: ${q(f.invalidItem)} is not a header name (items are separated by commas).`;
    case 'method-not-allowed': {
      const extra = f.caseOnly ? ' Method names are compared byte for byte, so the case must match.' : f.starWithCredentials ? ' `*` is only a wildcard for requests without credentials.' : '';
      return `The method ${q(f.method)} is not in \`Access-Control-Allow-Methods\` (${f.allowMethods === null ? 'missing' : q(f.allowMethods)}).${extra}`;
    }
    case 'method-listed': return `The method ${q(f.method)} is listed in \`Access-Control-Allow-Methods\`.`;
    case 'method-safelisted': return `The method ${q(f.method)} is CORS-safelisted, so \`Access-Control-Allow-Methods\` need not list it.`;
    case 'method-wildcard': return `\`Access-Control-Allow-Methods: *\` allows ${q(f.method)} because the request has no credentials.`;
    case 'authorization-covered-by-wildcard': return '`Access-Control-Allow-Headers: *` does not cover `Authorization` per the spec, but this browser still lets it through and only warns (Chromium: a DevTools deprecation issue; Firefox: a console warning).';
    case 'authorization-not-listed': return `\`Authorization\` must be listed by name in \`Access-Control-Allow-Headers\`${f.wildcard ? '; `*` never covers it' : ''}.`;
    case 'header-not-allowed': return `The request header ${q(f.header)} is not in \`Access-Control-Allow-Headers\` (${f.allowHeaders === null ? 'missing' : q(f.allowHeaders)})${f.starWithCredentials ? '; `*` is only a wildcard for requests without credentials' : ''}.`;
    case 'headers-wildcard': return `\`Access-Control-Allow-Headers: *\` covers ${q(f.headers)} because the request has no credentials.`;
    case 'headers-listed': return `\`Access-Control-Allow-Headers\` lists ${q(f.headers)}.`;
    case 'max-age': return `\`Access-Control-Max-Age\` is ${f.maxAge === null ? 'missing, so the default of 5 s applies' : q(f.maxAge)}: the result may be reused for ${str(f.seconds)} s (this browser caps it at ${str(f.cap)} s).`;
    case 'preflight-cache-stored': return `The preflight result is cached for ${str(f.seconds)} s.`;
    case 'preflight-cache-not-stored': return Number(f.seconds) <= 0 ? 'A max-age of 0 or less means the result is not cached.' : `Cache mode ${q(f.cacheMode)} keeps the result out of the cache.`;
    case 'answer': return `The server answers \`${str(f.method)} ${str(f.url)}\` with ${str(f.status)}${f.routeKey === null ? ` (${f.serverNote === 'location-outside-deployment' ? 'the echo server refuses to redirect outside its origins' : f.serverNote === 'framing-refused' ? 'the echo server refuses a Content-Length on an answer without a body' : 'no route matches'})` : ` from route ${q(f.routeKey)}`}${f.redirect ? ', a redirect' : ''}.`;
    case 'opaque-response': return `Script gets an opaque response: status 0, no headers, no body (the server answered ${str(f.status)}).`;
    case 'response-cors': return `The answer passes the CORS check: ${str(f.api)} gets status ${str(f.status)} and the CORS-safelisted or exposed headers.`;
    case 'response-basic': return `Same-origin answer: ${str(f.api)} gets status ${str(f.status)} and every header except Set-Cookie.`;
    case 'redirect-mode-error': return `The answer is a ${str(f.status)} redirect and the redirect mode is \`error\`: a network error.`;
    case 'redirect-mode-manual': return `The answer is a ${str(f.status)} redirect and the redirect mode is \`manual\`: script gets an opaque-redirect response (status 0).`;
    case 'location-invalid': return `\`Location: ${str(f.location)}\` is not a valid URL: a network error.`;
    case 'location-not-http': return `\`Location: ${str(f.location)}\` is not an http(s) URL: a network error.`;
    case 'too-many-redirects': return `More than ${str(f.max)} redirects: a network error.`;
    case 'location-credentials': return `The redirect target ${q(f.location)} contains a username and password, which a CORS request may not follow.`;
    case 'redirect-method-get': return `A ${str(f.status)} redirect turns ${q(f.from)} into GET and drops the body and its headers.`;
    case 'redirect-authorization-removed': return 'The redirect goes to another origin, so `Authorization` is removed.';
    case 'origin-tainted': return `The redirect from ${q(f.from)} to ${q(f.to)} crosses origins after the request already left ${q(f.origin)}: from now on the request's origin is serialized as \`null\`.`;
    case 'redirect-followed': return `The browser follows the ${str(f.status)} redirect to ${q(f.to)}.`;
    case 'cookie-stored': case 'cookie-replaced': case 'cookie-deleted': case 'cookie-expired-on-arrival': case 'cookie-not-stored':
    case 'cookies-sent': case 'cookie-withheld': case 'cookies-no-credentials': case 'cookies-not-on-preflight':
      return cookieSentence(c, f);
  }
}

const NOT_STORED: Record<string, (f: Record<string, Fact>) => string> = {
  'control-character': () => 'it contains a control character, so the whole line is ignored',
  'too-long': () => 'its name and value together exceed 4096 bytes',
  'empty-name-and-value': () => 'its name and value are both empty',
  'public-suffix': (f) => `\`Domain=${str(f.domain)}\` is a public suffix`,
  'domain-mismatch': (f) => `\`Domain=${str(f.domain)}\` does not cover the host ${q(f.host)}`,
  'secure-insecure-url': (f) => `it is \`Secure\` and this browser does not count ${q(f.url)} as a secure URL`,
  'would-overlay-secure': () => 'a `Secure` cookie of the same name already exists and an insecure URL may not shadow it',
  'samesite-cross-site-set': (f) => `it is \`SameSite=${f.sameSite === 'Default' ? `Lax\` by default (no SameSite attribute)` : `${str(f.sameSite)}\``} and came from a cross-site request: only a same-site request or a top-level navigation may set such a cookie. Add \`SameSite=None; Secure\` to set it from another site`,
  'samesite-none-insecure': () => '`SameSite=None` requires `Secure`',
  'prefix-secure': (f) => `a name starting with \`__Secure-\` (${q(f.name)}) requires \`Secure\``,
  'prefix-host': (f) => `a name starting with \`__Host-\` (${q(f.name)}) requires \`Secure\`, \`Path=/\` and no \`Domain\``,
  'partitioned-insecure': () => '`Partitioned` requires `Secure`',
  'third-party-blocked': (f) => `third-party cookies are blocked, and ${q(f.site)} is another site than the top-level page (${q(f.topLevelSite)})`,
  preflight: () => 'a preflight answer never sets cookies (it is made without credentials)',
  'no-credentials': (f) => `the request does not include credentials (credentials mode ${q(f.credentials)}${f.credentials === 'same-origin' ? ' and the request is cross-origin' : ''}), so the browser ignores \`Set-Cookie\`. Use \`credentials: 'include'\` (XHR: \`withCredentials = true\`)`,
};

const WITHHELD: Record<string, (f: Record<string, Fact>) => string> = {
  'samesite-strict-cross-site': () => 'it is `SameSite=Strict` and this request is cross-site',
  'samesite-lax-cross-site': (f) => `it is ${f.sameSite === 'Default' ? '`SameSite=Lax` by default (it has no SameSite attribute)' : '`SameSite=Lax`'} and this request is cross-site (a fetch is never a top-level navigation). A cookie meant for other sites needs \`SameSite=None; Secure\``,
  'secure-insecure-url': () => 'it is `Secure` and this URL is not secure for this browser',
  'other-partition': (f) => `it is partitioned under ${q(f.partitionKey)}, not under this page's top-level site ${q(f.topLevelSite)}`,
  'third-party-blocked': () => 'third-party cookies are blocked and this request is cross-site to the top-level page',
};

/** Sentences for the cookie decisions (src/cookies). */
function cookieSentence(c: CookieDecisionCode, f: Record<string, Fact>): string {
  switch (c) {
    case 'cookie-stored':
    case 'cookie-replaced':
      return `${f.starting ? 'Before run 1 the browser holds' : 'The browser stores'} the cookie ${q(`${str(f.name)}=${str(f.value)}`)} for ${f.hostOnly ? `the host ${q(f.domain)} only` : `${q(f.domain)} and its subdomains`}, path ${q(f.path)}${f.sameSite === 'Default' ? ', no SameSite attribute' : `, \`SameSite=${str(f.sameSite)}\``}${f.secure ? ', `Secure`' : ''}${f.httpOnly ? ', `HttpOnly` (script can never read it)' : ''}${f.partitionKey ? `, partitioned under ${q(f.partitionKey)}` : ''}${f.persistent ? '' : ', until the browser closes'}${c === 'cookie-replaced' ? '; it replaces the cookie of the same name' : ''}${f.thirdPartyContext ? ' (set in a cross-site context: third-party cookies are allowed)' : ''}.`;
    case 'cookie-deleted': return `The cookie ${q(f.name)} is deleted: its expiry (\`Max-Age\` of 0 or less, or an \`Expires\` in the past) has passed.`;
    case 'cookie-expired-on-arrival': return `The cookie ${q(f.name)} is not kept: it expires on arrival (\`Max-Age\` of 0 or less, or an \`Expires\` in the past).`;
    case 'cookie-not-stored': {
      const why = NOT_STORED[String(f.reason)];
      return `The browser does not store ${f.name !== undefined ? `the cookie ${q(f.name)}` : `\`Set-Cookie: ${str(f.setCookie)}\``}: ${why ? why(f) : str(f.reason)}.`;
    }
    case 'cookies-sent': return `The request carries \`Cookie: ${str(f.header)}\`${f.sameSiteRequest ? ' (a same-site request)' : ' (a cross-site request: cookies that are SameSite=Lax or Strict stay home)'}.`;
    case 'cookie-withheld': {
      const why = WITHHELD[String(f.reason)];
      return `The cookie ${q(f.name)} stays home: ${why ? why(f) : str(f.reason)}.`;
    }
    case 'cookies-no-credentials': return `The browser holds ${q(f.names)} for this URL but sends no cookie: the request does not include credentials (credentials mode ${q(f.credentials)}${f.credentials === 'same-origin' ? ', and the request is not same-origin' : ''}).`;
    case 'cookies-not-on-preflight': return `The preflight carries no cookie (${q(f.names)} would go with the actual request): a preflight is always sent without credentials.`;
  }
}
