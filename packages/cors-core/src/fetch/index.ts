// The Fetch standard's CORS algorithms (snapshot 586cd2a4), one file per group of definitions.
export * from './methods';
export * from './mime';
export * from './header-list';
export * from './request-headers';
export * from './cors-check';
export * from './preflight';
export * from './preflight-cache';
export * from './redirects';
export {
  corsExposedHeaderNames,
  isCorsSafelistedResponseHeaderName,
  isForbiddenResponseHeaderName,
  readableHeaders,
  type ResponseTainting,
} from './response-exposure';
export * from './decision';
export * from './urls';
export * from './fetch-params';
export * from './run';
export * from './main-fetch';
export * from './http-fetch';
export * from './cors-preflight-fetch';
export * from './http-network-fetch';
export * from './http-redirect-fetch';
