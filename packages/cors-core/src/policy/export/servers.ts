// Apache httpd and Caddy: web servers without a CORS module, configured with their header directives.
import { allOriginsSource, assertSafe, listedOrigins, patternSources } from './code';
import type { Exporter } from './types';

function quoted(value: string): string {
  assertSafe(value);
  return `"${value}"`;
}

export const apache: Exporter = (policy, { appStatus }) => {
  const star = policy.allowOrigins === '*';
  const any = policy.allowOrigins === 'reflect-any';
  const always = policy.headersOnErrors ? 'always' : 'onsuccess';
  // mod_headers reads request headers only through environment variables: SetEnvIf copies the Origin
  // (when allowed) and the requested headers into CORS_ORIGIN / CORS_REQUEST_HEADERS.
  const originRegex = any ? '^(.+)$' : allOriginsSource(policy);
  const cond = star ? '' : ' env=CORS_ORIGIN';
  const preflightOnly = `"expr=%{REQUEST_METHOD} == 'OPTIONS'"`;
  const lines = [
    '# Apache httpd 2.4 with mod_headers, mod_setenvif and mod_rewrite (a2enmod headers setenvif rewrite),',
    '# in the <VirtualHost> or <Directory> of your application.',
    ...(star ? [] : [`SetEnvIf Origin ${quoted(originRegex)} CORS_ORIGIN=$0`]),
    ...(policy.allowHeaders === 'reflect' ? ['SetEnvIf Access-Control-Request-Headers "^(.+)$" CORS_REQUEST_HEADERS=$0'] : []),
    `Header ${always} set Access-Control-Allow-Origin ${star ? '"*"' : '"%{CORS_ORIGIN}e"'}${cond}`,
    ...(policy.credentials ? [`Header ${always} set Access-Control-Allow-Credentials "true"${cond}`] : []),
    ...(policy.exposeHeaders.length > 0 ? [`Header ${always} set Access-Control-Expose-Headers ${quoted(policy.exposeHeaders.join(', '))}${cond}`] : []),
    ...(policy.vary && !star ? [`Header ${always} merge Vary "Origin"`] : []),
    `Header always set Access-Control-Allow-Methods ${quoted(policy.allowMethods.join(', '))} ${preflightOnly}`,
    policy.allowHeaders === 'reflect'
      ? `Header always set Access-Control-Allow-Headers "%{CORS_REQUEST_HEADERS}e" "expr=%{REQUEST_METHOD} == 'OPTIONS' && -n reqenv('CORS_REQUEST_HEADERS')"`
      : `Header always set Access-Control-Allow-Headers ${quoted(policy.allowHeaders.join(', '))} ${preflightOnly}`,
    ...(policy.maxAge !== null ? [`Header always set Access-Control-Max-Age "${policy.maxAge}" ${preflightOnly}`] : []),
    '# Answer preflights here instead of passing them to the application.',
    'RewriteEngine On',
    'RewriteCond %{REQUEST_METHOD} OPTIONS',
    `RewriteRule ^ - [R=${policy.preflightStatus},L]`,
    `# Your application answers the rest (this export's stand-in answers ${appStatus}).`,
    '',
  ];
  return {
    file: 'apache2 site configuration',
    text: lines.join('\n'),
    options: { originRegex: star ? null : originRegex, always: policy.headersOnErrors },
    quirk: 'Header without `always` only touches 2xx answers (the "onsuccess" table), so an error from your application loses its CORS headers; mod_headers cannot read a request header directly (`%{Origin}i` is not a thing), so the Origin goes through SetEnvIf.',
    notes: policy.refusal === 'reject' ? ['This export does not reject refused origins with 403: they get answers without CORS headers.'] : [],
  };
};

export const caddy: Exporter = (policy) => {
  const star = policy.allowOrigins === '*';
  const any = policy.allowOrigins === 'reflect-any';
  const matcher = star || any ? '@cors header Origin *' : `@cors header_regexp Origin ${quoted(allOriginsSource(policy))}`;
  const origin = star ? '"*"' : '{http.request.header.Origin}';
  const common = [
    `Access-Control-Allow-Origin ${origin}`,
    ...(policy.credentials ? ['Access-Control-Allow-Credentials "true"'] : []),
    ...(policy.vary && !star ? ['Vary Origin'] : []),
  ];
  const preflight = [
    `Access-Control-Allow-Methods ${quoted(policy.allowMethods.join(', '))}`,
    policy.allowHeaders === 'reflect' ? 'Access-Control-Allow-Headers {http.request.header.Access-Control-Request-Headers}' : `Access-Control-Allow-Headers ${quoted(policy.allowHeaders.join(', '))}`,
    ...(policy.maxAge !== null ? [`Access-Control-Max-Age "${policy.maxAge}"`] : []),
  ];
  const lines = [
    'example.com {',
    `\t${matcher}`,
    '\t@preflight {',
    '\t\tmethod OPTIONS',
    star || any ? '\t\theader Origin *' : `\t\theader_regexp Origin ${quoted(allOriginsSource(policy))}`,
    '\t}',
    '\theader @cors {',
    ...common.map((line) => `\t\t${line}`),
    ...(policy.exposeHeaders.length > 0 ? [`\t\tAccess-Control-Expose-Headers ${quoted(policy.exposeHeaders.join(', '))}`] : []),
    '\t\tdefer',
    '\t}',
    '\thandle @preflight {',
    '\t\theader {',
    ...preflight.map((line) => `\t\t\t${line}`),
    '\t\t}',
    `\t\trespond ${policy.preflightStatus}`,
    '\t}',
    '\treverse_proxy 127.0.0.1:3000',
    '}',
    '',
  ];
  return {
    file: 'Caddyfile',
    text: lines.join('\n'),
    options: { originRegex: star || any ? null : allOriginsSource(policy), listed: listedOrigins(policy), patterns: patternSources(policy) },
    quirk: 'Caddy has no CORS directive: without `defer` the headers are set before reverse_proxy and a header the upstream sends can duplicate them; a refused preflight falls through to your application.',
    notes: policy.refusal === 'reject' ? ['This export does not reject refused origins with 403.'] : [],
  };
};
