// Why two origins differ, in words: the detail a learner misses when reading them side by side.

export function whyOriginsDiffer(allowOrigin: string, origin: string): string {
  if (allowOrigin === `${origin}/`) return 'the trailing slash makes them differ';
  if (allowOrigin.toLowerCase() === origin.toLowerCase()) return 'the comparison is byte for byte, so letter case matters';
  if (allowOrigin.replace(/^https?:/, '') === origin.replace(/^https?:/, '')) return 'the schemes differ (http versus https)';
  const withoutPort = (value: string) => value.replace(/:\d+$/, '');
  if (withoutPort(allowOrigin) === withoutPort(origin)) return 'the ports differ, and the port is part of the origin';
  if (allowOrigin.replace(/\/.*$/, '') !== allowOrigin && allowOrigin.startsWith(`${origin}/`)) return 'an origin has no path: only `scheme://host:port` may be sent';
  if (allowOrigin === 'null') return '`null` only matches an opaque origin (a sandboxed page, or a request tainted by a cross-origin redirect)';
  if (origin === 'null') return 'the request\'s origin is `null` (opaque or tainted by a redirect), so only `*` or `null` can match';
  return 'they are different origins';
}
