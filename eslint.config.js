// One lint setup for the whole workspace: ESLint + typescript-eslint (type-aware rules need the
// TypeScript 5.9 compiler API, which is why the project compiler is 5.9 and not 7).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'crypto', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2',
  'https', 'net', 'os', 'path', 'process', 'stream', 'tls', 'url', 'util', 'worker_threads', 'zlib',
];

const appImports = ['**/apps/**', '@cors-playground/web', '@cors-playground/web/*', '@cors-playground/echo-server', '@cors-playground/echo-server/*'];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/dist-*/**', '**/node_modules/**', 'test-results/**', 'playwright-report/**', 'reports/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // cors-core and wire are pure: the page, the server and the CLI share them, so they may use neither the
  // DOM (wire: only WebCrypto and TextEncoder/TextDecoder, which Node has too), nor Node, nor anything
  // from the apps. (cors-core's CLI under src/cli is the one Node entry point.)
  ...[
    { name: 'cors-core', files: ['packages/cors-core/src/**/*.ts'], ignores: ['packages/cors-core/src/cli/**', 'packages/cors-core/src/**/*.test.ts'] },
    { name: 'wire', files: ['packages/wire/src/**/*.ts'], ignores: ['packages/wire/src/**/*.test.ts'] },
  ].map(({ name, files, ignores }) => ({
    files,
    ignores,
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', ...nodeBuiltins], message: `${name} must not depend on Node APIs.` },
          { group: [...appImports], message: `${name} must not import from apps/*.` },
        ],
      }],
      'no-restricted-globals': ['error',
        ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'XMLHttpRequest',
          'fetch', 'Request', 'Response', 'Headers', 'process', 'Buffer', 'require', 'global', '__dirname', '__filename',
          'setImmediate', 'self'].map((global) => ({ name: global, message: `${name} is pure: '${global}' is a DOM or Node API.` })),
      ],
    },
  })),
  {
    // Apps import packages, not each other: what two apps share lives in packages/* (the wire protocol
    // in packages/wire).
    files: ['apps/echo-server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/web/**', '**/web/src/**', '@cors-playground/web', '@cors-playground/web/*'], message: 'apps import packages, not each other (shared code goes to packages/*).' }] }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/echo-server/**', '@cors-playground/echo-server', '@cors-playground/echo-server/*'], message: 'apps import packages, not each other (shared code goes to packages/*).' }] }],
    },
  },
);
