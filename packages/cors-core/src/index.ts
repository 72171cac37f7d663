// Public API of cors-core. See README.md for the spec link of each export.
export * from './scenario/index';
