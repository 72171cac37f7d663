// Spring, ASP.NET Core, Go rs/cors and actix-cors: generated from their documented option names only
// (their registries are not reachable from this project's machines).
import { listedOrigins, patternSources, str, strList } from './code';
import type { Exporter, ResolvedPolicy } from './types';

/** The policy's patterns in the "https://*.example.com" form these libraries take natively. */
function wildcardOrigins(policy: ResolvedPolicy): string[] {
  return Array.isArray(policy.allowOrigins) ? policy.allowOriginPatterns : [];
}

export const spring: Exporter = (policy) => {
  const star = policy.allowOrigins === '*';
  const any = policy.allowOrigins === 'reflect-any' || (star && policy.credentials);
  const origins = any
    ? ['.allowedOriginPatterns("*")']
    : star
      ? ['.allowedOrigins("*")']
      : [
          ...(listedOrigins(policy).length > 0 ? [`.allowedOrigins(${strList(listedOrigins(policy))})`] : []),
          ...(wildcardOrigins(policy).length > 0 ? [`.allowedOriginPatterns(${strList(wildcardOrigins(policy))})`] : []),
        ];
  const chain = [
    'registry.addMapping("/**")',
    ...origins,
    `.allowedMethods(${strList(policy.allowMethods)})`,
    `.allowedHeaders(${policy.allowHeaders === 'reflect' ? '"*"' : strList(policy.allowHeaders)})`,
    ...(policy.exposeHeaders.length > 0 ? [`.exposedHeaders(${strList(policy.exposeHeaders)})`] : []),
    `.allowCredentials(${policy.credentials})`,
    ...(policy.maxAge !== null ? [`.maxAge(${policy.maxAge})`] : []),
  ];
  const text = [
    'import org.springframework.context.annotation.Configuration;',
    'import org.springframework.web.servlet.config.annotation.CorsRegistry;',
    'import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;',
    '',
    '@Configuration',
    'public class CorsConfig implements WebMvcConfigurer {',
    '    @Override',
    '    public void addCorsMappings(CorsRegistry registry) {',
    `        ${chain.join('\n            ')};`,
    '    }',
    '}',
    '',
  ].join('\n');
  return {
    file: 'CorsConfig.java',
    text,
    options: { allowedOrigins: listedOrigins(policy), allowedOriginPatterns: any ? ['*'] : wildcardOrigins(policy), allowedMethods: policy.allowMethods, allowCredentials: policy.credentials, maxAge: policy.maxAge },
    quirk: 'Spring refuses a disallowed origin, method or header with 403 "Invalid CORS request" (on actual requests too) and sends Vary for Origin and both request headers; allowedOrigins("*") with allowCredentials(true) throws at start, so this export uses allowedOriginPatterns("*") (a reflection) instead.',
    notes: policy.preflightStatus === 204 ? ['Spring answers an accepted preflight with 200.'] : [],
  };
};

export const aspnetCore: Exporter = (policy) => {
  const star = policy.allowOrigins === '*';
  const origins = star
    ? policy.credentials
      ? ['.SetIsOriginAllowed(_ => true)']
      : ['.AllowAnyOrigin()']
    : policy.allowOrigins === 'reflect-any'
      ? ['.SetIsOriginAllowed(_ => true)']
      : [`.WithOrigins(${strList([...listedOrigins(policy), ...wildcardOrigins(policy)])})`, ...(wildcardOrigins(policy).length > 0 ? ['.SetIsOriginAllowedToAllowWildcardSubdomains()'] : [])];
  const chain = [
    ...origins,
    `.WithMethods(${strList(policy.allowMethods)})`,
    policy.allowHeaders === 'reflect' ? '.AllowAnyHeader()' : `.WithHeaders(${strList(policy.allowHeaders)})`,
    ...(policy.exposeHeaders.length > 0 ? [`.WithExposedHeaders(${strList(policy.exposeHeaders)})`] : []),
    ...(policy.credentials ? ['.AllowCredentials()'] : []),
    ...(policy.maxAge !== null ? [`.SetPreflightMaxAge(TimeSpan.FromSeconds(${policy.maxAge}))`] : []),
  ];
  return {
    file: 'Program.cs',
    text: [
      'builder.Services.AddCors(options => options.AddPolicy("playground", policy => policy',
      `    ${chain.join('\n    ')}));`,
      '// ... after builder.Build(), before UseAuthentication() / UseAuthorization() and the endpoints:',
      'app.UseCors("playground");',
      '',
    ].join('\n'),
    options: { origins: star ? '*' : [...listedOrigins(policy), ...wildcardOrigins(policy)], methods: policy.allowMethods, credentials: policy.credentials, preflightMaxAge: policy.maxAge },
    quirk: 'ASP.NET Core answers a refused preflight with 204 and no CORS headers; AllowAnyOrigin() with AllowCredentials() throws at start, so this export uses SetIsOriginAllowed(_ => true) (a reflection) when both are asked for.',
    notes: [],
  };
};

