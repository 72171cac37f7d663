// One lint setup for the whole workspace: ESLint + typescript-eslint (type-aware rules need the
// TypeScript 5.9 compiler API, which is why the project compiler is 5.9 and not 7).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'crypto', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2',
  'https', 'net', 'os', 'path', 'process', 'stream', 'tls', 'url', 'util', 'worker_threads', 'zlib',
];

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
  {
    // cors-core is pure: the page, the server and the CLI share it, so it may use neither the DOM, nor
    // Node, nor anything from the apps. (The CLI under src/cli is the one Node entry point.)
    files: ['packages/cors-core/src/**/*.ts'],
    ignores: ['packages/cors-core/src/cli/**', 'packages/cors-core/src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', ...nodeBuiltins], message: 'cors-core must not depend on Node APIs.' },
          { group: ['**/apps/**', '@cors-playground/web', '@cors-playground/web/*', '@cors-playground/echo-server', '@cors-playground/echo-server/*'], message: 'cors-core must not import from apps/*.' },
        ],
      }],
      'no-restricted-globals': ['error',
        ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'XMLHttpRequest',
          'fetch', 'Request', 'Response', 'Headers', 'process', 'Buffer', 'require', 'global', '__dirname', '__filename',
          'setImmediate', 'self'].map((name) => ({ name, message: `cors-core is pure: '${name}' is a DOM or Node API.` })),
      ],
    },
  },
);
