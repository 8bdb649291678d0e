// ESLint (npm run lint, and npm test): typescript-eslint's recommended rules, and the type-checked ones that catch
// what review kept catching by hand: a promise nobody awaits or catches, a promise where a callback's result is
// ignored, imports only used as types written as such, names nothing uses.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // dist/ is built, lib/ is tsc's output; the fixtures are packages as users write them (npm's test corpus included).
  { ignores: ['dist/', 'lib/', 'node_modules/', 'test/fixtures/**/*.js', 'test/fixtures/**/*.cjs', 'test/fixtures/**/*.mjs', 'test/fixtures/monorepos/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's describe and it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  // Tests and benchmarks read JSON and YAML loosely (Record<string, any>) and fail loudly on what is missing.
  { files: ['test/**', 'bench/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Plain JavaScript (scripts/, bench/), run by Node: no type information to check promises with.
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
);
