// Lint rules for the whole workspace: no import cycles, server features meet only through their
// index, no `export *`, and shared/ kept free of platform APIs and of the apps that use it.
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import { parleyRules } from './eslint-rules/index.js';

// shared/ is the pure core that both the browser and Node run: it may not reach
// into the apps that depend on it, nor into any platform API.
const nodeModules = builtinModules.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);
// The type checker (lib ES2022, no DOM or Node types) catches the rest; these are
// the globals most likely to slip in.
const platformGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'alert',
  'HTMLElement',
  'Element',
  'process',
  'Buffer',
  'require',
  'module',
  'exports',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
  'clearImmediate',
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-results/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['{client,server,shared,test}/**/*.{ts,tsx,mjs}'],
    plugins: { parley: parleyRules },
    rules: { 'parley/no-import-cycle': 'error', 'parley/feature-boundaries': 'error' },
  },
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Use explicit named exports, not export *.' },
      ],
    },
  },
  {
    files: [
      'server/**/*.ts',
      'test/**/*.ts',
      'scripts/**/*.{js,mjs}',
      '*.{js,mjs,ts}',
      'client/vite.config.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['shared/src/**/*.ts'],
    ignores: ['shared/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeModules.map((name) => ({
            name,
            message: 'shared/ runs in the browser too: no Node APIs.',
          })),
          patterns: [
            {
              group: [
                '@parley/server',
                '@parley/server/*',
                '@parley/client',
                '@parley/client/*',
                '**/server/**',
                '**/client/**',
              ],
              message: 'shared/ may not import from server/ or client/.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...platformGlobals.map((name) => ({
          name,
          message: 'shared/ is platform-free: no DOM or Node globals.',
        })),
      ],
    },
  },
);
