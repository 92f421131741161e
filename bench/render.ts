/**
 * npm run bench:render — how quickly a finished render reaches the screen, and at what cost in status
 * requests, for THE polling policy (src/lib/polling.ts) against the official SDK example's fixed 0.5 s loop.
 *
 * A production demo build runs in Chromium; each render gets its own page (own simulator) whose render
 * duration is fixed by `?sim_render=D-D`, with D spread evenly over 1–20 s and the same list for every
 * variant. Measured per render: from the task's `finalized_at` (simulator clock = this machine's clock) to
 * the `lookbook:render-painted` performance mark (image decoded, next animation frame), and the number of
 * GET /render_tasks/{id} requests in the simulator's request log.
 *
 * Options: BENCH_RENDERS (per variant, default 12), BENCH_PARALLEL (pages at once, default 3),
 * BENCH_PORT (default 4314), BENCH_REUSE=1 (skip the build).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { chromium, type Browser } from '@playwright/test'

const RENDERS = Number(process.env.BENCH_RENDERS ?? 12)
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 3)
const PORT = Number(process.env.BENCH_PORT ?? 4314)
const OUT = 'dist-bench-render'
const LOOKS = ['1', '2', '3', '5'] // healthy seeded looks: column, bar, table, single value

interface Variant {
  name: string
  params: Record<string, string>
}

const VARIANTS: Variant[] = [
  { name: 'adaptive (ours)', params: {} },
  { name: 'fixed 0.5 s (SDK example)', params: { poll: 'fixed-500' } },
  { name: 'adaptive, no server hint', params: { sim_render_hints: '0' } },
]

interface Sample {
  variant: string
  durationMs: number
  paintDelayMs: number
  statusRequests: number
}

function build() {
  if (process.env.BENCH_REUSE === '1') return
  console.log(`building the demo app into ${OUT} …`)
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--mode', 'demo', '--outDir', OUT, '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  )
  if (result.status !== 0) throw new Error(`vite build failed (exit ${String(result.status)})`)
}

async function preview(): Promise<{ url: string; stop: () => void }> {
  const url = `http://127.0.0.1:${PORT}`
  const args = [
    'vite',
    'preview',
    '--mode',
    'demo',
    '--outDir',
    OUT,
    '--host',
    '127.0.0.1',
    '--port',
    String(PORT),
  ]
  // Its own process group, so stopping it also stops the server npx started.
  const child: ChildProcess = spawn('npx', [...args, '--strictPort'], { stdio: 'ignore', detached: true })
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
  }
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${String(child.exitCode)}`)
    try {
      if ((await fetch(url)).ok) return { url, stop }
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  stop()
  throw new Error(`vite preview did not answer on ${url}`)
}

async function renderOnce(browser: Browser, base: string, variant: Variant, index: number): Promise<Sample> {
  const durationMs = Math.round(1_000 + (index * 19_000) / Math.max(1, RENDERS - 1))
  const lookId = LOOKS[index % LOOKS.length] ?? '1'
  const params = new URLSearchParams({
    format: 'png',
    width: '800',
    height: '600',
    sim_render: `${durationMs}-${durationMs}`,
    ...variant.params,
  })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  try {
    const page = await context.newPage()
    await page.goto(`${base}/looks/${lookId}/render?${params.toString()}`)
    await page.getByRole('button', { name: 'Render', exact: true }).click()
    await page.waitForFunction(
      () => performance.getEntriesByName('lookbook:render-painted').length > 0,
      null,
      {
        timeout: durationMs + 30_000,
        polling: 50,
      },
    )
    return await page.evaluate(
      ({ variant, durationMs }) => {
        const mark = performance.getEntriesByName('lookbook:render-painted')[0] as PerformanceMark
        const detail = mark.detail as { finalizedAt: string | null }
        const paintedAt = performance.timeOrigin + mark.startTime
        const sim = (globalThis as { __LOOKER_SIM__?: { requestLog: { method: string; path: string }[] } })
          .__LOOKER_SIM__
        const log = sim?.requestLog ?? []
        const statusRequests = log.filter(
          (e) => e.method === 'GET' && /^\/render_tasks\/[^/]+$/.test(e.path),
        ).length
        return {
          variant,
          durationMs,
          paintDelayMs: paintedAt - Date.parse(detail.finalizedAt ?? ''),
          statusRequests,
        }
      },
      { variant: variant.name, durationMs },
    )
  } finally {
    await context.close()
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN
}

async function main() {
  build()
  const server = await preview()
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-timer-throttling'],
  })
  const started = Date.now()
  try {
    // Variants interleaved, so each one sees the same machine load.
    const jobs = Array.from({ length: RENDERS }, (_, i) => VARIANTS.map((v) => ({ v, i }))).flat()
    const samples: Sample[] = []
    let next = 0
    const worker = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]
        if (job) samples.push(await renderOnce(browser, server.url, job.v, job.i))
      }
    }
    await Promise.all(Array.from({ length: PARALLEL }, worker))

    console.log(
      `\n${RENDERS} renders per variant (800×600 PNG, durations spread 1–20 s), ${PARALLEL} pages at once`,
    )
    console.log(
      'variant                      | success→painted p50 | p95      | status requests/render (mean) | total',
    )
    const rows = VARIANTS.map((v) => {
      const mine = samples.filter((s) => s.variant === v.name)
      const delays = mine.map((s) => s.paintDelayMs)
      const requests = mine.reduce((sum, s) => sum + s.statusRequests, 0)
      return {
        variant: v.name,
        p50: percentile(delays, 50),
        p95: percentile(delays, 95),
        perRender: requests / mine.length,
        requests,
      }
    })
    for (const r of rows) {
      console.log(
        `${r.variant.padEnd(28)} | ${r.p50.toFixed(0).padStart(16)} ms | ${r.p95.toFixed(0).padStart(5)} ms | ${r.perRender.toFixed(1).padStart(29)} | ${r.requests}`,
      )
    }
    const [ours, baseline] = rows
    if (!ours || !baseline) return
    console.log(
      `\ntarget p50 ≤ 150 ms: ${ours.p50 <= 150 ? 'met' : 'NOT met'} (${ours.p50.toFixed(0)} ms); ` +
        `requests ≤ half the baseline: ${ours.perRender <= baseline.perRender / 2 ? 'met' : 'NOT met'} ` +
        `(${ours.perRender.toFixed(1)} vs ${baseline.perRender.toFixed(1)})`,
    )
    console.log(`run time ${((Date.now() - started) / 1000).toFixed(0)} s`)
    mkdirSync('bench-results', { recursive: true })
    writeFileSync('bench-results/render.json', JSON.stringify({ rows, samples }, null, 2))
  } finally {
    await browser.close()
    server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
