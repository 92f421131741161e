import { canSeeDashboard } from '../can'
import { parseBoolean, type SearchFields } from '../search/criteria'
import type { PagingInput } from '../search/paging'
import { numericId, runSearch, type SearchResult } from '../search/run'
import type { SortGetters } from '../search/sort'
import type { SimStore } from '../store'
import type { DashboardRecord, LookmlDashboardRecord } from '../types'
import type { Viewer } from '../viewer'
import type { ApiDashboard, ApiDashboardElement } from './api-types'
import { canSeeAny, LOOKML_FOLDER_ID, tilesOf, type AnyDashboard, type Tile } from './model'
import { serializeDashboard, serializeElement } from './serialize'

type Ctx = { viewer: Viewer; store: SimStore }
/** Search parameters as they arrive (strings), by name. */
export type Params = Record<string, string | undefined>
const num = (id: string | null | undefined) => (id === null || id === undefined ? null : Number(id))
const slugOf = (d: DashboardRecord) => `dash${d.id.padStart(6, '0')}`

const DASHBOARD_FIELDS: SearchFields<DashboardRecord, Ctx> = {
  id: { kind: 'id', get: (d) => d.id },
  slug: { kind: 'string', get: slugOf },
  title: { kind: 'string', get: (d) => d.title },
  description: { kind: 'string', get: (d) => d.description },
  // Dashboards have no favourites in the simulator: "NOT NULL" finds none.
  content_favorite_id: { kind: 'id', get: () => null },
  folder_id: { kind: 'id', get: (d) => d.folder_id },
  user_id: { kind: 'id', get: (d) => d.user_id },
  view_count: { kind: 'number', get: (d) => d.view_count },
  content_metadata_id: { kind: 'id', get: (d) => d.content_metadata_id },
  last_viewed_at: { kind: 'string', get: (d) => d.last_viewed_at },
}

/** The sortable fields listed for search_dashboards in the spec. */
const DASHBOARD_SORTS: SortGetters<DashboardRecord, Ctx> = {
  title: (d) => d.title,
  user_id: (d) => num(d.user_id),
  id: (d) => num(d.id),
  created_at: (d) => d.created_at,
  space_id: (d) => num(d.folder_id),
  folder_id: (d) => num(d.folder_id),
  description: (d) => d.description,
  view_count: (d) => d.view_count,
  favorite_count: (d) => d.favorite_count,
  slug: slugOf,
  content_favorite_id: () => null,
  content_metadata_id: (d) => num(d.content_metadata_id),
  deleted: (d) => d.deleted,
  deleted_at: (d) => d.deleted_at,
  last_viewed_at: (d) => d.last_viewed_at,
  last_accessed_at: (d) => d.last_viewed_at,
  certification_status: () => null,
}

const flag = (name: string, value: string | undefined) =>
  value === undefined ? undefined : parseBoolean(name, value)

/**
 * search_dashboards: user-defined dashboards only. Like search_looks, `deleted` omitted means live ones
 * (the trash is the admins'); `curate` leaves out other users' personal folders; `not_owned_by` turns
 * `user_id` into "not owned by".
 */
export function searchDashboards(
  store: SimStore,
  viewer: Viewer,
  params: Params,
  paging: PagingInput = {},
): SearchResult<ApiDashboard> {
  const wantDeleted = flag('deleted', params.deleted) ?? false
  const curate = flag('curate', params.curate) ?? false
  const notOwnedBy = (flag('not_owned_by', params.not_owned_by) ?? false) && params.user_id !== undefined
  const excludedOwners = notOwnedBy ? new Set(params.user_id?.split(',').map((s) => s.trim())) : null
  const criteria = { ...params, user_id: notOwnedBy ? undefined : params.user_id }
  const { items, total } = runSearch(
    store.data.dashboards,
    {
      fields: DASHBOARD_FIELDS,
      sorts: DASHBOARD_SORTS,
      scope: (d, { viewer: v }) => {
        if (d.deleted !== wantDeleted || !canSeeDashboard(v, d)) return false
        if (excludedOwners?.has(d.user_id)) return false
        if (!curate) return true
        const owner = store.folder(d.folder_id)?.personal_owner_id ?? null
        return owner === null || owner === v.user.id
      },
      tieBreak: numericId,
    },
    { ...paging, filter_or: params.filter_or, sorts: params.sorts, criteria },
    { viewer, store },
  )
  return { items: items.map((d) => serializeDashboard(store, viewer, { kind: 'user', record: d })), total }
}

