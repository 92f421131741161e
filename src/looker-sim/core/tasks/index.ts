import { canView } from '../access'
import { systemClock, type Clock } from '../clock'
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
export { parseDurationRange, taskSettings, type TaskSettings } from './settings'

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
    const dashboard = this.store.dashboard(dashboardId)
    if (!dashboard || !canView(viewer.access.get(dashboard.folder_id))) throw notFound()
    // Tiles are the looks this viewer may see (Looker shows others as "no access" tiles).
    const tiles = dashboard.elements.flatMap((element) => {
      const look = this.store.look(element.look_id)
      const query = look ? this.store.query(look.query_id) : undefined
      const visible = look && !look.deleted && canView(viewer.access.get(look.folder_id))
      return look && query && visible ? [{ title: element.title ?? look.title, query }] : []
    })
    const produce = () =>
      drawDashboard(dashboard.title, tiles, format, width, height, options, this.store.seed)
    return this.renders.createForDashboard({ viewer, format, width, height, produce }, dashboard, options)
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
