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

function removeDotSegments(path: string): string {
  const out: string[] = [];
  const segments = path.split('/');
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '.' || segment.toLowerCase() === '%2e') {
      if (last) out.push('');
    } else if (segment === '..' || /^(\.|%2e){2}$/i.test(segment)) {
      if (out.length > 1) out.pop();
      if (last) out.push('');
    } else out.push(segment);
  });
  const joined = out.join('/');
  return joined.startsWith('/') ? joined : `/${joined}`;
}

function encodePath(path: string): string {
  // eslint-disable-next-line no-control-regex -- URL parsing trims and encodes C0 controls by definition
  return path.replace(/[\s"<>`{}\x00-\x1f\x7f]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const ABSOLUTE = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/s;

function parseAuthorityAndRest(scheme: string, rest: string): ParsedUrl | undefined {
  // rest starts after "scheme://"
  const end = rest.search(/[/?#\\]/);
  const authority = end === -1 ? rest : rest.slice(0, end);
  let tail = end === -1 ? '' : rest.slice(end);
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? '' : authority.slice(0, at);
  const hostPort = at === -1 ? authority : authority.slice(at + 1);
  const colonInUser = userinfo.indexOf(':');
  const username = colonInUser === -1 ? userinfo : userinfo.slice(0, colonInUser);
  const password = colonInUser === -1 ? '' : userinfo.slice(colonInUser + 1);
  const hostMatch = /^(\[[0-9a-fA-F:.]+\]|[^:]*)(?::(\d*))?$/.exec(hostPort);
  if (!hostMatch) return undefined;
  const host = (hostMatch[1] ?? '').toLowerCase();
  if (!host || /[\s#%/:<>?@[\\\]^|]/.test(host.replace(/^\[.*\]$/, 'x'))) return undefined;
  let port = hostMatch[2] ?? '';
  if (port !== '') {
    const number = Number(port);
    if (number > 65535) return undefined;
    port = String(number);
    if (SPECIAL_DEFAULT_PORTS[scheme] === port) port = '';
  }
  tail = tail.replace(/\\/g, '/');
  const hash = tail.indexOf('#');
  if (hash !== -1) tail = tail.slice(0, hash);
  const queryStart = tail.indexOf('?');
  const rawPath = queryStart === -1 ? tail : tail.slice(0, queryStart);
  const query = queryStart === -1 ? '' : tail.slice(queryStart);
  // eslint-disable-next-line no-control-regex -- URL parsing trims and encodes C0 controls by definition
  return { scheme, username, password, host, port, path: encodePath(removeDotSegments(rawPath || '/')), query: query === '?' ? '?' : query.replace(/[\s"<>`\x00-\x1f\x7f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`) };
}

/**
 * https://url.spec.whatwg.org/#concept-basic-url-parser (the subset described above). Returns
 * undefined on failure, as the spec's "failure". Leading and trailing C0 controls and spaces are trimmed.
 */
export function parseUrl(input: string, base?: ParsedUrl): ParsedUrl | undefined {
  // eslint-disable-next-line no-control-regex -- URL parsing trims and encodes C0 controls by definition
  const text = input.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').replace(/[\t\n\r]/g, '');
  const absolute = ABSOLUTE.exec(text);
  if (absolute) {
    const scheme = (absolute[1] ?? '').toLowerCase();
    const rest = absolute[2] ?? '';
    if (scheme in SPECIAL_DEFAULT_PORTS) {
      // Special schemes ignore any number of slashes before the authority.
      const withoutSlashes = rest.replace(/^[/\\]*/, '');
      if (base && base.scheme === scheme && !/^[/\\]/.test(rest)) return parseUrl(rest, base);
      return parseAuthorityAndRest(scheme, withoutSlashes);
    }
    // A non-special URL (data:, blob:, javascript: ...): an opaque path, no host.
    return { scheme, username: '', password: '', host: '', port: '', path: rest, query: '' };
  }
  if (!base) return undefined;
  const normalized = text.replace(/\\/g, '/');
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
