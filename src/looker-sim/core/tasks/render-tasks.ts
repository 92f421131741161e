import type { Clock } from '../clock'
import { iso } from '../constants'
import { notFound } from '../errors'
import type { LookRecord, QueryRecord } from '../types'
import type { Viewer } from '../viewer'
import { plannedFailure, type PlannedFailure } from './failures'
import { planRenderWork, type RenderWorkInput } from './model'
import { RenderScheduler, type RenderJob } from './scheduler'
import type { TaskSettings } from './settings'
import type { DashboardOptions, DashboardFormat, ImageFormat } from './validate'

export type { RenderStatus } from './scheduler'

/** What a task draws once it succeeds. Produced lazily (or right after creation) and kept until expiry. */
export interface RenderOutput {
  bytes: Uint8Array
  contentType: 'image/png' | 'image/jpeg' | 'application/pdf'
}

interface RenderTaskRecord {
  id: string
  userId: string
  lookId: string | null
  queryId: string | null
  dashboardId: string | null
  format: ImageFormat | DashboardFormat
  width: number
  height: number
  dashboard: DashboardOptions | null
  job: RenderJob
  failure: PlannedFailure | null
  produce: () => Promise<RenderOutput>
  output: Promise<RenderOutput> | null
}

/** The RenderTask wire shape: exactly the spec's `RenderTask` fields. */
export interface ApiRenderTask {
  id: string
  created_at: string
  finalized_at: string | null
  status: string
  status_detail: string | null
  query_runtime: number | null
  render_runtime: number | null
  runtime: number | null
  look_id: string | null
  query_id: string | null
  dashboard_id: string | null
  lookml_dashboard_id: string | null
  dashboard_element_id: null
  dashboard_style: string | null
  dashboard_filters: string | null
  result_format: string
  width: number
  height: number
  user_id: string
  can: Record<string, boolean>
}

/**
 * Looker documents a Retry-After on the results 202 but not its value. A constant: the header must not
 * tell a client more than Looker would (such as the time left).
 */
export const RESULTS_RETRY_AFTER_SECONDS = 1

export type RenderResults =
  { status: 202; retryAfterSeconds: number } | { status: 200; output: Promise<RenderOutput> }

export interface NewRenderTask {
  viewer: Viewer
  format: ImageFormat | DashboardFormat
  width: number
  height: number
  produce: () => Promise<RenderOutput>
}

const seconds = (ms: number) => Math.round(ms) / 1000

/**
 * Render tasks on the simulator clock, paced by Looker's two pools (scheduler.ts) with durations from the
 * seeded model (model.ts). Status is worked out when asked, so no timers run.
 */
export class RenderTaskStore {
  private tasks = new Map<string, RenderTaskRecord>()
  /** Renders per target in the session (a look's failures and each run's noise depend on it). */
  private attempts = new Map<string, number>()
  /** When each query last finished (Looker's query cache). */
  private queryRuns = new Map<string, number>()
  /** The queries each task runs (a dashboard runs its tiles'). */
  private queryIdsByTask = new Map<string, string[]>()
  private readonly scheduler: RenderScheduler
  private nextId = 1

  constructor(
    private readonly clock: Clock,
    private readonly seed: number,
    private readonly settings: TaskSettings,
    /** Draws outputs off the request path when given (the browser passes setTimeout). */
    private readonly defer: ((work: () => void) => void) | null = null,
  ) {
    this.scheduler = new RenderScheduler({
      capacity: () => ({ query: this.settings.queryPool, render: this.settings.renderPool }),
      onQueryDone: (job, at) => {
        for (const queryId of this.queryIdsByTask.get(job.id) ?? []) this.queryRuns.set(queryId, at)
      },
    })
  }

  createForLook(task: NewRenderTask, look: LookRecord): ApiRenderTask {
    const failure = plannedFailure(this.seed, look, this.nextAttempt(`look:${look.id}`))
    return this.add(task, { lookId: look.id, queryId: look.query_id }, [look.query_id], failure)
  }

  createForQuery(task: NewRenderTask, query: QueryRecord, failure: PlannedFailure | null): ApiRenderTask {
    return this.add(task, { queryId: query.id }, [query.id], failure)
  }

  createForDashboard(
    task: NewRenderTask,
    dashboard: { id: string },
    options: DashboardOptions,
    tileQueryIds: string[],
  ): ApiRenderTask {
    return this.add(task, { dashboardId: dashboard.id, dashboard: options }, tileQueryIds, null)
  }

  /** render_task: the task as its owner sees it now; 404 for unknown, forgotten or someone else's task. */
  get(viewer: Viewer, id: string): ApiRenderTask {
    const record = this.find(viewer, id)
    return this.serialize(record)
  }

  /** render_task_results: 202 until done, 200 with the bytes, 404 when failed or expired. */
  results(viewer: Viewer, id: string): RenderResults {
    const record = this.find(viewer, id)
    const { status, finalizedAt } = record.job
    if (status === 'failure') throw notFound()
    if (status !== 'success' || finalizedAt === null)
      return { status: 202, retryAfterSeconds: RESULTS_RETRY_AFTER_SECONDS }
    if (this.clock.now() - finalizedAt > this.settings.resultTtlMs) {
      record.output = null
      throw notFound()
    }
    record.output ??= record.produce()
    return { status: 200, output: record.output }
  }

