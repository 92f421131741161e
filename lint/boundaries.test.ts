// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { ESLint, type Linter } from 'eslint'
import tseslint from 'typescript-eslint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boundaryConfig, boundaryZones } from './boundaries.js'

/**
 * The boundary rules run on a throwaway tree with the app's layout (the same function builds the real
 * config, which the last test checks), so each file below is one import the rules must judge.
 */
const TREE: Record<string, string> = {
  'src/main.tsx': "import { App } from './app/App'\nexport const root = App",
  'src/app/App.tsx': "import { TrashPage } from './features-link'\nexport const App = TrashPage",
  'src/app/features-link.ts': "export { TrashPage } from '../features/trash/TrashPage'",
  'src/app/router.tsx': "export const createAppRouter = () => 'router'",
  'src/app/backends/demo.ts':
    "export const startDemo = async () => (await import('../../looker-sim/browser')).startDemoSimulator()",
  'src/api/looks.ts':
    "import { http } from '../lib/http'\nexport const searchLooks = () => http('/looks/search')",
  'src/lib/http.ts': 'export const http = (path: string) => path',
  'src/components/PageLayout.tsx': "import { http } from '../lib/http'\nexport const PageLayout = http",
  'src/theme/theme.ts': "export const theme = 'light'",
  'src/features/trash/TrashPage.tsx': [
    "import { searchLooks } from '../../api/looks'",
    "import { PageLayout } from '../../components/PageLayout'",
    "import { theme } from '../../theme/theme'",
    "import { trashRows } from './trashRows'",
    'export const TrashPage = [searchLooks, PageLayout, theme, trashRows]',
  ].join('\n'),
  'src/features/trash/trashRows.ts': 'export const trashRows = 1',
  'src/features/look-search/LookSearchPage.tsx': 'export const LookSearchPage = 1',
  'src/looker-sim/browser.ts':
    "import { sim } from './core/sim'\nexport const startDemoSimulator = () => sim",
  'src/looker-sim/core/sim.ts': 'export const sim = 1',
  // Leads into the cycle below without being part of it (and is linted before it).
  'src/lib/aaLeadsIntoCycle.ts': "import { a } from './cycleA'\nexport const lead = a",
  // Type-only imports both ways: no runtime cycle.
  'src/lib/typesA.ts': "import type { B } from './typesB'\nexport interface A { b?: B }",
  'src/lib/typesB.ts': "import type { A } from './typesA'\nexport interface B { a?: A }",
}

/** The illegal imports, each in a file of its own. */
const ILLEGAL: Record<string, string> = {
  // The two that passed the old regex rules (issue 16).
  'src/features/trash/ImportsRouter.ts':
    "import { createAppRouter } from '../../app/router'\nexport const r = createAppRouter",
  'src/components/ImportsApi.tsx': "import { searchLooks } from '../api/looks'\nexport const s = searchLooks",
  // A cycle of three modules.
  'src/lib/cycleA.ts': "import { b } from './cycleB'\nexport const a = () => b()",
  'src/lib/cycleB.ts': "import { c } from './cycleC'\nexport const b = () => c()",
  'src/lib/cycleC.ts': "import { a } from './cycleA'\nexport const c = () => a()",
  // More of the rules.
  'src/features/trash/ImportsSibling.ts':
    "import { LookSearchPage } from '../look-search/LookSearchPage'\nexport const p = LookSearchPage",
  'src/app/ImportsSimulator.ts':
    "export const start = async () => (await import('../looker-sim/browser')).startDemoSimulator()",
  'src/app/backends/staticDemo.ts':
    "import { startDemoSimulator } from '../../looker-sim/browser'\nexport const s = startDemoSimulator",
  'src/api/ImportsComponents.ts':
    "import { PageLayout } from '../components/PageLayout'\nexport const p = PageLayout",
  'src/lib/ImportsApi.ts': "import { searchLooks } from '../api/looks'\nexport const s = searchLooks",
  'src/looker-sim/core/ImportsLib.ts': "import { http } from '../../lib/http'\nexport const h = http",
}

let root: string
let results: Map<string, Linter.LintMessage[]>

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lint-boundaries-'))
  for (const [file, text] of Object.entries({ ...TREE, ...ILLEGAL })) {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), `${text}\n`)
  }
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
      ...boundaryConfig(root),
    ],
  })
  const lint = await eslint.lintFiles(['src/**/*.{ts,tsx}'])
  results = new Map(lint.map((r) => [r.filePath.slice(root.length + 1), r.messages]))
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

