/**
 * npm run bench:render — how soon a finished render is on screen, and how many status requests it cost,
 * for THE polling policy (src/lib/taskPacing.ts) and the official SDK example's fixed 0.5 s loop, side by
 * side on the same tasks, against a simulated Looker that gives no hints and default pools (2 rendering,
 * 3 querying; docs/decisions/0015-render-pacing.md). A connected build runs in Chromium behind the proxy;
 * every page shares one simulator, so concurrent renders queue as on a real instance.
 *
 * (a) one render at a time, work fixed at 1–20 s (spread evenly), different looks, one tab per variant;
 * (b) 6 renders started together in 6 fresh tabs (they queue in the pools), modelled durations;
 * (c) the same look rendered 3 times in a row at 800×600, 1200×900 and 1600×1200, modelled durations.
 * Before each variant's turn the simulator forgets its tasks, so both variants get identical work.
 *
 * Options: BENCH_RENDERS (a, default 24), BENCH_ROUNDS (b, default 6), BENCH_LOOKS (c, default 6),
 * BENCH_REUSE=1 (skip the build), BENCH_RENDER_PORT (else a free one), CHROMIUM_PATH.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { chromium, type Browser } from '@playwright/test'
import { chromiumLaunchOptions } from '../e2e/chromium'
import { rendersEveryTime } from '../src/looker-sim/core/tasks/failures'
import { buildConnected, startConnected, type ConnectedBench } from './lib/connected'
import {
  goTo,
  openApp,
  renderAndWait,
  requestsFor,
  timingsOf,
  VARIANT_LABELS,
  type RenderSample,
  type Variant,
} from './lib/renderPage'
import { groupB, inTurn, lookA, lookC, SIZES_C, workA, WORKLOAD_DEFAULTS } from './lib/renderWorkloads'
import { percentile } from './lib/stats'

const RENDERS = Number(process.env.BENCH_RENDERS ?? WORKLOAD_DEFAULTS.rendersA)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? WORKLOAD_DEFAULTS.roundsB)
const LOOKS_C = Number(process.env.BENCH_LOOKS ?? WORKLOAD_DEFAULTS.looksC)
const OUT = 'dist-bench-render'
const VARIANTS: Variant[] = ['paced', 'fixed']

interface Look {
  id: string
  title: string
}

/** Looks that render on every try (no broken field, no cold-warehouse timeout), visible to the admin. */
function healthyLooks(bench: ConnectedBench): Look[] {
  const { store } = bench.sim
  return store.data.looks
    .filter((l) => rendersEveryTime(store.seed, l))
    .map((l) => ({ id: l.id, title: l.title }))
}

async function sample(
  bench: ConnectedBench,
  variant: Variant,
  look: Look,
  size: [number, number],
  nth: number,
  seen: { taskId: string; paintDelayMs: number },
  failures: string[],
): Promise<RenderSample> {
  const counts = requestsFor(bench, seen.taskId)
  return {
    pollFailures: failures.splice(0),
    variant,
    lookId: look.id,
    width: size[0],
    height: size[1],
    nth,
    ...seen,
    ...counts,
    ...(await timingsOf(bench, seen.taskId)),
  }
}

async function workloadA(browser: Browser, bench: ConnectedBench, looks: Look[]): Promise<RenderSample[]> {
  const tabs = {
    paced: await openApp(browser, bench, 'paced', looks[0].id),
    fixed: await openApp(browser, bench, 'fixed', looks[0].id),
  }
  const samples: RenderSample[] = []
  for (let i = 0; i < RENDERS; i++) {
    const work = workA(i, RENDERS)
    const look = lookA(looks, i)
    for (const variant of inTurn(i)) {
      bench.sim.tasks.clear()
      bench.sim.tasks.settings.renderDurationMs = { min: work, max: work }
      const { page, failures } = tabs[variant]
      await goTo(page, look.id, look.title, 800, 600)
      const seen = await renderAndWait(page, work + 60_000)
      samples.push(await sample(bench, variant, look, [800, 600], 1, seen, failures))
    }
  }
  bench.sim.tasks.settings.renderDurationMs = null
  await tabs.paced.close()
  await tabs.fixed.close()
  return samples
}

async function workloadB(browser: Browser, bench: ConnectedBench, looks: Look[]): Promise<RenderSample[]> {
  const samples: RenderSample[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const group = groupB(looks, round)
    for (const variant of inTurn(round)) {
      bench.sim.tasks.clear()
      const tabs = await Promise.all(group.map((look) => openApp(browser, bench, variant, look.id)))
      const seen = await Promise.all(tabs.map(({ page }) => renderAndWait(page, 180_000)))
      for (const [j, s] of seen.entries())
        samples.push(await sample(bench, variant, group[j], [800, 600], 1, s, tabs[j].failures))
      await Promise.all(tabs.map((t) => t.close()))
    }
  }
  return samples
}

