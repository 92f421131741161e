import type { IRenderTask } from '@looker/sdk/lib/4.0/models'
import { renderProgress, toRenderTask } from '../../src/api/renderTasks'
import { quantile } from '../../src/lib/pollPlan'
import { fixedIntervalPolicy, type PollingPolicy } from '../../src/lib/pollingPolicy'
import { PACING, TaskPacer } from '../../src/lib/taskPacing'
import { TaskHistory } from '../../src/lib/taskHistory'
import { ManualClock } from '../../src/looker-sim/core/clock'
import { DEFAULT_SEED } from '../../src/looker-sim/core/constants'
import { createLookerSim, type LookerSim } from '../../src/looker-sim/core/sim'
import { rendersEveryTime } from '../../src/looker-sim/core/tasks/failures'
import type { Variant } from './renderPage'
import { groupB, inTurn, lookA, lookC, SIZES_C, workA, WORKLOAD_DEFAULTS } from './renderWorkloads'
import { percentile } from './stats'

/**
 * bench:render's three workloads replayed in virtual time (npm run bench:pacing-model): the simulator
 * itself on a ManualClock (default pools, the same seed and looks), THE pacing (one history per tab) and
 * the fixed 0.5 s loop. No browser: a status request takes a round trip, a finished render some more
 * time to be on screen (NETWORK, from what bench:render measured on a quiet machine). Deterministic, and
 * seconds instead of ten minutes; bench:render stays the measure.
 */

/**
 * A status request's round trip, the time from its answer to the image on screen (the results' download
 * and paint), and how far apart tabs started together click. bench:render on 2026-11-30 measured ≈ 50 ms
 * from a poll's answer to paint with one tab, ≈ 90 ms with six (and its fixed loop made 11.8 requests per
 * render instead of 12.8: 0.5 s plus ≈ 40 ms per cycle).
 */
export const NETWORK = {
  alone: { rttMs: 15, paintMs: 40, staggerMs: 0 },
  sixTabs: { rttMs: 16, paintMs: 65, staggerMs: 50 },
} as const
type Network = (typeof NETWORK)[keyof typeof NETWORK]

export interface ReplaySample {
  variant: Variant
  /** 1 for a look's first render in a workload, 2 for its second, … */
  nth: number
  /** From the task's end to the image on screen (virtual ms). */
  lateMs: number
  requests: number
}

export interface ReplayOptions {
  /** Overrides of the pacing's knobs, for tuning. */
  pacing?: Partial<Record<keyof typeof PACING, number>>
  /** Each paced render's looks, statuses and forecasts, as a line. */
  trace?: (line: string) => void
}

/** A browser tab: its own history, as a page keeps it. */
interface Tab {
  variant: Variant
  history: TaskHistory
}

interface Run {
  tab: Tab
  taskId: string
  policy: PollingPolicy
  startedAt: number
  at: number
  requests: number
  trace: string[]
  sample?: ReplaySample
}

const newTab = (variant: Variant): Tab => ({ variant, history: new TaskHistory() })

class World {
  readonly clock = new ManualClock()
  readonly sim: LookerSim
  net: Network = NETWORK.alone
  private readonly token: string

  constructor(private readonly options: ReplayOptions) {
    this.sim = createLookerSim({ clock: this.clock, seed: DEFAULT_SEED, tokenTtlSeconds: 10 ** 7 })
    this.token = this.sim.issueToken('1')
  }

  /** Looks that render on every try, as bench:render picks them. */
  looks(): string[] {
    const { store } = this.sim
    return store.data.looks.filter((l) => rendersEveryTime(store.seed, l)).map((l) => l.id)
  }