const LOOKML_FIELDS: SearchFields<LookmlDashboardRecord, Ctx> = {
  folder_id: { kind: 'id', get: () => LOOKML_FOLDER_ID },
  title: { kind: 'string', get: (d) => d.title },
  content_favorite_id: { kind: 'id', get: () => null },
}

const LOOKML_SORTS: SortGetters<LookmlDashboardRecord, Ctx> = {
  title: (d) => d.title,
  id: (d) => d.id,
  folder_id: () => LOOKML_FOLDER_ID,
  content_favorite_id: () => null,
  content_metadata_id: () => null,
  certification_status: () => null,
}

/**
 * search_lookml_dashboards: an array of LookML dashboards, although the spec's 200 schema is a single
 * DashboardLookml (its description says "an array of LookML Dashboard objects"; real instances send
 * Dashboard-shaped objects, sdk-codegen issue #1656). Sorted by title unless told otherwise.
 */
export function searchLookmlDashboards(
  store: SimStore,
  viewer: Viewer,
  params: Params,
  paging: PagingInput = {},
): SearchResult<ApiDashboard> {
  const { items, total } = runSearch(
    store.data.lookmlDashboards,
    {
      fields: LOOKML_FIELDS,
      sorts: LOOKML_SORTS,
      scope: (d, { viewer: v }) => canSeeAny(v, { kind: 'lookml', record: d }),
      tieBreak: () => 0,
    },
    { ...paging, sorts: params.sorts ?? 'title', criteria: params },
    { viewer, store },
  )
  return {
    items: items.map((d) => serializeDashboard(store, viewer, { kind: 'lookml', record: d })),
    total,
  }
}

interface TileRow {
  order: number
  tile: Tile
  dashboard: AnyDashboard
  title: string | null
}

const ELEMENT_FIELDS: SearchFields<TileRow, Ctx> = {
  dashboard_id: { kind: 'id', get: (r) => r.tile.dashboardId },
  look_id: { kind: 'id', get: (r) => r.tile.lookId },
  title: { kind: 'string', get: (r) => r.title },
}

const ELEMENT_SORTS: SortGetters<TileRow, Ctx> = {
  look_id: (r) => num(r.tile.lookId),
  dashboard_id: (r) => r.tile.dashboardId,
  deleted: (r) => r.tile.deleted,
  title: (r) => r.title,
}

/**
 * search_dashboard_elements over both kinds of dashboard the caller may see. An element counts as
 * deleted when its dashboard is in the trash; `deleted` omitted means live ones, as for looks.
 */
export function searchDashboardElements(
  store: SimStore,
  viewer: Viewer,
  params: Params,
): SearchResult<ApiDashboardElement> {
  const wantDeleted = flag('deleted', params.deleted) ?? false
  const dashboards: AnyDashboard[] = [
    ...store.data.dashboards.map((record): AnyDashboard => ({ kind: 'user', record })),
    ...store.data.lookmlDashboards.map((record): AnyDashboard => ({ kind: 'lookml', record })),
  ]
  const rows: TileRow[] = dashboards.flatMap((dashboard) =>
    tilesOf(dashboard).map((tile) => ({
      order: 0,
      tile,
      dashboard,
      title: tile.title ?? (tile.lookId ? (store.look(tile.lookId)?.title ?? null) : null),
    })),
  )
  rows.forEach((row, i) => (row.order = i))
  const { items, total } = runSearch(
    rows,
    {
      fields: ELEMENT_FIELDS,
      sorts: ELEMENT_SORTS,
      scope: (r, { viewer: v }) => r.tile.deleted === wantDeleted && canSeeAny(v, r.dashboard),
      tieBreak: (r) => r.order,
    },
    { filter_or: params.filter_or, sorts: params.sorts, criteria: params },
    { viewer, store },
  )
  return {
    items: items.map((r) => serializeElement(store, viewer, r.tile, r.dashboard)),
    total,
  }
}
