// nginx (ngx_http_map_module, ngx_http_headers_module): a `map` picks the allowed origin, `add_header
// ... always` sends the headers on every status, an `if` answers preflights. Checked with Debian's nginx.
import { assertSafe, listedOrigins, patternSources } from './code';
import type { Exporter, ResolvedPolicy } from './types';

/** A quoted nginx string. Validated values hold none of `"`, `\`, `$`, `;`, `{` or `}`; checked again here. */
function q(value: string): string {
  assertSafe(value);
  if (/["\\${};\s]/.test(value.replace(/, /g, ''))) throw new Error(`refusing to write ${JSON.stringify(value)} into an nginx configuration`);
  return `"${value}"`;
}

/** A map source regex (`~^...$`): `$` ends the pattern there, never a variable (map keys are not interpolated). */
function mapRegex(source: string): string {
  assertSafe(source);
  return `"~${source.replace(/\\\//g, '/')}"`;
}

function mapEntries(policy: ResolvedPolicy, allowed: string, refused: string): string[] {
  return [`    default ${refused};`, ...listedOrigins(policy).map((origin) => `    ${q(origin)} ${allowed};`), ...patternSources(policy).map((source) => `    ${mapRegex(source)} ${allowed};`)];
}

export const nginx: Exporter = (policy, { appStatus, port, host, upstream }) => {
  if (host !== undefined && !/^[0-9A-Za-z.:[\]-]+$/.test(host)) throw new Error(`nginx export: ${JSON.stringify(host)} is not an address`);
  if (upstream !== undefined && !/^[0-9A-Za-z.-]+:[0-9]{1,5}$/.test(upstream)) throw new Error(`nginx export: ${JSON.stringify(upstream)} is not host:port`);
  const always = policy.headersOnErrors ? ' always' : '';
  const star = policy.allowOrigins === '*';
  const listed = Array.isArray(policy.allowOrigins);
  const originValue = star ? '"*"' : policy.allowOrigins === 'reflect-any' ? '$http_origin' : '$cors_allow_origin';
  const common = [`add_header Access-Control-Allow-Origin ${originValue}${always};`];
  if (policy.credentials) common.push(`add_header Access-Control-Allow-Credentials "true"${always};`);
  const preflight = [...common, `add_header Access-Control-Allow-Methods ${q(policy.allowMethods.join(', '))}${always};`];
  if (policy.allowHeaders === 'reflect') preflight.push(`add_header Access-Control-Allow-Headers $http_access_control_request_headers${always};`);
  else if (policy.allowHeaders.length > 0) preflight.push(`add_header Access-Control-Allow-Headers ${q(policy.allowHeaders.join(', '))}${always};`);
  if (policy.maxAge !== null) preflight.push(`add_header Access-Control-Max-Age ${policy.maxAge}${always};`);
  const varyOn = policy.vary && !star ? ['Origin'] : [];
  const preflightVary = [...varyOn, ...(policy.vary && policy.allowHeaders === 'reflect' ? ['Access-Control-Request-Headers'] : [])];
  if (preflightVary.length > 0) preflight.push(`add_header Vary ${q(preflightVary.join(', '))}${always};`);
  const actual = [...common];
  if (policy.exposeHeaders.length > 0) actual.push(`add_header Access-Control-Expose-Headers ${q(policy.exposeHeaders.join(', '))}${always};`);
  if (varyOn.length > 0) actual.push(`add_header Vary ${q(varyOn.join(', '))}${always};`);
  const app = appStatus === 204 || appStatus === 304 ? `return ${appStatus};` : `return ${appStatus} "ok\\n";`;
  const standIn = upstream === undefined ? ['        # Stand-in for your application, e.g. proxy_pass http://127.0.0.1:3000;', `        ${app}`] : ['        # Your application:', `        proxy_pass http://${upstream};`];
  const lines = [
    '# In the http { } block.',
    ...(listed ? ['# The allowed origin, or "" (add_header skips an empty value) for any other Origin.', 'map $http_origin $cors_allow_origin {', ...mapEntries(policy, '$http_origin', '""'), '}'] : []),
    ...(listed && policy.refusal === 'reject' ? ['map $http_origin $cors_origin_refused {', ...mapEntries(policy, '0', '1'), '    "" 0;', '}'] : []),
    '',
    'server {',
    `    listen ${host ? `${host}:` : ''}${port};`,
    ...(policy.authBeforeCors ? ['    # Authentication BEFORE the CORS headers: preflights (which never carry credentials) get 401. Let OPTIONS through first.', '    if ($http_authorization = "") {', '        return 401 "Unauthorized\\n";', '    }'] : []),
    ...(listed && policy.refusal === 'reject' ? ['    if ($cors_origin_refused) {', '        return 403 "Forbidden\\n";', '    }'] : []),
    '',
    '    location / {',
    '        # Every add_header must stay at this level or inside the if: a nested block with its own',
    '        # add_header drops every inherited one.',
    '        if ($request_method = OPTIONS) {',
    ...preflight.map((line) => `            ${line}`),
    `            return ${policy.preflightStatus};`,
    '        }',
    ...actual.map((line) => `        ${line}`),
    ...standIn,
    '    }',
    '}',
    '',
  ];
  return {
    file: 'nginx.conf (http block)',
    text: lines.join('\n'),
    options: { map: listed ? [...listedOrigins(policy), ...patternSources(policy)] : null, always: policy.headersOnErrors, addHeader: { preflight, actual } },
    quirk: policy.headersOnErrors
      ? star && policy.credentials
        ? 'nginx sends "*" with "Access-Control-Allow-Credentials: true" exactly as written: browsers refuse it for requests with credentials. Use the map of origins instead.'
        : 'Without `always`, add_header only applies to 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308, so a 4xx or 5xx loses its CORS headers; and an add_header inside a nested block drops every inherited one.'
      : 'These add_header lines lack `always`: a 4xx or 5xx from your application goes out without CORS headers, and the browser reports a CORS error instead of the status. Add `always`.',
    notes: [],
  };
};
