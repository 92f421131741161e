// Import boundaries and the cycle rule (docs/decisions/0010-lint-boundaries.md), as a function of the project
// root so that lint/boundaries.test.ts can run the very same rules on a throwaway tree.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'

/** Files that run under vitest, not in the browser: they may reach the simulator and src/test (test kits live there). */
export const TEST_FILES = ['src/**/*.test.{ts,tsx}', 'src/test/**']

/** The one file allowed to load the simulator, and only through a dynamic import(). */
export const DEMO_BACKEND = 'src/app/backends/demo.ts'

const LAYERS = ['app', 'features', 'api', 'components', 'lib', 'theme', 'looker-sim', 'test']

/**
 * What each layer must not import. `app → features → api | components | lib | theme`; lib is the floor;
 * the simulator is a separate program (it stands in for Looker) and shares no code with the app.
 */
const FORBIDDEN = {
  app: ['looker-sim', 'test'],
  features: ['app', 'looker-sim', 'test'],
  api: ['app', 'features', 'components', 'theme', 'looker-sim', 'test'],
  components: ['app', 'features', 'api', 'looker-sim', 'test'],
  lib: ['app', 'features', 'api', 'components', 'theme', 'looker-sim', 'test'],
  theme: ['app', 'features', 'api', 'components', 'looker-sim', 'test'],
  'looker-sim': ['app', 'features', 'api', 'components', 'lib', 'theme', 'test'],
  test: [],
}

/** Why, by the importing layer. */
const WHY = {
  app: 'app/ composes features and wires backends; it never reaches the simulator or src/test.',
  features: 'a feature never imports app/ (app/ composes features), the simulator or src/test.',
  api: 'api/ knows Looker and nothing above it: it imports lib/ only.',
  components: 'components/ has no API knowledge: data comes in through props or hooks passed in.',
  lib: 'lib/ is the floor: it imports nothing else from src/.',
  theme: 'theme/ sits below the screens that use it: it may import lib/ only.',
  'looker-sim': 'the simulator stands in for Looker: it shares no code with the app.',
  test: '',
}

const message = (layer, other) =>
  other === 'looker-sim'
    ? 'Nothing imports the simulator but src/app/backends/demo.ts, through a dynamic import() (a connected user never downloads it).'
    : `src/${layer}/ may not import src/${other}/: ${WHY[layer]}`

/**
 * Every zone for `root`. Test files keep the layering but may use the simulator and src/test, and the
 * simulator's tests may check it against the app's own client code in lib/ (PKCE, for one). `allow` lifts
 * single [importer, imported] pairs for a block of files.
 */
export function boundaryZones(root, { forTests = false, forDemoBackend = false, allow = [] } = {}) {
  const allowed = (layer, other) =>
    (forTests && (other === 'looker-sim' || other === 'test')) ||
    (forTests && layer === 'looker-sim' && other === 'lib') ||
    (forDemoBackend && layer === 'app' && other === 'looker-sim') ||
    allow.some(([a, b]) => a === layer && b === other)
  const zones = []
  for (const layer of LAYERS) {
    for (const other of FORBIDDEN[layer]) {
      if (!allowed(layer, other))
        zones.push({ target: `src/${layer}`, from: `src/${other}`, message: message(layer, other) })
    }
  }
  zones.push({
    target: 'src',
    from: 'src/main.tsx',
    message: 'main.tsx is the composition root: nothing imports it.',
  })
  zones.push({
    target: 'src/main.tsx',
    from: LAYERS.filter((layer) => layer !== 'app').map((layer) => `src/${layer}`),
    message: 'main.tsx only picks a backend and renders <App/>: the wiring lives in app/.',
  })
  for (const feature of featureFolders(root)) {
    zones.push({
      target: `src/features/${feature}`,
      from: 'src/features',
      except: [`./${feature}`],
      message:
        'A feature never imports another feature: move what two share into api/, components/ or lib/ (app/ may compose them).',
    })
  }
  return zones
}

function featureFolders(root) {
  try {
    return readdirSync(join(root, 'src/features'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
  } catch {
    return []
  }
}

const restrictedPaths = (root, options) => ['error', { basePath: root, zones: boundaryZones(root, options) }]

/**
 * Flat-config blocks: the zones, the cycle rule and the demo backend's dynamic-import rule.
 * @param {string} root the project root
 * @returns {import('eslint').Linter.Config[]}
 */
export function boundaryConfig(root) {
  return [
    {
      name: 'lookbook/boundaries',
      files: ['src/**/*.{ts,tsx}'],
      plugins: { 'import-x': importX },
      settings: {
        // Without these import-x reads only .js files when it follows imports, and finds no cycle in TS.
        'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
        'import-x/resolver-next': [
          createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
        ],
      },
      rules: {
        'import-x/no-restricted-paths': restrictedPaths(root),
        // Type-only imports are skipped: they vanish at build time and cannot form a runtime cycle.
        'import-x/no-cycle': ['error', { ignoreExternal: true }],
      },
    },
    {
      name: 'lookbook/boundaries-tests',
      files: TEST_FILES,
      rules: { 'import-x/no-restricted-paths': restrictedPaths(root, { forTests: true }) },
    },
    {
      name: 'lookbook/boundaries-demo-backend',
      files: [DEMO_BACKEND],
      rules: {
        'import-x/no-restricted-paths': restrictedPaths(root, { forDemoBackend: true }),
        // no-restricted-imports sees static imports only: a dynamic import() of the simulator passes.
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: '(^|/)looker-sim(/|$)',
                allowTypeImports: true,
                message: 'Load the simulator with a dynamic import(), so that only demo mode downloads it.',
              },
            ],
          },
        ],
      },
    },
  ]
}
