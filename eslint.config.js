import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import { layerRules } from './eslint.layers.js';

export default defineConfig([
  globalIgnores([
    'dist',
    'dist-single',
    'test-results',
    'playwright-report',
    'reports',
    'node_modules',
  ]),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommendedTypeChecked,
      reactHooks.configs.flat.recommended,
    ],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: [
      '*.config.ts',
      'scripts/**/*.ts',
      'test/e2e/**/*.ts',
      'bench/**/*.ts',
      'src/cli/**/*.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // src/core is the pure emulator: it runs unchanged in the worker, in Node (CLI, bench) and in
    // unit tests, so it must not touch browser/worker globals (its imports: eslint.layers.js).
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'self',
          'postMessage',
          'navigator',
          'requestAnimationFrame',
          'localStorage',
        ].map((name) => ({
          name,
          message: `src/core must stay pure: no '${name}' (browser/worker global).`,
        })),
      ],
    },
  },
  ...layerRules,
]);
