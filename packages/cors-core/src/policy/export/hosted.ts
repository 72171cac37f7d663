// Rails (rack-cors) and an S3 bucket's CORS configuration: generated from their documentation only.
import { listedOrigins, str, strList } from './code';
import type { Exporter } from './types';

const RACK_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];
const S3_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'];

export const rackCors: Exporter = (policy) => {
  const star = policy.allowOrigins === '*';
  const any = policy.allowOrigins === 'reflect-any' || (star && policy.credentials);
  const patterns = Array.isArray(policy.allowOrigins) ? policy.allowOriginPatterns : [];
  const origins = any
    ? ['/.*/']
    : star
      ? ['"*"']
      : [...listedOrigins(policy).map(str), ...patterns.map((pattern) => `/\\A${pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace('\\*\\.', '([a-z0-9-]+\\.)+')}\\z/`)];
  const methods = policy.allowMethods.filter((method) => RACK_METHODS.includes(method.toUpperCase()));
  const resource = [
    `headers: ${policy.allowHeaders === 'reflect' ? ':any' : `[${strList(policy.allowHeaders)}]`}`,
    `methods: [${methods.map((method) => `:${method.toLowerCase()}`).join(', ')}]`,
    ...(policy.exposeHeaders.length > 0 ? [`expose: [${strList(policy.exposeHeaders)}]`] : []),
    `credentials: ${policy.credentials}`,
    ...(policy.maxAge !== null ? [`max_age: ${policy.maxAge}`] : []),
  ];
  return {
    file: 'config/initializers/cors.rb',
    text: [
      '# Gemfile: gem "rack-cors"',
      'Rails.application.config.middleware.insert_before 0, Rack::Cors do',
      '  allow do',
      `    origins ${origins.join(', ')}`,
      `    resource "*", ${resource.join(', ')}`,
      '  end',
      'end',
      '',
    ].join('\n'),
    options: { origins: star ? '*' : listedOrigins(policy), methods, credentials: policy.credentials, max_age: policy.maxAge },
    quirk: 'rack-cors raises at boot for origins "*" with credentials: true (this export uses /.*/, a reflection, instead); it only knows the standard methods, and a refused preflight passes on to your app.',
    notes: methods.length < policy.allowMethods.length ? [`rack-cors knows only ${RACK_METHODS.join(', ')}: ${policy.allowMethods.filter((method) => !methods.includes(method)).join(', ')} left out.`] : [],
  };
};

export const s3: Exporter = (policy) => {
  const star = policy.allowOrigins === '*' || policy.allowOrigins === 'reflect-any';
  const origins = star ? ['*'] : [...listedOrigins(policy), ...policy.allowOriginPatterns];
  const methods = policy.allowMethods.filter((method) => S3_METHODS.includes(method));
  const rule: Record<string, unknown> = {
    AllowedOrigins: origins,
    AllowedMethods: methods,
    AllowedHeaders: policy.allowHeaders === 'reflect' ? ['*'] : policy.allowHeaders,
    ...(policy.exposeHeaders.length > 0 ? { ExposeHeaders: policy.exposeHeaders } : {}),
    ...(policy.maxAge !== null ? { MaxAgeSeconds: policy.maxAge } : {}),
  };
  const options = { CORSRules: [rule] };
  for (const origin of origins) str(origin);
  return {
    file: 'cors.json (aws s3api put-bucket-cors --bucket NAME --cors-configuration file://cors.json)',
    text: `${JSON.stringify(options, null, 2)}\n`,
    options,
    quirk: 'S3 has no credentials switch: it sends Access-Control-Allow-Credentials: true for any listed origin and "*" (without credentials) for a "*" rule; a refused preflight gets 403 "CORSResponse: This CORS request is not allowed".',
    notes: [
      ...(methods.length < policy.allowMethods.length ? [`S3 allows only ${S3_METHODS.join(', ')}.`] : []),
      ...(policy.credentials && star ? ['"*" with credentials cannot be expressed: S3 answers "*", which browsers refuse with credentials.'] : []),
    ],
  };
};
