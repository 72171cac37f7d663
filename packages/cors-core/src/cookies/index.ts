// Cookies: RFC 6265bis parsing, storage and retrieval, schemeful sites, as engines do them.
export * from './sites';
export * from './set-cookie';
export * from './profile';
export * from './jar';
