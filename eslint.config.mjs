// @ts-check
// ESLint with type-aware typescript-eslint rules; `npm run lint`, part of `npm test`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Outside the core, the core is reached only through its entry module, so its public API is one file. */
/** @type {import('eslint').Linter.RulesRecord} */
const coreThroughEntryOnly = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: '(^|/)analysis/(?!index$|detection$).+',
          message: 'Import the analysis core only through its entry module (`analysis/index.ts`, or its small `analysis/detection.ts`); export what you need from there.',
        },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.vscode-test/**', 'node_modules/**', 'bench/.run-*/**', 'test/fixtures/**', 'server/src/analysis/config-file/schema-validator.js', 'test/vscode/workspace/**', 'samples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Three bundles are loaded on first use with require, so a run that does not need them never compiles them.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^\\./cli/commands$', '^\\./engine$', '^\\./nlp-library$'] }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // node:test's test() and describe() return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] }],
    },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: {
      // Long functions hide their steps; split them along their seams.
      'max-lines-per-function': ['error', { max: 100, skipBlankLines: false, skipComments: false, IIFEs: true }],
    },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'bench/**/*.ts'],
    // The blame benchmark measures the detector itself, as its unit tests do.
    ignores: ['server/src/analysis/**', 'bench/blame.ts'],
    rules: coreThroughEntryOnly,
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)analysis(/|$)', message: 'The client shows the facts the server sends; it does not import the analysis core.' }] },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    // Node's own globals, without CommonJS's require and __dirname, which ES modules lack.
    languageOptions: { globals: globals.nodeBuiltin },
  },
);
