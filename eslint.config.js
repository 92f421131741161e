import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { boundaryConfig, TEST_FILES } from './lint/boundaries.js'
import { browserOnlyConfig, NODE_SIDE_FILES } from './lint/nodeSide.js'

export default defineConfig([
  globalIgnores([
    'dist',
    'dist-*',
    'public/mockServiceWorker.js',
    'test-results',
    'playwright-report',
    'reports',
    'bench-results',
  ]),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommendedTypeChecked,
      reactHooks.configs.flat['recommended-latest'],
      pluginQuery.configs['flat/recommended'],
    ],
    languageOptions: {
      ecmaVersion: 2023,
      globals: globals.browser,
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'lint/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Titles and descriptions are text, never HTML.',
        },
      ],
    },
  },
  browserOnlyConfig,
  ...boundaryConfig(import.meta.dirname),
  {
    files: ['src/looker-sim/core/**'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(react|msw|@mui|@tanstack)', message: 'The simulator core is framework-free.' },
          ],
        },
      ],
    },
  },
  // Node-side files (tsconfig.node.json) and tests, which run in Node too.
  {
    name: 'lookbook/node',
    files: [...NODE_SIDE_FILES, ...TEST_FILES],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['e2e/**', 'bench/**', '*.config.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
])