export const goRsCors: Exporter = (policy) => {
  const star = policy.allowOrigins === '*';
  const fields = [
    ...(policy.allowOrigins === 'reflect-any'
      ? ['AllowOriginFunc: func(origin string) bool { return true },']
      : [`AllowedOrigins: []string{${star ? '"*"' : strList([...listedOrigins(policy), ...wildcardOrigins(policy)])}},`]),
    `AllowedMethods: []string{${strList(policy.allowMethods)}},`,
    `AllowedHeaders: []string{${policy.allowHeaders === 'reflect' ? '"*"' : strList(policy.allowHeaders)}},`,
    ...(policy.exposeHeaders.length > 0 ? [`ExposedHeaders: []string{${strList(policy.exposeHeaders)}},`] : []),
    `AllowCredentials: ${policy.credentials},`,
    ...(policy.maxAge !== null ? [`MaxAge: ${policy.maxAge},`] : []),
    ...(policy.preflightStatus !== 204 ? [`OptionsSuccessStatus: ${policy.preflightStatus},`] : []),
  ];
  return {
    file: 'main.go',
    text: ['// go get github.com/rs/cors', 'c := cors.New(cors.Options{', ...fields.map((field) => `\t${field}`), '})', 'handler := c.Handler(mux) // wrap your router; authentication goes inside', ''].join('\n'),
    options: { AllowedOrigins: star ? ['*'] : [...listedOrigins(policy), ...wildcardOrigins(policy)], AllowedMethods: policy.allowMethods, AllowCredentials: policy.credentials, MaxAge: policy.maxAge },
    quirk: 'rs/cors answers a refused preflight with 204 and only Vary (1.7, as Debian ships it, answers 200); "*" with AllowCredentials sends a literal "*", which browsers refuse with credentials.',
    notes: [],
  };
};

export const actixCors: Exporter = (policy) => {
  const star = policy.allowOrigins === '*';
  const patterns = patternSources(policy);
  const origins = star
    ? ['.allow_any_origin()', ...(policy.credentials ? [] : ['.send_wildcard()'])]
    : policy.allowOrigins === 'reflect-any'
      ? ['.allow_any_origin()']
      : [
          ...listedOrigins(policy).map((origin) => `.allowed_origin(${str(origin)})`),
          ...(patterns.length > 0 ? [`.allowed_origin_fn(|origin, _req| Regex::new(${str(patterns.map((source) => source.slice(1, -1).replace(/\\\//g, '/')).join('|').replace(/^/, '^(').concat(')$'))}).unwrap().is_match(origin.to_str().unwrap_or("")))`] : []),
        ];
  const chain = [
    ...origins,
    `.allowed_methods(vec![${strList(policy.allowMethods)}])`,
    policy.allowHeaders === 'reflect' ? '.allow_any_header()' : `.allowed_headers(vec![${strList(policy.allowHeaders)}])`,
    ...(policy.exposeHeaders.length > 0 ? [`.expose_headers(vec![${strList(policy.exposeHeaders)}])`] : []),
    ...(policy.credentials ? ['.supports_credentials()'] : []),
    ...(policy.maxAge !== null ? [`.max_age(${policy.maxAge})`] : []),
  ];
  return {
    file: 'main.rs',
    text: ['// cargo add actix-cors (and regex for origin patterns)', 'let cors = Cors::default()', `    ${chain.join('\n    ')};`, 'App::new().wrap(cors) // wrap last so it runs first', ''].join('\n'),
    options: { allowed_origins: star ? ['*'] : listedOrigins(policy), allowed_methods: policy.allowMethods, supports_credentials: policy.credentials, max_age: policy.maxAge },
    quirk: 'actix-cors answers a refused preflight with 400 and the reason as text; Cors::default() allows nothing until told, and allow_any_origin() reflects the origin unless send_wildcard() is set.',
    notes: policy.preflightStatus === 204 ? ['actix-cors answers an accepted preflight with 200.'] : [],
  };
};
