import { systemClock, type Clock } from '../clock'
import { withDashboardFilters } from '../dashboards/filters'
import { drawableTiles, visibleDashboard } from '../dashboards/model'
import { notFound } from '../errors'
import type { SimStore } from '../store'
import type { Viewer } from '../viewer'
import { BROKEN_FIELD_DETAIL, queryError } from './failures'
import { drawDashboard, drawLook, drawQuery } from './produce'
import { QueryTaskStore, type CreateQueryTaskParams } from './query-tasks'
import { RenderTaskStore } from './render-tasks'
import { taskSettings, type TaskSettings } from './settings'
import type { DashboardFormat, DashboardOptions, ImageFormat } from './validate'

export { taskRoutes } from './routes'
export { parseDurationRange, parsePoolSize, taskSettings, type TaskSettings } from './settings'

export interface TaskServiceOptions extends Partial<TaskSettings> {
  /** Draw images right after a task is created, off the request (default: only on the system clock). */
  drawAhead?: boolean
}

/**
 * Render and query tasks of one simulated instance: the rules (who may render what, what fails, how
 * long it takes) live here and in the task stores; routes.ts only translates HTTP.
 */
export class TaskService {
  readonly settings: TaskSettings
  readonly renders: RenderTaskStore
  readonly queries: QueryTaskStore

  constructor(
    readonly store: SimStore,
    clock: Clock,
    options: TaskServiceOptions = {},
  ) {
    const { drawAhead, ...overrides } = options
    this.settings = taskSettings(overrides)
    const defer = (drawAhead ?? clock === systemClock) ? (work: () => void) => void setTimeout(work, 0) : null
    this.renders = new RenderTaskStore(clock, store.seed, this.settings, defer)
    this.queries = new QueryTaskStore(clock, store.seed, this.settings)
  }

  renderLook(viewer: Viewer, lookId: string, format: ImageFormat, width: number, height: number) {
    const look = this.store.visibleLook(viewer, lookId)
    if (look.deleted) throw notFound()
    const query = this.store.query(look.query_id)
    if (!query) throw notFound()
    const produce = () => drawLook(look.title, query, format, width, height, this.store.seed)
    return this.renders.createForLook({ viewer, format, width, height, produce }, look)
  }

  renderQuery(viewer: Viewer, queryId: string, format: ImageFormat, width: number, height: number) {
    const query = this.store.query(queryId)
    if (!query) throw notFound()
    const produce = () => drawQuery(query, format, width, height, this.store.seed)
    return this.renders.createForQuery(
      { viewer, format, width, height, produce },
      query,
      this.brokenQuery(query.id) ? { phase: 'querying', detail: BROKEN_FIELD_DETAIL } : null,
    )
  }

  renderDashboard(
    viewer: Viewer,
    dashboardId: string,
    format: DashboardFormat,
    width: number,
    height: number,
    options: DashboardOptions,
  ) {
    // Either kind: a LookML dashboard is rendered by its "model::name" id (API 4.0 has no separate call).
    const dashboard = visibleDashboard(this.store, viewer, dashboardId)
    const tiles = withDashboardFilters(
      drawableTiles(this.store, viewer, dashboard),
      dashboard.record.filters,
      options.filters,
    )
    const produce = () =>
      drawDashboard(dashboard.record.title, tiles, format, width, height, options, this.store.seed)
    const queryIds = tiles.map((t) => t.query.id)
    return this.renders.createForDashboard(
      { viewer, format, width, height, produce },
      dashboard.record,
      options,
      queryIds,
    )
  }

  queryTask(
    viewer: Viewer,
    parsed: ReturnType<typeof QueryTaskStore.parseBody>,
    params: CreateQueryTaskParams,
  ) {
    const query = this.store.query(parsed.queryId)
    if (!query) throw notFound()
    if (parsed.lookId !== null) this.store.visibleLook(viewer, parsed.lookId)
    return this.queries.create(viewer, query, parsed, params, this.brokenQuery(query.id))
  }

  clear(): void {
    this.renders.clear()
    this.queries.clear()
  }

  /** A query saved by a "legacy" look references a removed field: running it is a SQL error. */
  private brokenQuery(queryId: string): string | null {
    return queryError(this.store.data.looks, queryId)
  }
}
