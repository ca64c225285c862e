import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Process boundaries are enforced here rather than remembered (STYLE.md §5):
 * - electron/core is pure: no electron, no file system, no React, so it runs anywhere and tests need no mocks;
 * - electron/store builds on core alone: no electron, and nothing from the services, IPC or export above it;
 * - renderer/ never reaches for electron or Node: everything goes through window.desk.
 */
const nodeBuiltins = '^(node:.*|fs|fs/.*|path|os|child_process|crypto|url|stream|util|events|buffer|process|worker_threads|net|http|https)$';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^electron(/.*)?$', message: 'electron/core is pure: no Electron.' },
            { regex: '^(node:)?fs(/.*)?$', message: 'electron/core is pure: no file system; use a service.' },
            { regex: '^react(-dom)?(/.*)?$', message: 'electron/core is pure: no React.' },
            { regex: '/(store|services|ipc)(/|$)', message: 'electron/core must not depend on the layers above it.' },
            { regex: '^date-holidays', message: 'date-holidays (12 MB) stays in electron/services: the renderer imports core.' },
          ],
        },
      ],
    },
  },
  {
    // The store sits on core only, so it runs (and is tested and benchmarked) in plain Node.
    files: ['electron/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^electron(/.*)?$', message: 'electron/store runs in plain Node: no Electron.' },
            { regex: '^(\\.\\./)+(services|ipc|export|security)(/|$)', message: 'electron/store may import electron/core only, not the layers above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Warns that the React Compiler would skip a component; we do not use the compiler.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^electron(/.*)?$', message: 'The renderer talks to main only through window.desk.' },
            { regex: nodeBuiltins, message: 'The renderer runs in a sandbox: no Node modules.' },
            { regex: '/electron/(store|services|security|main|preload|platform|protocol)', message: 'The renderer may import only electron/core and types from electron/ipc.' },
            { regex: '/electron/ipc/', allowTypeImports: true, message: 'Import only types from the IPC contract in the renderer.' },
          ],
        },
      ],
    },
  },
);
