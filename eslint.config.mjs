// ESLint (flat config) with typescript-eslint. Type-aware where it matters most: a promise nobody awaits
// or catches (no-floating-promises, no-misused-promises) is how a rejection escapes to the process. The
// layer rules keep the one direction of flow: main/ is Electron-free and knows no UI; the renderer sees the
// core only as types; only app/ imports electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const typed = ['main/**/*.ts', 'app/**/*.ts', 'renderer/src/**/*.{ts,tsx}', 'test/**/*.ts', 'scripts/**/*.ts'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-output/**', '.cache/**', 'renderer/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: typed,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `let x; … () => x …; x = …` (a callback that reads what is assigned after it is made) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // Layers.
  {
    files: ['main/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'main/ runs in plain Node: only app/ imports electron.' }],
          patterns: [
            { group: ['**/renderer/**', '**/renderer'], message: 'main/ knows no UI: the renderer reaches the core through the Api.' },
            { group: ['**/app/**', '**/app'], message: 'main/ does not depend on the Electron shell.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches Electron only through the preload (window.budgetApi).' }],
          patterns: [
            {
              group: [
                '**/main/**',
                '!**/main/api/types',
                '!**/main/api/types.js',
                '!**/main/model/types',
                '!**/main/model/types.js',
                '!**/main/model/review',
                '!**/main/model/review.js',
              ],
              message: 'The renderer imports nothing of the core but its types (main/api/types, main/model types).',
            },
            {
              group: [
                '**/main/api/types',
                '**/main/api/types.js',
                '**/main/model/types',
                '**/main/model/types.js',
                '**/main/model/review',
                '**/main/model/review.js',
              ],
              allowTypeImports: true,
              message: 'Types only: `import type` from the core.',
            },
            { group: ['**/app/**'], message: 'The renderer does not import the Electron shell.' },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'The shell loads the built renderer; it does not import its code.' }] },
      ],
    },
  },
);
