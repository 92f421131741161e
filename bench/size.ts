/**
 * `npm run bench:size`: how much JS a first visit to /looks downloads before its first results are painted
 * (gzip), in connected mode (the server's proxy in front of `npm run sim`) and in demo mode, for this tree
 * and for a baseline commit side by side. Budgets (issue 11): ≤ 200 KB connected, ≤ 320 KB demo. Prints
 * numbers; it is a benchmark, not a test, and never fails on them.
 *
 * Env: BENCH_BASELINE (a git ref; default 29776fb, main before the first-load work; "none" to skip),
 * BENCH_RUNS (page loads per build, default 3; the median is shown), CHROMIUM_PATH.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { chromium, type Browser } from '@playwright/test'
import { chromiumLaunchOptions } from '../e2e/chromium'
import { treeAt, workingTree, type SourceTree } from './lib/baseline'
import { measureFirstLoad, type FirstLoad } from './lib/firstLoad'
import { freePort } from './lib/ports'
import { build, serve, startSim } from './lib/serve'

const BASELINE = process.env.BENCH_BASELINE ?? '29776fb'
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const BUDGET_KB = { connected: 200, demo: 320 }
type Mode = keyof typeof BUDGET_KB

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`
const total = (load: FirstLoad) => load.scripts.reduce((sum, s) => sum + s.gzip, 0)

async function measureTree(
  browser: Browser,
  tree: SourceTree,
  simEnv: Record<string, string>,
): Promise<Record<Mode, FirstLoad>> {
  const out = { connected: join(tree.dir, 'dist-bench-size'), demo: join(tree.dir, 'dist-bench-size-demo') }
  console.log(`building ${tree.label} …`)
  build({ outDir: out.connected, cwd: tree.dir })
  build({ outDir: out.demo, mode: 'demo', cwd: tree.dir })
  const result = {} as Record<Mode, FirstLoad>
  for (const mode of ['connected', 'demo'] as const) {
    const server = await serve({
      outDir: out[mode],
      port: await freePort(),
      mode: mode === 'demo' ? 'demo' : 'production',
      cwd: tree.dir,
      env: mode === 'connected' ? simEnv : undefined,
    })
    try {
      const loads: FirstLoad[] = []
      for (let run = 0; run < RUNS; run++) loads.push(await measureFirstLoad(browser, `${server.url}/looks`))
      loads.sort((a, b) => total(a) - total(b))
      const median = loads[Math.floor(loads.length / 2)]
      if (!median) throw new Error('no page load measured')
      const spread =
        new Set(loads.map(total)).size > 1 ? ` (runs: ${loads.map((l) => kb(total(l))).join(', ')})` : ''
      if (spread) console.log(`  ${mode}${spread}`)
      result[mode] = median
    } finally {
      server.stop()
    }
  }
  return result
}

async function main() {
  const secret = randomBytes(12).toString('hex')
  const sim = await startSim(await freePort(), { clientId: 'bench-analyst', secret, userId: '2' })
  const simEnv = { LOOKER_BASE_URL: sim.url, LOOKER_CLIENT_ID: 'bench-analyst', LOOKER_CLIENT_SECRET: secret }
  const trees = [BASELINE === 'none' ? null : treeAt(BASELINE), workingTree()].filter((t) => t !== null)
  const browser = await chromium.launch(chromiumLaunchOptions)
  const measured: { tree: SourceTree; loads: Record<Mode, FirstLoad> }[] = []
  try {
    for (const tree of trees) measured.push({ tree, loads: await measureTree(browser, tree, simEnv) })
  } finally {
    await browser.close()
    sim.stop()
    for (const tree of trees) tree.dispose()
  }
  print(measured)
}

function print(measured: { tree: SourceTree; loads: Record<Mode, FirstLoad> }[]) {
  const pad = (text: string, width: number) => text.padStart(width)
  console.log(
    '\nFirst load of /looks: JS requested before the first result row is painted (gzip; KB = 1000 bytes)',
  )
  console.log(`${''.padEnd(12)}${measured.map((m) => pad(m.tree.label, 16)).join('')}${pad('budget', 12)}`)
  for (const mode of ['connected', 'demo'] as const) {
    const last = measured.at(-1)?.loads[mode]
    const verdict = last && total(last) <= BUDGET_KB[mode] * 1000 ? 'within' : 'OVER'
    const sizes = measured.map((m) => pad(kb(total(m.loads[mode])), 16)).join('')
    console.log(`${mode.padEnd(12)}${sizes}${pad(`≤ ${BUDGET_KB[mode]} KB`, 12)}  ${verdict}`)
  }
  console.log(
    `${'painted at'.padEnd(12)}${measured.map((m) => pad(`${m.loads.connected.paintedAt.toFixed(0)} / ${m.loads.demo.paintedAt.toFixed(0)} ms`, 16)).join('')}   (connected / demo, cold, this machine)`,
  )
  for (const { tree, loads } of measured) {
    for (const mode of ['connected', 'demo'] as const) {
      console.log(`\n${tree.label}, ${mode}: ${loads[mode].scripts.length} files`)
      for (const s of loads[mode].scripts)
        console.log(`  ${pad(kb(s.gzip), 9)}  ${pad(kb(s.bytes), 9)} raw  ${s.name}`)
    }
  }
  console.log('')
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
