import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Import direction (docs/decisions/0002-architecture-and-import-rules.md):
// app → features → api | components | lib | theme; nothing but main.tsx reaches the simulator.
const noSimulator = {
  regex: '(^|/)looker-sim(/|$)',
  message: 'Only src/main.tsx may load the simulator (dynamically, in demo mode).',
}
const noUpward = {
  regex: '(^|/)(features|app)(/|$)',
  message: 'api, lib, components and theme must not import features or app.',
}
const noSiblingFeature = (depth) => ({
  regex: `^${'\\.\\./'.repeat(depth)}(?!\\.\\.)(?!$)`,
  message: 'A feature never imports another feature: move shared code to api/, components/ or lib/.',
})

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
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
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
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main.tsx', 'src/looker-sim/**', 'src/test/**', 'src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSimulator] }] },
  },
  {
    files: ['src/api/**', 'src/lib/**', 'src/components/**', 'src/theme/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSimulator, noUpward] }] },
  },
  {
    files: ['src/features/*/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSimulator, noSiblingFeature(1)] }] },
  },
  {
    files: ['src/features/*/*/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSimulator, noSiblingFeature(2)] }] },
  },
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
  {
    files: ['e2e/**', 'bench/**', '*.config.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
])
