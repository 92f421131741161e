import { canSeeLook } from '../can'
import { canSeeDashboard } from '../can'
import { notFound } from '../errors'
import { hasPermission } from '../roles'
import type { SimStore } from '../store'
import type { DashboardFilterRecord, DashboardRecord, LookmlDashboardRecord, QueryRecord } from '../types'
import type { Viewer } from '../viewer'

/** User-defined dashboards (tiles are looks) and LookML dashboards (tiles are queries), behind one view. */
export type AnyDashboard =
  { kind: 'user'; record: DashboardRecord } | { kind: 'lookml'; record: LookmlDashboardRecord }

/** A dashboard element of either kind. */
export interface Tile {
  id: string
  dashboardId: string
  lookId: string | null
  /** The query of a LookML tile; look tiles use their look's query. */
  queryId: string | null
  /** The element's own title (null: the look's title shows). */
  title: string | null
  lookmlLinkId: string | null
  /** The dashboard is in the trash. */
  deleted: boolean
}

/** The folder LookML dashboards are listed in (Looker's "LookML Dashboards"); not part of the folder tree. */
export const LOOKML_FOLDER_ID = 'lookml'
export const LOOKML_FOLDER_NAME = 'LookML Dashboards'

export const isLookmlId = (id: string) => id.includes('::')

export function tilesOf(dashboard: AnyDashboard): Tile[] {
  if (dashboard.kind === 'lookml') {
    return dashboard.record.elements.map((e) => ({
      id: e.id,
      dashboardId: dashboard.record.id,
      lookId: null,
      queryId: e.query_id,
      title: e.title,
      lookmlLinkId: e.name,
      deleted: false,
    }))
  }
  const { record } = dashboard
  return record.elements.map((e) => ({
    id: e.id,
    dashboardId: record.id,
    lookId: e.look_id,
    queryId: null,
    title: e.title,
    lookmlLinkId: null,
    deleted: record.deleted,
  }))
}

export const filtersOf = (dashboard: AnyDashboard): DashboardFilterRecord[] => dashboard.record.filters

export function canSeeAny(viewer: Viewer, dashboard: AnyDashboard): boolean {
  return dashboard.kind === 'lookml'
    ? hasPermission(viewer.user, 'see_lookml_dashboards')
    : canSeeDashboard(viewer, dashboard.record)
}

/** A dashboard of either kind by id ("model::name" for LookML), or 404 when unknown or not visible. */
export function visibleDashboard(store: SimStore, viewer: Viewer, id: string): AnyDashboard {
  const lookml = isLookmlId(id) ? store.lookmlDashboard(id) : undefined
  const user = lookml ? undefined : store.dashboard(id)
  const found: AnyDashboard | undefined = lookml
    ? { kind: 'lookml', record: lookml }
    : user
      ? { kind: 'user', record: user }
      : undefined
  if (!found || !canSeeAny(viewer, found)) throw notFound()
  return found
}

export interface DrawableTile {
  title: string
  query: QueryRecord
}

/**
 * What a render or thumbnail of the dashboard shows to this caller: tiles whose look they may see (Looker
 * shows the others as "no access" tiles, which we leave out) and LookML tiles' queries.
 */
export function drawableTiles(store: SimStore, viewer: Viewer, dashboard: AnyDashboard): DrawableTile[] {
  return tilesOf(dashboard).flatMap((tile) => {
    if (tile.queryId !== null) {
      const query = store.query(tile.queryId)
      return query ? [{ title: tile.title ?? '', query }] : []
    }
    const look = tile.lookId === null ? undefined : store.look(tile.lookId)
    const query = look ? store.query(look.query_id) : undefined
    const visible = look && !look.deleted && canSeeLook(viewer, look)
    return look && query && visible ? [{ title: tile.title ?? look.title, query }] : []
  })
}
