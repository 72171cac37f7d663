// Lessons (issue 13): data that wraps scenarios for a workshop. Format: packages/cors-core/lessons/README.md.
export * from './schema';
export * from './validate';
export * from './check';
