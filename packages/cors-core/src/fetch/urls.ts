// A small URL parser for the URLs a scenario uses (http and https, absolute or relative to a base).
// cors-core may not use the platform's `URL` (it is neither in ES2023 nor available everywhere the core
// runs without DOM/Node types), so this covers what the CORS rules need: scheme, credentials, host,
// port, path, query, origin. It follows the WHATWG URL standard's outcomes for these cases, not its
// every code path (no IDNA, no IPv4 number forms, no percent-encoding of exotic code points).

// https://url.spec.whatwg.org/#concept-url
export interface ParsedUrl {
  scheme: string;
  username: string;
  password: string;
  /** Lower-cased host, brackets kept for IPv6. */
  host: string;
  /** The port, or '' for the scheme's default. */
  port: string;
  /** Starts with '/'. */
  path: string;
  /** Including the leading '?', or ''. */
  query: string;
}

const SPECIAL_DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ws: '80', wss: '443', ftp: '21' };

// https://url.spec.whatwg.org/#single-dot-path-segment and #double-dot-path-segment: "." or "%2e"
// (any case), ".." or any mix of "." and "%2e" twice.
const MAY_HAVE_DOT_SEGMENT = /\.|%2e/i;
const DOUBLE_DOT_SEGMENT = /^(\.|%2e){2}$/i;

function removeDotSegments(path: string): string {
  // Most paths have no dot segment at all: nothing to remove.
  if (!MAY_HAVE_DOT_SEGMENT.test(path)) return path.startsWith('/') ? path : `/${path}`;
  const out: string[] = [];
  const segments = path.split('/');
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '.' || segment.toLowerCase() === '%2e') {
      if (last) out.push('');
    } else if (segment === '..' || DOUBLE_DOT_SEGMENT.test(segment)) {
      if (out.length > 1) out.pop();
      if (last) out.push('');
    } else out.push(segment);
  });
  const joined = out.join('/');
  return joined.startsWith('/') ? joined : `/${joined}`;
}