  private async call(method: string, path: string): Promise<IRenderTask> {
    const res = await this.sim.handle(
      new Request(`http://looker.test/api/4.0${path}`, {
        method,
        headers: { Authorization: `Bearer ${this.token}` },
      }),
    )
    if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status}`)
    return (await res.json()) as IRenderTask
  }

  private policyFor(tab: Tab): PollingPolicy {
    if (tab.variant === 'fixed') return fixedIntervalPolicy(500)
    return new TaskPacer(tab.history, { ...PACING, ...this.options.pacing })
  }

  /** Starts renders together (one per tab) and follows each with its tab's policy until all are done. */
  async render(jobs: { tab: Tab; lookId: string; size: [number, number] }[]): Promise<ReplaySample[]> {
    const runs: Run[] = []
    for (const [j, { tab, lookId, size }] of jobs.entries()) {
      // Tabs started together still click a little apart.
      if (j > 0) this.clock.advance(this.net.staggerMs)
      const path = `/render_tasks/looks/${lookId}/png?width=${size[0]}&height=${size[1]}`
      const task = await this.call('POST', path)
      const policy = this.policyFor(tab)
      const startedAt = this.clock.now() + this.net.rttMs
      // The app hands the pacing what the creation answered (useRenderRun → renderTaskQueries.progress).
      policy.observe?.(renderProgress(toRenderTask(task)), startedAt)
      const at = startedAt + (policy.firstDelay?.() ?? 0)
      runs.push({ tab, taskId: String(task.id), policy, startedAt, at, requests: 0, trace: [] })
    }
    for (;;) {
      const next = runs.filter((r) => !r.sample).sort((a, b) => a.at - b.at)[0]
      if (!next) break
      await this.look(next)
    }
    const end = Math.max(...runs.map((r) => r.at))
    if (end > this.clock.now()) this.clock.set(end)
    return runs.map((r) => r.sample!)
  }

  /** One status request: it reaches the server half a round trip after it leaves. */
  private async look(run: Run) {
    this.clock.set(run.at + this.net.rttMs / 2)
    const task = toRenderTask(await this.call('GET', `/render_tasks/${run.taskId}`))
    run.requests++
    const now = run.at + this.net.rttMs
    run.policy.observe?.(renderProgress(task), now, run.at)
    const traced = this.options.trace && run.policy instanceof TaskPacer ? run.trace : null
    const q = task.query_runtime != null ? `(q${Math.round(task.query_runtime * 1000)})` : ''
    traced?.push(`${Math.round(now - run.startedAt)}:${task.status}${q}`)
    if (task.status === 'success' || task.status === 'failure') {
      const ms = (s: number | null | undefined) => Math.round((s ?? 0) * 1000)
      if (traced)
        this.options.trace?.(
          `runtime ${ms(task.runtime)} (query ${ms(task.query_runtime)}, render ${ms(task.render_runtime)}) | ${traced.join(' ')}`,
        )
      const finalizedAt = Date.parse(task.finalized_at ?? '')
      run.sample = {
        variant: run.tab.variant,
        nth: 1,
        lateMs: now + this.net.paintMs - finalizedAt,
        requests: run.requests,
      }
      return
    }
    const delay = run.policy.nextDelay({ sinceMs: now - run.startedAt, retryAfterMs: null, nowMs: now })
    if (traced && run.policy instanceof TaskPacer) {
      const ends = [...run.policy.lastForecast].sort((x, y) => x.at - y.at)
      const total = ends.reduce((sum, e) => sum + e.weight, 0)
      const quartiles = [0.25, 0.5, 0.75].map((s) => Math.round(quantile(ends, total, s) - run.startedAt))
      traced.push(`[end ${quartiles.join('/')}]`)
    }
    run.at = now + delay
  }
}

/** (a) 24 renders one at a time, work fixed at 1–20 s, different looks, one tab per variant. */
async function workloadA(world: World, looks: string[], offset: number): Promise<ReplaySample[]> {
  const tabs = { paced: newTab('paced'), fixed: newTab('fixed') }
  const samples: ReplaySample[] = []
  for (let i = 0; i < WORKLOAD_DEFAULTS.rendersA; i++) {
    const work = workA(i, WORKLOAD_DEFAULTS.rendersA)
    const lookId = lookA(looks, i, offset)
    for (const variant of inTurn(i)) {
      world.sim.tasks.clear()
      world.sim.tasks.settings.renderDurationMs = { min: work, max: work }
      samples.push(...(await world.render([{ tab: tabs[variant], lookId, size: [800, 600] }])))
      world.clock.advance(2_000)
    }
  }
  world.sim.tasks.settings.renderDurationMs = null
  return samples
}

/** (b) 6 renders started together in 6 fresh tabs, 6 rounds. */
async function workloadB(world: World, looks: string[], offset: number): Promise<ReplaySample[]> {
  const samples: ReplaySample[] = []
  world.net = NETWORK.sixTabs
  for (let round = 0; round < WORKLOAD_DEFAULTS.roundsB; round++) {
    const group = groupB(looks, round, offset)
    for (const variant of inTurn(round)) {
      world.sim.tasks.clear()
      const size: [number, number] = [800, 600]
      samples.push(...(await world.render(group.map((lookId) => ({ tab: newTab(variant), lookId, size })))))
      world.clock.advance(2_000)
    }
  }
  world.net = NETWORK.alone
  return samples
}

/** (c) 6 looks, each rendered 3 times in a row at 800×600, 1200×900 and 1600×1200. */
async function workloadC(world: World, looks: string[], offset: number): Promise<ReplaySample[]> {
  const tabs = { paced: newTab('paced'), fixed: newTab('fixed') }
  const samples: ReplaySample[] = []
  for (let k = 0; k < WORKLOAD_DEFAULTS.looksC; k++) {
    const lookId = lookC(looks, k, offset)
    for (const variant of inTurn(k)) {
      world.sim.tasks.clear()
      for (const [n, size] of SIZES_C.entries()) {
        const [s] = await world.render([{ tab: tabs[variant], lookId, size }])
        samples.push({ ...s, nth: n + 1 })
        world.clock.advance(1_500)
      }
    }
  }
  return samples
}

export interface ReplayResult {
  a: ReplaySample[]
  b: ReplaySample[]
  c: ReplaySample[]
}

/**
 * The three workloads on a fresh simulator. `repeat` 0 uses bench:render's looks; each further repeat
 * shifts them by 7, for other looks and durations.
 */
export async function replayWorkloads(repeat = 0, options: ReplayOptions = {}): Promise<ReplayResult> {
  const world = new World(options)
  const looks = world.looks()
  const offset = repeat * 7
  const a = await workloadA(world, looks, offset)
  const b = await workloadB(world, looks, offset)
  const c = await workloadC(world, looks, offset)
  return { a, b, c }
}

export interface VariantFigures {
  p50: number
  p95: number
  requestsPerRender: number
}

export function figures(samples: ReplaySample[], variant: Variant): VariantFigures {
  const mine = samples.filter((s) => s.variant === variant)
  const late = mine.map((s) => s.lateMs)
  return {
    p50: percentile(late, 50),
    p95: percentile(late, 95),
    requestsPerRender: mine.reduce((sum, s) => sum + s.requests, 0) / Math.max(1, mine.length),
  }
}

/** Each workload's rows, as bench:render names them. */
export function workloadRows(result: ReplayResult): [string, ReplaySample[]][] {
  return [
    ['(a) one at a time, 1–20 s', result.a],
    ['(b) 6 started together', result.b],
    ['(c) same look ×3, all', result.c],
    ['(c) same look ×3, 2nd and 3rd', result.c.filter((s) => s.nth > 1)],
  ]
}
