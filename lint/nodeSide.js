// Browser code and Node-side code, told apart (docs/decisions/0010-lint-boundaries.md).
import { importX } from 'eslint-plugin-import-x'
import { TEST_FILES } from './boundaries.js'

/**
 * The files that run in Node rather than in the browser: configs, lint rules, scripts, benchmarks,
 * Playwright, the Looker proxy, the production server and the simulator's node:http adapter.
 * tsconfig.node.json lists the same set (keep the two in step); everything else under src/ is browser
 * code, apart from the tests, which run in Node under vitest (tsconfig.test.json).
 */
export const NODE_SIDE_FILES = [
  '*.config.{ts,js}',
  'lint/**',
  'e2e/**',
  'bench/**',
  'scripts/**',
  'proxy/**',
  'server/**',
  'src/looker-sim/server.ts',
  'src/looker-sim/node-server/**',
  'src/looker-sim/node.ts',
]

const NODE_GLOBALS = [
  'process',
  'Buffer',
  'global',
  '__dirname',
  '__filename',
  'require',
  'module',
  'setImmediate',
]

/**
 * Browser code may use no Node module or global. tsconfig.app.json has no Node types either; this names
 * the problem in the editor and in lint, before the typecheck does.
 */
/** @type {import('eslint').Linter.Config} */
export const browserOnlyConfig = {
  name: 'lookbook/browser-only',
  files: ['src/**/*.{ts,tsx}'],
  ignores: [...NODE_SIDE_FILES, ...TEST_FILES],
  plugins: { 'import-x': importX },
  rules: {
    'import-x/no-nodejs-modules': 'error',
    'no-restricted-globals': [
      'error',
      ...NODE_GLOBALS.map((name) => ({
        name,
        message: `${name} is a Node global: browser code cannot use it.`,
      })),
    ],
  },
}
