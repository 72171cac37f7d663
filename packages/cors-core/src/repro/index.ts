// Repro bundles for bug reports.
export { reproBundle, REPRO_FILES, type ReproOptions } from './bundle';
export { escapeHtml, jsonForScript, type PageData, type PageRequest } from './page';
export { codeSpan } from './markdown';
