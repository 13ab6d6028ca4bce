// ESLint (flat config): typescript-eslint's recommended rules over the packages, benchmarks and the add-on's tests,
// tuned where the codebase differs on purpose (each setting says why).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'coverage/**',
      'test-artifacts/**',
      'packages/server/test/openapi/generated-client/polyforge-api.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.node },
    rules: {
      // an unused parameter keeps a callback's or an interface's signature readable; `_name` marks a deliberate skip
      // a timer or handle declared before the closures that clear it, and set after them
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'none',
          caughtErrors: 'none',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // the dashboard's and Studio's page scripts run in the browser
    files: ['packages/server/src/web/static/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // test doubles and benchmark clients read loosely typed JSON from the wire
    files: ['**/test/**', '**/*.test.ts', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
