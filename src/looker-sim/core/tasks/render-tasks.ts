import type { Clock } from '../clock'
import { iso } from '../constants'
import { notFound } from '../errors'
import type { LookRecord, QueryRecord } from '../types'
import type { Viewer } from '../viewer'
import { plannedFailure, type PlannedFailure } from './failures'
import type { TaskSettings } from './settings'
import { planRenderTimeline, runtimesAt, statusAt, type RenderTimeline } from './timeline'
import type { DashboardOptions, DashboardFormat, ImageFormat } from './validate'

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
  timeline: RenderTimeline
  failure: PlannedFailure | null
  produce: () => Promise<RenderOutput>
  output: Promise<RenderOutput> | null
}

/** The RenderTask wire shape (spec `RenderTask`). */
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
  pdf_paper_size: string | null
  pdf_landscape: boolean | null
  result_format: string
  width: number
  height: number
  user_id: string
  can: Record<string, boolean>
}

const PHASE_DETAIL: Record<string, string> = {
  enqueued_for_query: 'Waiting for a query slot',
  querying: 'Running the query',
  enqueued_for_render: 'Waiting for a renderer',
  rendering: 'Drawing the visualization',
}

export type RenderResults =
  { status: 202; retryAfterSeconds: number } | { status: 200; output: Promise<RenderOutput> }

export interface NewRenderTask {
  viewer: Viewer
  format: ImageFormat | DashboardFormat
  width: number
  height: number
  produce: () => Promise<RenderOutput>
}

/**
 * Render tasks on the simulator clock. Status is computed from each task's timeline when asked, so no
 * timers run: a ManualClock in tests moves tasks along, the system clock does in the browser.
 */
export class RenderTaskStore {
  private tasks = new Map<string, RenderTaskRecord>()
  private attemptsByLook = new Map<string, number>()
  private nextId = 1

  constructor(
    private readonly clock: Clock,
    private readonly seed: number,
    private readonly settings: TaskSettings,
    /** Draws outputs off the request path when given (the browser passes setTimeout). */
    private readonly defer: ((work: () => void) => void) | null = null,
  ) {}

  createForLook(task: NewRenderTask, look: LookRecord): ApiRenderTask {
    const attempt = (this.attemptsByLook.get(look.id) ?? 0) + 1
    this.attemptsByLook.set(look.id, attempt)
    return this.add(
      task,
      { lookId: look.id, queryId: look.query_id },
      plannedFailure(this.seed, look, attempt),
    )
  }

  createForQuery(task: NewRenderTask, query: QueryRecord, failure: PlannedFailure | null): ApiRenderTask {
    return this.add(task, { queryId: query.id }, failure)
  }

  createForDashboard(
    task: NewRenderTask,
    dashboard: { id: string },
    options: DashboardOptions,
  ): ApiRenderTask {
    return this.add(task, { dashboardId: dashboard.id, dashboard: options }, null)
  }

  /** render_task: the task as its owner sees it now; 404 for unknown, forgotten or someone else's task. */
  get(viewer: Viewer, id: string): { task: ApiRenderTask; retryAfterSeconds: number | null } {
    const record = this.find(viewer, id)
    const now = this.clock.now()
    const remaining = record.timeline.finalizedAt - now
    const hint = this.settings.statusRetryHints && remaining >= 1_000 ? Math.floor(remaining / 1000) : null
    return { task: this.serialize(record, now), retryAfterSeconds: hint }
  }

  /** render_task_results: 202 + Retry-After while running, 200 with the bytes, 404 when failed or expired. */
  results(viewer: Viewer, id: string): RenderResults {
    const record = this.find(viewer, id)
    const now = this.clock.now()
    const status = statusAt(record.timeline, now)
    if (status === 'failure') throw notFound()
    if (status !== 'success') {
      return {
        status: 202,
        retryAfterSeconds: Math.max(1, Math.ceil((record.timeline.finalizedAt - now) / 1000)),
      }
    }
    if (now - record.timeline.finalizedAt > this.settings.resultTtlMs) {
      record.output = null
      throw notFound()
    }
    record.output ??= record.produce()
    return { status: 200, output: record.output }
  }

  /** Forget everything (a demo reset). */
  clear(): void {
    this.tasks.clear()
    this.attemptsByLook.clear()
  }

  private add(
    task: NewRenderTask,
    target: { lookId?: string; queryId?: string; dashboardId?: string; dashboard?: DashboardOptions },
    failure: PlannedFailure | null,
  ): ApiRenderTask {
    const id = String(this.nextId++)
    const now = this.clock.now()
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
      timeline: planRenderTimeline(
        this.seed,
        id,
        now,
        this.settings.renderDurationMs,
        failure?.phase ?? null,
      ),
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
    return this.serialize(record, now)
  }

  private find(viewer: Viewer, id: string): RenderTaskRecord {
    const record = this.tasks.get(id)
    // Another user's task is as invisible as a missing one.
    if (!record || (record.userId !== viewer.user.id && !viewer.isAdmin)) throw notFound()
    return record
  }

  /** Tasks are forgotten twice the TTL after they end, and the oldest go first beyond maxTasks. */
  private evict(now: number): void {
    for (const [id, record] of this.tasks) {
      const gone = now - record.timeline.finalizedAt > 2 * this.settings.resultTtlMs
      if (gone || this.tasks.size > this.settings.maxTasks) this.tasks.delete(id)
      else if (now - record.timeline.finalizedAt > this.settings.resultTtlMs) record.output = null
    }
  }

  private serialize(record: RenderTaskRecord, now: number): ApiRenderTask {
    const status = statusAt(record.timeline, now)
    const done = status === 'success' || status === 'failure'
    const detail = status === 'failure' ? (record.failure?.detail ?? null) : (PHASE_DETAIL[status] ?? null)
    return {
      id: record.id,
      created_at: iso(record.timeline.createdAt),
      finalized_at: done ? iso(record.timeline.finalizedAt) : null,
      status,
      status_detail: detail,
      ...runtimesAt(record.timeline, now),
      look_id: record.lookId,
      query_id: record.queryId,
      dashboard_id: record.dashboardId,
      // A LookML dashboard is rendered by its "model::name" id, which both fields then carry.
      lookml_dashboard_id: record.dashboardId?.includes('::') ? record.dashboardId : null,
      dashboard_element_id: null,
      dashboard_style: record.dashboard?.style ?? null,
      dashboard_filters: record.dashboard?.filters ?? null,
      pdf_paper_size: record.dashboard && record.format === 'pdf' ? record.dashboard.paperSize : null,
      pdf_landscape: record.dashboard && record.format === 'pdf' ? record.dashboard.landscape : null,
      result_format: record.format,
      width: record.width,
      height: record.height,
      user_id: record.userId,
      can: {},
    }
  }
}