const reported = (file: string) =>
  (results.get(file) ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`)

describe('import boundaries', () => {
  it('reports a feature that imports the app (features/trash → ../../app/router)', () => {
    expect(reported('src/features/trash/ImportsRouter.ts')).toEqual([
      'import-x/no-restricted-paths: Unexpected path "../../app/router" imported in restricted zone. src/features/ may not import src/app/: a feature never imports app/ (app/ composes features), the simulator or src/test.',
    ])
  })

  it('reports a component that imports api/ (components → ../api/looks)', () => {
    expect(reported('src/components/ImportsApi.tsx')).toEqual([
      'import-x/no-restricted-paths: Unexpected path "../api/looks" imported in restricted zone. src/components/ may not import src/api/: components/ has no API knowledge: data comes in through props or hooks passed in.',
    ])
  })

  it('reports every module of an import cycle', () => {
    for (const file of ['src/lib/cycleA.ts', 'src/lib/cycleB.ts', 'src/lib/cycleC.ts']) {
      expect(reported(file), file).toEqual([
        expect.stringMatching(/^import-x\/no-cycle: Dependency cycle via /),
      ])
    }
  })

  it('reports a feature importing a sibling feature', () => {
    expect(reported('src/features/trash/ImportsSibling.ts')).toEqual([
      expect.stringContaining('A feature never imports another feature'),
    ])
  })

  it('lets only the demo backend reach the simulator, and only through a dynamic import', () => {
    expect(reported('src/app/ImportsSimulator.ts')).toEqual([
      expect.stringContaining('Nothing imports the simulator but src/app/backends/demo.ts'),
    ])
    expect(reported('src/app/backends/demo.ts')).toEqual([])
    // Same folder, but not the demo backend: the zone applies; and a static import is refused as such.
    expect(reported('src/app/backends/staticDemo.ts')).toEqual([
      expect.stringContaining('Nothing imports the simulator but src/app/backends/demo.ts'),
    ])
  })

  it('keeps api/ and lib/ below what uses them, and the simulator apart from the app', () => {
    expect(reported('src/api/ImportsComponents.ts')).toEqual([
      expect.stringContaining('src/api/ may not import src/components/'),
    ])
    expect(reported('src/lib/ImportsApi.ts')).toEqual([
      expect.stringContaining('src/lib/ may not import src/api/'),
    ])
    expect(reported('src/looker-sim/core/ImportsLib.ts')).toEqual([
      expect.stringContaining('src/looker-sim/ may not import src/lib/'),
    ])
  })

  it('passes the legal imports: app → features → api | components | lib | theme, type-only cycles', () => {
    const legal = Object.keys(TREE)
    expect(legal.flatMap((file) => reported(file).map((m) => `${file}: ${m}`))).toEqual([])
    expect(results.size).toBe(legal.length + Object.keys(ILLEGAL).length)
  })
})

describe("the project's eslint.config.js", () => {
  const projectRoot = resolve(import.meta.dirname, '..')
  const eslint = new ESLint({ cwd: projectRoot })
  const ruleFor = async (file: string, rule: string) =>
    ((await eslint.calculateConfigForFile(file)) as Linter.Config).rules?.[rule]

  it('applies these zones and the cycle rule to the real source folders', async () => {
    const zones = [2, { basePath: projectRoot, zones: boundaryZones(projectRoot) }]
    expect(await ruleFor('src/features/trash/TrashPage.tsx', 'import-x/no-restricted-paths')).toEqual(zones)
    expect(await ruleFor('src/components/PageLayout.tsx', 'import-x/no-restricted-paths')).toEqual(zones)
    // Every component folder alike: no folder keeps an exception once its reason is gone.
    expect(
      await ruleFor('src/components/FolderPicker/FolderPickerDialog.tsx', 'import-x/no-restricted-paths'),
    ).toEqual(zones)
    expect(await ruleFor('src/lib/http.ts', 'import-x/no-cycle')).toEqual([
      2,
      expect.objectContaining({ ignoreExternal: true }),
    ])
    const demoZones = await ruleFor('src/app/backends/demo.ts', 'import-x/no-restricted-paths')
    expect(demoZones).toEqual([
      2,
      { basePath: projectRoot, zones: boundaryZones(projectRoot, { forDemoBackend: true }) },
    ])
  })
})
