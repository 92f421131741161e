/**
 * npm run bench:pacing-model — bench:render's three workloads replayed in virtual time, in seconds instead
 * of ten minutes: the simulator itself (ManualClock, default pools, the same seed and looks), THE pacing
 * (src/lib/taskPacing.ts, one history per tab) and the fixed 0.5 s loop. No browser: a status request
 * takes RTT_MS, a finished render takes PAINT_MS more to be on screen. For tuning the pacing between
 * runs of the real benchmark, which stays the measure (docs/decisions/0015-render-pacing.md).
 *
 * Options: MODEL_REPEATS (default 1: each workload as bench:render runs it; more = other looks too).
 */
import { ManualClock } from '../src/looker-sim/core/clock'
import { DEFAULT_SEED } from '../src/looker-sim/core/constants'
import { createLookerSim, type LookerSim } from '../src/looker-sim/core/sim'
import { isBrokenLook, timesOutOnFirstRender } from '../src/looker-sim/core/tasks/failures'
import { renderProgress, toRenderTask } from '../src/api/renderTasks'
import { fixedIntervalPolicy, type PollingPolicy } from '../src/lib/pollingPolicy'
import { PACING, TaskPacer } from '../src/lib/taskPacing'
import { SIGMA, TaskHistory } from '../src/lib/taskHistory'
import { percentile } from './lib/stats'
import { quantile } from '../src/lib/pollPlan'
import type { IRenderTask } from '@looker/sdk/lib/4.0/models'

const RTT_MS = 10
const PAINT_MS = 30
const REPEATS = Number(process.env.MODEL_REPEATS ?? 1)
const SIZES_C: [number, number][] = [
  [800, 600],
  [1200, 900],
  [1600, 1200],
]

type Variant = 'paced' | 'fixed'
interface Sample {
  variant: Variant
  nth: number
  lateMs: number
  requests: number
  runtimeMs: number
}

/** A browser tab: its own history, as a page keeps it. */
interface Tab {
  variant: Variant
  history: TaskHistory
}

const newTab = (variant: Variant): Tab => ({ variant, history: new TaskHistory() })
const policyFor = (tab: Tab): PollingPolicy =>
  tab.variant === 'fixed' ? fixedIntervalPolicy(500) : new TaskPacer(tab.history)

class World {
  readonly clock = new ManualClock()
  readonly sim: LookerSim
  private readonly token: string

  constructor() {
    this.sim = createLookerSim({ clock: this.clock, seed: DEFAULT_SEED, tokenTtlSeconds: 10 ** 7 })
    this.token = this.sim.issueToken('1')
  }

  looks(): string[] {
    const { store } = this.sim
    return store.data.looks
      .filter((l) => !l.deleted && !isBrokenLook(l) && !timesOutOnFirstRender(store.seed, l))
      .map((l) => l.id)
  }