  /** Tasks currently querying, rendering and waiting (for tests). */
  activity() {
    this.scheduler.advance(this.clock.now())
    return this.scheduler.activeCount()
  }

  /** Forget everything (a demo reset): tasks, attempts, the query cache and the pools. */
  clear(): void {
    this.tasks.clear()
    this.attempts.clear()
    this.queryRuns.clear()
    this.queryIdsByTask.clear()
    this.scheduler.clear()
  }

  private nextAttempt(key: string): number {
    const attempt = (this.attempts.get(key) ?? 0) + 1
    this.attempts.set(key, attempt)
    return attempt
  }

  private add(
    task: NewRenderTask,
    target: { lookId?: string; queryId?: string; dashboardId?: string; dashboard?: DashboardOptions },
    queryIds: string[],
    failure: PlannedFailure | null,
  ): ApiRenderTask {
    const id = String(this.nextId++)
    const now = this.clock.now()
    this.scheduler.advance(now)
    const kind = target.dashboardId ? 'dashboard' : 'look'
    const targetId = target.dashboardId ?? target.queryId ?? ''
    const input: RenderWorkInput = {
      kind,
      targetId,
      queries: queryIds.map((queryId) => ({ queryId, cached: this.isCached(queryId, now) })),
      width: task.width,
      height: task.height,
      attempt: this.nextAttempt(`${kind}:${targetId}`),
    }
    const work = planRenderWork(this.seed, input, this.settings.renderDurationMs)
    this.queryIdsByTask.set(id, queryIds)
    const record: RenderTaskRecord = {
      id,
      userId: task.viewer.user.id,
      lookId: target.lookId ?? null,
      queryId: target.queryId ?? null,
      dashboardId: target.dashboardId ?? null,
      format: task.format,
      width: task.width,
      height: task.height,
      dashboard: target.dashboard ?? null,
      job: this.scheduler.add(id, now, work, failure?.phase ?? null),
      failure,
      produce: task.produce,
      output: null,
    }
    this.tasks.set(id, record)
    this.evict(now)
    // Draw now, off the request, so fetching the result after success costs no drawing time.
    if (!failure && this.defer) {
      this.defer(() => {
        if (this.tasks.get(id) !== record || record.output) return
        const output = record.produce()
        record.output = output
        // A drawing that fails is retried when the result is asked for (and answered as a 500 there).
        output.catch(() => {
          if (record.output === output) record.output = null
        })
      })
    }
    return this.serialize(record)
  }

  private isCached(queryId: string, now: number): boolean {
    const ranAt = this.queryRuns.get(queryId)
    return ranAt !== undefined && now - ranAt < this.settings.queryCacheMs
  }

  private find(viewer: Viewer, id: string): RenderTaskRecord {
    this.scheduler.advance(this.clock.now())
    const record = this.tasks.get(id)
    // Another user's task is as invisible as a missing one.
    if (!record || (record.userId !== viewer.user.id && !viewer.isAdmin)) throw notFound()
    return record
  }

  /** Finished tasks are forgotten twice the TTL after they end, and the oldest go first beyond maxTasks. */
  private evict(now: number): void {
    let finished = [...this.tasks.values()].filter((r) => r.job.finalizedAt !== null).length
    for (const [id, record] of this.tasks) {
      const finalizedAt = record.job.finalizedAt
      if (finalizedAt === null) continue
      const gone = now - finalizedAt > 2 * this.settings.resultTtlMs
      if (gone || finished > this.settings.maxTasks) {
        this.tasks.delete(id)
        this.queryIdsByTask.delete(id)
        finished--
      } else if (now - finalizedAt > this.settings.resultTtlMs) record.output = null
    }
  }

  private serialize(record: RenderTaskRecord): ApiRenderTask {
    const { job } = record
    const { queryStartsAt, queryEndsAt, renderStartsAt, finalizedAt } = job
    const queryDone = queryStartsAt !== null && queryEndsAt !== null && job.failsIn !== 'querying'
    return {
      id: record.id,
      created_at: iso(job.createdAt),
      finalized_at: finalizedAt !== null ? iso(finalizedAt) : null,
      status: job.status,
      // Looker fills status_detail with the reason a task failed; nothing is known of it in progress.
      status_detail: job.status === 'failure' ? (record.failure?.detail ?? null) : null,
      query_runtime: queryDone ? seconds(queryEndsAt - queryStartsAt) : null,
      render_runtime:
        finalizedAt !== null && renderStartsAt !== null ? seconds(finalizedAt - renderStartsAt) : null,
      runtime: finalizedAt !== null ? seconds(finalizedAt - job.createdAt) : null,
      look_id: record.lookId,
      query_id: record.queryId,
      dashboard_id: record.dashboardId,
      // A LookML dashboard is rendered by its "model::name" id, which both fields then carry.
      lookml_dashboard_id: record.dashboardId?.includes('::') ? record.dashboardId : null,
      dashboard_element_id: null,
      dashboard_style: record.dashboard?.style ?? null,
      dashboard_filters: record.dashboard?.filters ?? null,
      result_format: record.format,
      width: record.width,
      height: record.height,
      user_id: record.userId,
      can: {},
    }
  }
}
