// Public API of cors-core. See README.md for the spec link of each export.
export * from './scenario/index';
export * from './observe/index';
export * from './fetch/index';
export * from './deployment/index';
export * from './browsers/index';
export * from './console/index';
export * from './explain/index';
export * from './policy/index';
export * from './diagnose/index';
export * from './import/index';
export * from './fix/index';
export * from './cookies/index';
export * from './lessons/index';
