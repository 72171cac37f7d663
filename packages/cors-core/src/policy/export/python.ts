// Python: django-cors-headers, Flask-CORS and Starlette / FastAPI's CORSMiddleware.
import { listedOrigins, patternSources, pyBool, pyRegex, str, strList } from './code';
import type { Exporter, ResolvedPolicy } from './types';

function regexes(policy: ResolvedPolicy): string[] {
  return patternSources(policy).map((source) => pyRegex(source.replace(/\\\//g, '/')));
}

export const django: Exporter = (policy) => {
  const star = policy.allowOrigins === '*' || policy.allowOrigins === 'reflect-any';
  const lines = [
    '# settings.py (pip install django-cors-headers)',
    'INSTALLED_APPS += ["corsheaders"]',
    '# Before CommonMiddleware and before anything that can answer (authentication included).',
    'MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")',
    ...(star ? ['CORS_ALLOW_ALL_ORIGINS = True'] : [`CORS_ALLOWED_ORIGINS = [${strList(listedOrigins(policy))}]`, ...(policy.allowOriginPatterns.length > 0 ? [`CORS_ALLOWED_ORIGIN_REGEXES = [${regexes(policy).join(', ')}]`] : [])]),
    `CORS_ALLOW_METHODS = [${strList(policy.allowMethods)}]`,
    ...(policy.allowHeaders === 'reflect' ? ['# django-cors-headers cannot reflect the requested headers: list them (this is its default list).'] : [`CORS_ALLOW_HEADERS = [${strList(policy.allowHeaders)}]`]),
    ...(policy.exposeHeaders.length > 0 ? [`CORS_EXPOSE_HEADERS = [${strList(policy.exposeHeaders)}]`] : []),
    `CORS_ALLOW_CREDENTIALS = ${pyBool(policy.credentials)}`,
    ...(policy.maxAge !== null ? [`CORS_PREFLIGHT_MAX_AGE = ${policy.maxAge}`] : []),
    '',
  ];
  return {
    file: 'settings.py',
    text: lines.join('\n'),
    options: { CORS_ALLOWED_ORIGINS: listedOrigins(policy), CORS_ALLOW_ALL_ORIGINS: star, CORS_ALLOW_METHODS: policy.allowMethods, CORS_ALLOW_CREDENTIALS: policy.credentials, CORS_PREFLIGHT_MAX_AGE: policy.maxAge },
    quirk: 'django-cors-headers answers every preflight with 200, and with CORS_ALLOW_ALL_ORIGINS and credentials it reflects any origin instead of sending "*".',
    notes: [
      ...(policy.allowHeaders === 'reflect' ? ['Allowed headers cannot be reflected: the default list (accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with) is sent.'] : []),
      ...(policy.preflightStatus === 204 ? ['Preflights get 200, not 204.'] : []),
    ],
  };
};

export const flaskCors: Exporter = (policy) => {
  const star = policy.allowOrigins === '*';
  const origins = star ? '"*"' : policy.allowOrigins === 'reflect-any' ? '[r".*"]' : `[${[...listedOrigins(policy).map(str), ...regexes(policy)].join(', ')}]`;
  const args = [
    `origins=${origins}`,
    `methods=[${strList(policy.allowMethods)}]`,
    `allow_headers=${policy.allowHeaders === 'reflect' ? '"*"' : `[${strList(policy.allowHeaders)}]`}`,
    ...(policy.exposeHeaders.length > 0 ? [`expose_headers=[${strList(policy.exposeHeaders)}]`] : []),
    `supports_credentials=${pyBool(policy.credentials)}`,
    ...(policy.maxAge !== null ? [`max_age=${policy.maxAge}`] : []),
    ...(star && !policy.credentials ? ['send_wildcard=True'] : []),
    `vary_header=${pyBool(policy.vary)}`,
  ];
  return {
    file: 'app.py',
    text: ['# pip install flask flask-cors', 'from flask import Flask', 'from flask_cors import CORS', '', 'app = Flask(__name__)', `CORS(app, ${args.join(', ')})`, ''].join('\n'),
    options: { origins: star ? '*' : [...listedOrigins(policy), ...patternSources(policy)], methods: policy.allowMethods, supports_credentials: policy.credentials, max_age: policy.maxAge },
    quirk: 'Flask-CORS reflects the origin unless send_wildcard=True, so origins="*" with supports_credentials=True lets every site in with cookies.',
    notes: [],
  };
};

export const starlette: Exporter = (policy) => {
  const any = policy.allowOrigins === '*' || policy.allowOrigins === 'reflect-any';
  const args = [
    `allow_origins=[${any ? '"*"' : strList(listedOrigins(policy))}]`,
    ...(!any && policy.allowOriginPatterns.length > 0 ? [`allow_origin_regex=${pyRegex(patternSources(policy).map((source) => source.slice(1, -1).replace(/\\\//g, '/')).join('|').replace(/^/, '^(').concat(')$'))}`] : []),
    `allow_methods=[${strList(policy.allowMethods)}]`,
    `allow_headers=${policy.allowHeaders === 'reflect' ? '["*"]' : `[${strList(policy.allowHeaders)}]`}`,
    ...(policy.exposeHeaders.length > 0 ? [`expose_headers=[${strList(policy.exposeHeaders)}]`] : []),
    `allow_credentials=${pyBool(policy.credentials)}`,
    ...(policy.maxAge !== null ? [`max_age=${policy.maxAge}`] : []),
  ];
  return {
    file: 'main.py',
    text: [
      '# FastAPI (pip install fastapi); with plain Starlette: Middleware(CORSMiddleware, ...) in Starlette(middleware=[...]).',
      'from fastapi import FastAPI',
      'from fastapi.middleware.cors import CORSMiddleware',
      '',
      'app = FastAPI()',
      `app.add_middleware(CORSMiddleware, ${args.join(', ')})`,
      '',
    ].join('\n'),
    options: { allow_origins: any ? ['*'] : listedOrigins(policy), allow_methods: policy.allowMethods, allow_credentials: policy.credentials, max_age: policy.maxAge ?? 600 },
    quirk: 'Starlette refuses a preflight whose origin, method or headers it does not allow with 400 and a text reason (no CORS headers, so the browser names a missing Allow-Origin); with "*" and credentials it reflects the origin.',
    notes: policy.maxAge === null ? ['Starlette sends Access-Control-Max-Age: 600 unless max_age is set.'] : [],
  };
};