  async call(method: string, path: string): Promise<IRenderTask> {
    const res = await this.sim.handle(
      new Request(`http://looker.test/api/4.0${path}`, {
        method,
        headers: { Authorization: `Bearer ${this.token}` },
      }),
    )
    if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status}`)
    return (await res.json()) as IRenderTask
  }

  /** Runs several renders at once (one per tab), each polled by its tab's policy, in virtual time. */
  async renderTogether(jobs: { tab: Tab; lookId: string; size: [number, number] }[]): Promise<Sample[]> {
    interface Run {
      tab: Tab
      taskId: string
      policy: PollingPolicy
      startedAt: number
      at: number
      requests: number
      trace: string[]
      sample?: Sample
    }
    const runs: Run[] = []
    for (const { tab, lookId, size } of jobs) {
      const task = await this.call(
        'POST',
        `/render_tasks/looks/${lookId}/png?width=${size[0]}&height=${size[1]}`,
      )
      const policy = policyFor(tab)
      const startedAt = this.clock.now() + RTT_MS
      // The app hands the pacing what the creation answered (useRenderRun → renderTaskQueries.progress).
      policy.observe?.(renderProgress(toRenderTask(task)), startedAt)
      runs.push({
        tab,
        taskId: String(task.id),
        policy,
        startedAt,
        at: startedAt + (policy.firstDelay?.() ?? 0),
        requests: 0,
        trace: [],
      })
    }
    for (;;) {
      const next = runs.filter((r) => !r.sample).sort((a, b) => a.at - b.at)[0]
      if (!next) break
      // The request reaches the server half a round trip later; its answer is back a round trip later.
      this.clock.set(next.at + RTT_MS / 2)
      const task = toRenderTask(await this.call('GET', `/render_tasks/${next.taskId}`))
      next.requests++
      const now = next.at + RTT_MS
      next.policy.observe?.(renderProgress(task), now)
      if (process.env.MODEL_TRACE && next.tab.variant === 'paced')
        next.trace.push(
          `${(now - next.startedAt).toFixed(0)}:${task.status.slice(0, 5)}${task.query_runtime != null ? `(q${Math.round(task.query_runtime * 1000)})` : ''}`,
        )
      if (task.status === 'success' || task.status === 'failure') {
        if (process.env.MODEL_TRACE && next.tab.variant === 'paced') {
          const t0 = next.startedAt
          console.log(
            `task runtime ${(task.runtime! * 1000).toFixed(0)} q ${(task.query_runtime! * 1000).toFixed(0)} r ${(task.render_runtime! * 1000).toFixed(0)} | ${next.trace.join(' ')}`,
          )
          void t0
        }
        const finalizedAt = Date.parse(task.finalized_at ?? '')
        next.sample = {
          variant: next.tab.variant,
          nth: 0,
          lateMs: now + PAINT_MS - finalizedAt,
          requests: next.requests,
          runtimeMs: (task.runtime ?? 0) * 1000,
        }
        continue
      }
      const delay = next.policy.nextDelay({ sinceMs: now - next.startedAt, retryAfterMs: null, nowMs: now })
      if (process.env.MODEL_TRACE && next.policy instanceof TaskPacer) {
        const ends = [...next.policy.lastForecast].sort((x, y) => x.at - y.at)
        const total = ends.reduce((sum, e) => sum + e.weight, 0)
        const q = [0.25, 0.5, 0.75].map((share) => Math.round(quantile(ends, total, share) - next.startedAt))
        next.trace.push(`[${q.join('/')}]`)
      }
      next.at = now + delay
    }
    const end = Math.max(...runs.map((r) => r.at))
    if (end > this.clock.now()) this.clock.set(end)
    return runs.map((r) => r.sample!)
  }
}

async function workloadA(world: World, looks: string[], offset: number): Promise<Sample[]> {
  const tabs = { paced: newTab('paced'), fixed: newTab('fixed') }
  const samples: Sample[] = []
  for (let i = 0; i < 12; i++) {
    const work = Math.round(1_000 + (i * 19_000) / 11)
    const look = looks[(i + offset) % looks.length]
    for (const variant of (i % 2 ? ['fixed', 'paced'] : ['paced', 'fixed']) as Variant[]) {
      world.sim.tasks.clear()
      world.sim.tasks.settings.renderDurationMs = { min: work, max: work }
      samples.push(...(await world.renderTogether([{ tab: tabs[variant], lookId: look, size: [800, 600] }])))
      world.clock.advance(2_000)
    }
  }
  world.sim.tasks.settings.renderDurationMs = null
  return samples
}

async function workloadB(world: World, looks: string[], offset: number): Promise<Sample[]> {
  const samples: Sample[] = []
  for (let round = 0; round < 3; round++) {
    const group = Array.from({ length: 6 }, (_, j) => looks[(round * 6 + j + 20 + offset) % looks.length])
    for (const variant of (round % 2 ? ['fixed', 'paced'] : ['paced', 'fixed']) as Variant[]) {
      world.sim.tasks.clear()
      const jobs = group.map((lookId) => ({
        tab: newTab(variant),
        lookId,
        size: [800, 600] as [number, number],
      }))
      samples.push(...(await world.renderTogether(jobs)))
      world.clock.advance(2_000)
    }
  }
  return samples
}

async function workloadC(world: World, looks: string[], offset: number): Promise<Sample[]> {
  const tabs = { paced: newTab('paced'), fixed: newTab('fixed') }
  const samples: Sample[] = []
  for (let k = 0; k < 6; k++) {
    const look = looks[(k + 50 + offset) % looks.length]
    for (const variant of (k % 2 ? ['fixed', 'paced'] : ['paced', 'fixed']) as Variant[]) {
      world.sim.tasks.clear()
      for (const [n, size] of SIZES_C.entries()) {
        const [s] = await world.renderTogether([{ tab: tabs[variant], lookId: look, size }])
        samples.push({ ...s, nth: n + 1 })
        world.clock.advance(1_500)
      }
    }
  }
  return samples
}

function line(name: string, samples: Sample[]) {
  const cells = (['paced', 'fixed'] as Variant[]).map((v) => {
    const mine = samples.filter((s) => s.variant === v)
    const late = mine.map((s) => s.lateMs)
    const req = mine.reduce((sum, s) => sum + s.requests, 0) / mine.length
    return { p50: percentile(late, 50), p95: percentile(late, 95), req }
  })
  const [ours, fixed] = cells as [(typeof cells)[0], (typeof cells)[0]]
  const ok = ours.p50 <= fixed.p50 && ours.req <= fixed.req / 2
  console.log(
    `${name.padEnd(24)} ours p50 ${ours.p50.toFixed(0).padStart(4)} p95 ${ours.p95.toFixed(0).padStart(5)} req ${ours.req.toFixed(1).padStart(4)}` +
      ` | fixed p50 ${fixed.p50.toFixed(0).padStart(4)} p95 ${fixed.p95.toFixed(0).padStart(5)} req ${fixed.req.toFixed(1).padStart(4)}` +
      ` | ratio ${(ours.req / fixed.req).toFixed(2)} ${ok ? 'met' : 'NOT met'}`,
  )
}

function report(a: Sample[], b: Sample[], c: Sample[]) {
  line('(a) one at a time', a)
  line('(b) 6 together', b)
  line('(c) same look ×3, all', c)
  line(
    '(c) 2nd and 3rd',
    c.filter((s) => s.nth > 1),
  )
}

async function main() {
  if (process.env.PACING) Object.assign(PACING, JSON.parse(process.env.PACING))
  if (process.env.SIGMA) Object.assign(SIGMA, JSON.parse(process.env.SIGMA))
  const all = { a: [] as Sample[], b: [] as Sample[], c: [] as Sample[] }
  for (let r = 0; r < REPEATS; r++) {
    const world = new World()
    const looks = world.looks()
    const offset = r * 7
    const a = await workloadA(world, looks, offset)
    const b = await workloadB(world, looks, offset)
    const c = await workloadC(world, looks, offset)
    all.a.push(...a)
    all.b.push(...b)
    all.c.push(...c)
    if (REPEATS > 1 && !process.env.MODEL_POOLED)
      console.log(`-- repeat ${r + 1} (looks shifted by ${offset})`)
    else if (REPEATS > 1) continue
    report(a, b, c)
  }
  if (REPEATS > 1) {
    console.log(`-- all ${REPEATS} repeats together`)
    report(all.a, all.b, all.c)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