// eslint-disable-next-line no-control-regex -- URL parsing trims and encodes C0 controls by definition
const PATH_CODE_POINT_TO_ENCODE = /[\s"<>`{}\x00-\x1f\x7f]/g;
// eslint-disable-next-line no-control-regex -- URL parsing trims and encodes C0 controls by definition
const QUERY_CODE_POINT_TO_ENCODE = /[\s"<>`\x00-\x1f\x7f]/g;
// eslint-disable-next-line no-control-regex -- URL parsing trims and encodes C0 controls by definition
const LEADING_OR_TRAILING_C0_CONTROL_OR_SPACE = /^[\x00-\x20]+|[\x00-\x20]+$/g;
const ASCII_TAB_OR_NEWLINE = /[\t\n\r]/g;

function percentEncode(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

function encodePath(path: string): string {
  return path.replace(PATH_CODE_POINT_TO_ENCODE, percentEncode);
}

function encodeQuery(query: string): string {
  return query === '?' ? '?' : query.replace(QUERY_CODE_POINT_TO_ENCODE, percentEncode);
}

/**
 * https://url.spec.whatwg.org/#concept-basic-url-parser steps 1-3: "remove any leading and trailing C0
 * control or space from input" and "remove all ASCII tab or newline from input". Most inputs have
 * neither, and are returned without running the regular expressions.
 */
function stripControlsAndWhitespace(input: string): string {
  const trimmed = input.length > 0 && (input.charCodeAt(0) <= 0x20 || input.charCodeAt(input.length - 1) <= 0x20) ? input.replace(LEADING_OR_TRAILING_C0_CONTROL_OR_SPACE, '') : input;
  return trimmed.includes('\t') || trimmed.includes('\n') || trimmed.includes('\r') ? trimmed.replace(ASCII_TAB_OR_NEWLINE, '') : trimmed;
}

const ABSOLUTE = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/s;
const AUTHORITY_END = /[/?#\\]/;
const HOST_AND_PORT = /^(\[[0-9a-fA-F:.]+\]|[^:]*)(?::(\d*))?$/;
const FORBIDDEN_HOST_CODE_POINT = /[\s#%/:<>?@[\\\]^|]/;
const BRACKETED_IPV6 = /^\[.*\]$/;
const BACKSLASHES = /\\/g;
const LEADING_SLASHES = /^[/\\]*/;
const LEADING_SLASH = /^[/\\]/;

function parseAuthorityAndRest(scheme: string, rest: string): ParsedUrl | undefined {
  // rest starts after "scheme://"
  const end = rest.search(AUTHORITY_END);
  const authority = end === -1 ? rest : rest.slice(0, end);
  let tail = end === -1 ? '' : rest.slice(end);
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? '' : authority.slice(0, at);
  const hostPort = at === -1 ? authority : authority.slice(at + 1);
  const colonInUser = userinfo.indexOf(':');
  const username = colonInUser === -1 ? userinfo : userinfo.slice(0, colonInUser);
  const password = colonInUser === -1 ? '' : userinfo.slice(colonInUser + 1);
  const hostMatch = HOST_AND_PORT.exec(hostPort);
  if (!hostMatch) return undefined;
  const host = (hostMatch[1] ?? '').toLowerCase();
  if (!host || FORBIDDEN_HOST_CODE_POINT.test(host.replace(BRACKETED_IPV6, 'x'))) return undefined;
  let port = hostMatch[2] ?? '';
  if (port !== '') {
    const number = Number(port);
    if (number > 65535) return undefined;
    port = String(number);
    if (SPECIAL_DEFAULT_PORTS[scheme] === port) port = '';
  }
  tail = tail.replace(BACKSLASHES, '/');
  const hash = tail.indexOf('#');
  if (hash !== -1) tail = tail.slice(0, hash);
  const queryStart = tail.indexOf('?');
  const rawPath = queryStart === -1 ? tail : tail.slice(0, queryStart);
  const query = queryStart === -1 ? '' : tail.slice(queryStart);
  return { scheme, username, password, host, port, path: encodePath(removeDotSegments(rawPath || '/')), query: encodeQuery(query) };
}

/**
 * https://url.spec.whatwg.org/#concept-basic-url-parser (the subset described above). Returns
 * undefined on failure, as the spec's "failure". Leading and trailing C0 controls and spaces are trimmed.
 */
export function parseUrl(input: string, base?: ParsedUrl): ParsedUrl | undefined {
  const text = stripControlsAndWhitespace(input);
  const absolute = ABSOLUTE.exec(text);
  if (absolute) {
    const scheme = (absolute[1] ?? '').toLowerCase();
    const rest = absolute[2] ?? '';
    if (scheme in SPECIAL_DEFAULT_PORTS) {
      // Special schemes ignore any number of slashes before the authority.
      const withoutSlashes = LEADING_SLASH.test(rest) ? rest.replace(LEADING_SLASHES, '') : rest;
      if (base && base.scheme === scheme && !LEADING_SLASH.test(rest)) return parseUrl(rest, base);
      return parseAuthorityAndRest(scheme, withoutSlashes);
    }
    // A non-special URL (data:, blob:, javascript: ...): an opaque path, no host.
    return { scheme, username: '', password: '', host: '', port: '', path: rest, query: '' };
  }
  if (!base) return undefined;
  const normalized = text.replace(BACKSLASHES, '/');
  if (normalized.startsWith('//')) return parseAuthorityAndRest(base.scheme, normalized.slice(2));
  const hash = normalized.indexOf('#');
  const withoutHash = hash === -1 ? normalized : normalized.slice(0, hash);
  if (withoutHash === '') return { ...base };
  if (withoutHash.startsWith('?')) return { ...base, query: withoutHash };
  const queryStart = withoutHash.indexOf('?');
  const rawPath = queryStart === -1 ? withoutHash : withoutHash.slice(0, queryStart);
  const query = queryStart === -1 ? '' : withoutHash.slice(queryStart);
  const path = rawPath.startsWith('/') ? rawPath : `${base.path.slice(0, base.path.lastIndexOf('/') + 1)}${rawPath}`;
  return { ...base, path: encodePath(removeDotSegments(path)), query };
}

export function isHttpScheme(url: ParsedUrl): boolean {
  return url.scheme === 'http' || url.scheme === 'https';
}

// https://url.spec.whatwg.org/#include-credentials
export function includesCredentials(url: ParsedUrl): boolean {
  return url.username !== '' || url.password !== '';
}

// https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin
/** The serialized origin of a URL: `scheme://host[:port]`, or 'null' for schemes without a tuple origin. */
export function serializeOrigin(url: ParsedUrl): string {
  if (!(url.scheme in SPECIAL_DEFAULT_PORTS) || !url.host) return 'null';
  return `${url.scheme}://${url.host}${url.port ? `:${url.port}` : ''}`;
}

// https://url.spec.whatwg.org/#concept-url-serializer (exclude fragment)
export function serializeUrl(url: ParsedUrl, { excludeCredentials = false } = {}): string {
  if (!url.host) return `${url.scheme}:${url.path}${url.query}`;
  const credentials = !excludeCredentials && includesCredentials(url) ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  return `${url.scheme}://${credentials}${url.host}${url.port ? `:${url.port}` : ''}${url.path}${url.query}`;
}

/** Parses a serialized origin such as `http://web.localhost:8787`; undefined for 'null' or garbage. */
export function parseOrigin(origin: string): ParsedUrl | undefined {
  if (origin === 'null') return undefined;
  return parseUrl(origin);
}