async function workloadC(browser: Browser, bench: ConnectedBench, looks: Look[]): Promise<RenderSample[]> {
  const samples: RenderSample[] = []
  const tabs = {
    paced: await openApp(browser, bench, 'paced', looks[0].id),
    fixed: await openApp(browser, bench, 'fixed', looks[0].id),
  }
  for (let k = 0; k < LOOKS_C; k++) {
    const look = lookC(looks, k)
    for (const variant of inTurn(k)) {
      bench.sim.tasks.clear()
      for (const [n, size] of SIZES_C.entries()) {
        const { page, failures } = tabs[variant]
        await goTo(page, look.id, look.title, size[0], size[1])
        const seen = await renderAndWait(page, 120_000)
        samples.push(await sample(bench, variant, look, size, n + 1, seen, failures))
      }
    }
  }
  await tabs.paced.close()
  await tabs.fixed.close()
  return samples
}

interface Row {
  workload: string
  variant: Variant
  n: number
  p50: number
  p95: number
  statusPerRender: number
  resultPollsPerRender: number
  meanRuntimeS: number
}

function row(workload: string, variant: Variant, samples: RenderSample[]): Row {
  const mine = samples.filter((s) => s.variant === variant)
  const delays = mine.map((s) => s.paintDelayMs)
  const mean = (f: (s: RenderSample) => number) =>
    mine.reduce((sum, s) => sum + f(s), 0) / Math.max(1, mine.length)
  return {
    workload,
    variant,
    n: mine.length,
    p50: percentile(delays, 50),
    p95: percentile(delays, 95),
    statusPerRender: mean((s) => s.statusRequests),
    resultPollsPerRender: mean((s) => s.resultPolls),
    meanRuntimeS: mean((s) => s.runtimeS ?? NaN),
  }
}

function print(rows: Row[]) {
  console.log(
    '\nworkload                         | variant                    |  n | success→painted p50 |    p95 | status req/render | results 202/render | mean task runtime',
  )
  for (const r of rows) {
    console.log(
      `${r.workload.padEnd(32)} | ${VARIANT_LABELS[r.variant].padEnd(26)} | ${String(r.n).padStart(2)} | ${r.p50.toFixed(0).padStart(16)} ms | ${r.p95.toFixed(0).padStart(3)} ms | ${r.statusPerRender.toFixed(1).padStart(17)} | ${r.resultPollsPerRender.toFixed(1).padStart(18)} | ${r.meanRuntimeS.toFixed(1).padStart(15)} s`,
    )
  }
}

function targets(rows: Row[]) {
  const get = (w: string, v: Variant) => rows.find((r) => r.workload === w && r.variant === v)!
  console.log('\ntargets (issue 10): our p50 ≤ the fixed loop’s p50, with at most half its status requests')
  for (const w of [...new Set(rows.map((r) => r.workload))].filter((w) => !w.includes('2nd'))) {
    const [ours, fixed] = [get(w, 'paced'), get(w, 'fixed')]
    const latency = ours.p50 <= fixed.p50 ? 'met' : 'NOT met'
    const requests = ours.statusPerRender <= fixed.statusPerRender / 2 ? 'met' : 'NOT met'
    console.log(
      `  ${w.padEnd(32)} p50 ${latency} (${ours.p50.toFixed(0)} vs ${fixed.p50.toFixed(0)} ms); ` +
        `requests ${requests} (${ours.statusPerRender.toFixed(1)} vs ${fixed.statusPerRender.toFixed(1)}, ratio ${(ours.statusPerRender / fixed.statusPerRender).toFixed(2)})`,
    )
  }
  const later = rows.find((r) => r.workload.includes('2nd') && r.variant === 'paced')
  if (later)
    console.log(
      `  (c) 2nd and 3rd renders p50 ≤ 150 ms: ${later.p50 <= 150 ? 'met' : 'NOT met'} (${later.p50.toFixed(0)} ms)`,
    )
}

const load = () => execFileSync('uptime', { encoding: 'utf8' }).trim()

async function main() {
  const started = Date.now()
  buildConnected(OUT, process.env.BENCH_REUSE === '1')
  const bench = await startConnected(OUT)
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [...chromiumLaunchOptions.args, '--disable-background-timer-throttling'],
  })
  try {
    console.log(`machine load at start: ${load()}`)
    const looks = healthyLooks(bench)
    const a = await workloadA(browser, bench, looks)
    console.log(`(a) done, load: ${load()}`)
    const b = await workloadB(browser, bench, looks)
    console.log(`(b) done, load: ${load()}`)
    const c = await workloadC(browser, bench, looks)
    console.log(`(c) done, load: ${load()}`)
    const rows = VARIANTS.flatMap((v) => [
      row('(a) one at a time, 1–20 s', v, a),
      row('(b) 6 started together', v, b),
      row('(c) same look ×3, all', v, c),
      row(
        '(c) same look ×3, 2nd and 3rd',
        v,
        c.filter((s) => s.nth > 1),
      ),
    ]).sort((x, y) => x.workload.localeCompare(y.workload))
    print(rows)
    targets(rows)
    console.log(`\nrun time ${((Date.now() - started) / 1000).toFixed(0)} s; machine load at end: ${load()}`)
    mkdirSync('bench-results', { recursive: true })
    writeFileSync('bench-results/render.json', JSON.stringify({ rows, samples: { a, b, c } }, null, 2))
  } finally {
    await browser.close()
    await bench.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
