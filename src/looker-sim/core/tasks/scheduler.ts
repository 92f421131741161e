import type { RenderWork } from './model'

export type RenderStatus =
  'enqueued_for_query' | 'querying' | 'enqueued_for_render' | 'rendering' | 'success' | 'failure'

/** One render job on its way through Looker's two pools; times are on the simulator clock (ms). */
export interface RenderJob {
  readonly id: string
  readonly createdAt: number
  readonly work: RenderWork
  /** Set when the job fails: it stops in this phase (at the query's end, or two thirds into the render). */
  readonly failsIn: 'querying' | 'rendering' | null
  /** Arrival order, the tie-break for jobs ready at the same moment. */
  readonly seq: number
  status: RenderStatus
  queryStartsAt: number | null
  queryEndsAt: number | null
  renderStartsAt: number | null
  finalizedAt: number | null
}

interface Pool {
  /** Jobs waiting (or being picked up): they may start once `readyAt` has come and a slot is free. */
  waiting: { job: RenderJob; readyAt: number }[]
  running: Map<RenderJob, number>
}

export interface SchedulerHooks {
  /** The pool sizes, read at every step: a changed setting applies from then on. */
  capacity(): { query: number; render: number }
  /** A query finished (and is now in Looker's cache). */
  onQueryDone?(job: RenderJob, at: number): void
}

/**
 * Looker's render pipeline as a lazy discrete-event simulation: a query pool (render caching jobs) and a
 * render pool, each first come, first served. No timers run: `advance(now)` replays every start and end
 * up to `now`, so a ManualClock in tests and the system clock in the browser both just work.
 */
export class RenderScheduler {
  private readonly queryPool: Pool = { waiting: [], running: new Map() }
  private readonly renderPool: Pool = { waiting: [], running: new Map() }
  private cursor = -Infinity
  private seq = 0

  constructor(private readonly hooks: SchedulerHooks) {}

  /** A new job, created at `now` (call `advance(now)` first). */
  add(id: string, createdAt: number, work: RenderWork, failsIn: RenderJob['failsIn']): RenderJob {
    const job: RenderJob = {
      id,
      createdAt,
      work,
      failsIn,
      seq: this.seq++,
      status: 'enqueued_for_query',
      queryStartsAt: null,
      queryEndsAt: null,
      renderStartsAt: null,
      finalizedAt: null,
    }
    this.queryPool.waiting.push({ job, readyAt: createdAt + work.pickupQueryMs })
    this.advance(createdAt)
    return job
  }

  /** Replays everything that happens up to `now`. */
  advance(now: number): void {
    if (now < this.cursor) return
    let t = Math.max(this.cursor, -Infinity)
    for (;;) {
      const capacity = this.hooks.capacity()
      this.fill(this.queryPool, capacity.query, t, 'querying')
      this.fill(this.renderPool, capacity.render, t, 'rendering')
      const next = this.nextEventAfter(t)
      if (next === null || next > now) break
      t = next
      this.finishAt(t)
    }
    this.cursor = now
  }

  /** Jobs not yet finished (for tests and the request log). */
  activeCount(): { querying: number; rendering: number; waiting: number } {
    return {
      querying: this.queryPool.running.size,
      rendering: this.renderPool.running.size,
      waiting: this.queryPool.waiting.length + this.renderPool.waiting.length,
    }
  }

  clear(): void {
    for (const pool of [this.queryPool, this.renderPool]) {
      pool.waiting.length = 0
      pool.running.clear()
    }
    this.cursor = -Infinity
  }

  /** Starts waiting jobs that are ready by `t`, oldest first, while the pool has room. */
  private fill(pool: Pool, capacity: number, t: number, status: 'querying' | 'rendering'): void {
    for (;;) {
      if (pool.running.size >= capacity) return
      let best = -1
      pool.waiting.forEach((entry, index) => {
        if (entry.readyAt > t) return
        const current = pool.waiting[best]
        if (
          !current ||
          entry.readyAt < current.readyAt ||
          (entry.readyAt === current.readyAt && entry.job.seq < current.job.seq)
        )
          best = index
      })
      if (best < 0) return
      const [entry] = pool.waiting.splice(best, 1)
      if (!entry) return
      const { job } = entry
      job.status = status
      if (status === 'querying') {
        job.queryStartsAt = t
        pool.running.set(job, t + job.work.queryMs)
      } else {
        job.renderStartsAt = t
        const length = job.failsIn === 'rendering' ? Math.round(job.work.renderMs * 0.66) : job.work.renderMs
        pool.running.set(job, t + length)
      }
    }
  }

  /** The earliest end of a running job, or readiness of a waiting one, not before `t`. */
  private nextEventAfter(t: number): number | null {
    let next: number | null = null
    const consider = (at: number) => {
      if (next === null || at < next) next = at
    }
    for (const pool of [this.queryPool, this.renderPool]) {
      for (const end of pool.running.values()) consider(end)
      for (const { readyAt } of pool.waiting) if (readyAt > t) consider(readyAt)
    }
    return next
  }

  /** Ends every running job due at `t`: queries move on to the render queue, renders are final. */
  private finishAt(t: number): void {
    const due = (pool: Pool) =>
      [...pool.running.entries()]
        .filter(([, end]) => end <= t)
        .sort((a, b) => a[1] - b[1] || a[0].seq - b[0].seq)
    for (const [job, end] of due(this.queryPool)) {
      this.queryPool.running.delete(job)
      job.queryEndsAt = end
      if (job.failsIn === 'querying') {
        job.status = 'failure'
        job.finalizedAt = end
        continue
      }
      this.hooks.onQueryDone?.(job, end)
      job.status = 'enqueued_for_render'
      this.renderPool.waiting.push({ job, readyAt: end + job.work.pickupRenderMs })
    }
    for (const [job, end] of due(this.renderPool)) {
      this.renderPool.running.delete(job)
      job.status = job.failsIn === 'rendering' ? 'failure' : 'success'
      job.finalizedAt = end
    }
  }
}
