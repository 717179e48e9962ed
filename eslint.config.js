// Lint: ESLint's and typescript-eslint's recommended rules over the TypeScript sources and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '_site/', 'scratch/', '.qa-tmp/', 'content/', '**/.*_site*/', 'tests/fixtures/**/expected/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['assets/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', history: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', HTMLInputElement: 'readonly', HTMLElement: 'readonly', DOMParser: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', AbortController: 'readonly', Worker: 'readonly', console: 'readonly' } },
  },
  {
    // A classic worker script: its globals are a worker's.
    files: ['assets/search-rank-worker.js'],
    languageOptions: { sourceType: 'script', globals: { self: 'readonly', importScripts: 'readonly', Response: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['bin/**/*.js', 'eslint.config.js', '.ci/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
