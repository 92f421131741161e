import type { ApiDashboardBase, ApiFolderBase } from '../api-types'
import { canSeeLook, dashboardCan, lookmlDashboardCan } from '../can'
import { dashboardBase, displayName, lookWithQuery, serializeQuery } from '../serialize'
import { exploreByName } from '../seed/queries'
import type { SimStore } from '../store'
import type { DashboardFilterRecord } from '../types'
import type { Viewer } from '../viewer'
import type {
  ApiDashboard,
  ApiDashboardElement,
  ApiDashboardFilter,
  ApiDashboardLayout,
  ApiDashboardLayoutComponent,
} from './api-types'
import {
  filtersOf,
  LOOKML_FOLDER_ID,
  LOOKML_FOLDER_NAME,
  tilesOf,
  type AnyDashboard,
  type Tile,
} from './model'

/** Looker's grid is 24 units wide; tiles flow three to a row, 8 × 6 units each. */
const GRID_COLUMNS = 24
const TILE_WIDTH = 8
const TILE_HEIGHT = 6

/** LookML dashboards live outside the folder tree, in Looker's "LookML Dashboards" folder. */
function lookmlFolder(viewer: Viewer): ApiFolderBase {
  return {
    name: LOOKML_FOLDER_NAME,
    parent_id: null,
    id: LOOKML_FOLDER_ID,
    content_metadata_id: null,
    created_at: null,
    creator_id: null,
    child_count: 0,
    external_id: null,
    is_embed: false,
    is_embed_shared_root: false,
    is_embed_users_root: false,
    is_personal: false,
    is_personal_descendant: false,
    is_shared_root: false,
    is_users_root: false,
    can: {
      index: true,
      show: true,
      create: false,
      update: false,
      destroy: false,
      move_content: false,
      edit_content: false,
      see_admin_spaces: viewer.isAdmin,
    },
  }
}

/** DashboardBase of either kind (what a look's `dashboards` and a folder's `dashboards` carry). */
export function anyDashboardBase(store: SimStore, viewer: Viewer, dashboard: AnyDashboard): ApiDashboardBase {
  if (dashboard.kind === 'user') return dashboardBase(viewer, store, dashboard.record)
  const { record } = dashboard
  return {
    can: lookmlDashboardCan(viewer),
    content_favorite_id: null,
    content_metadata_id: null,
    description: record.description,
    hidden: false,
    id: record.id,
    model: { id: record.model, label: modelLabel(record.model) },
    query_timezone: null,
    readonly: true,
    refresh_interval: null,
    refresh_interval_to_i: null,
    folder: lookmlFolder(viewer),
    title: record.title,
    user_id: null,
    slug: null,
    preferred_viewer: 'dashboards-next',
  }
}

const modelLabel = (model: string) =>
  [...exploreByName.values()].find((e) => e.model === model)?.modelLabel ?? null

/** The full Dashboard: its elements, filters and layout, for the caller. */
export function serializeDashboard(store: SimStore, viewer: Viewer, dashboard: AnyDashboard): ApiDashboard {
  const base = anyDashboardBase(store, viewer, dashboard)
  const user = dashboard.kind === 'user' ? dashboard.record : null
  const owner = user ? store.user(user.user_id) : undefined
  const tiles = tilesOf(dashboard)
  return {
    ...base,
    alert_sync_with_dashboard_filter_enabled: false,
    chat_enabled: false,
    background_color: null,
    created_at: user?.created_at ?? null,
    crossfilter_enabled: false,
    dashboard_elements: tiles.map((tile) => serializeElement(store, viewer, tile, dashboard)),
    dashboard_filters: filtersOf(dashboard).map((f) => serializeFilter(viewer, dashboard, f)),
    dashboard_layouts: [serializeLayout(store, dashboard, tiles)],
    deleted: user?.deleted ?? false,
    deleted_at: user?.deleted_at ?? null,
    deleter_id: user?.deleter_id ?? null,
    edit_uri: null,
    enable_viz_full_screen: true,
    favorite_count: user?.favorite_count ?? null,
    filters_bar_collapsed: false,
    filters_location_top: true,
    last_accessed_at: user?.last_viewed_at ?? null,
    last_viewed_at: user?.last_viewed_at ?? null,
    updated_at: user?.updated_at ?? null,
    last_updater_id: user?.user_id ?? null,
    last_updater_name: owner ? displayName(owner) : null,
    user_name: owner ? displayName(owner) : null,
    load_configuration: 'wait',
    lookml_link_id: null,
    show_filters_bar: true,
    show_title: true,
    folder_id: user ? user.folder_id : LOOKML_FOLDER_ID,
    text_tile_text_color: null,
    tile_background_color: null,
    tile_text_color: null,
    title_color: null,
    view_count: user?.view_count ?? null,
    usage_count: user ? Math.round(user.view_count / 3) : null,
    is_owner_disabled: owner?.is_disabled ?? false,
    url: `/dashboards/${dashboard.record.id}`,
    preserve_desktop_layout: false,
  }
}

export function serializeElement(
  store: SimStore,
  viewer: Viewer,
  tile: Tile,
  dashboard: AnyDashboard,
): ApiDashboardElement {
  const look = tile.lookId === null ? undefined : store.look(tile.lookId)
  const visibleLook = look && canSeeLook(viewer, look) ? look : undefined
  const query = tile.queryId === null ? undefined : store.query(tile.queryId)
  const canShow =
    dashboard.kind === 'lookml' ? lookmlDashboardCan(viewer) : dashboardCan(viewer, dashboard.record)
  return {
    can: { show: canShow.show ?? false, update: canShow.update ?? false, destroy: canShow.destroy ?? false },
    body_text: null,
    body_text_as_html: null,
    dashboard_id: tile.dashboardId,
    dashboard_layout_id: layoutId(dashboard),
    edit_uri: null,
    id: tile.id,
    ...(visibleLook ? { look: lookWithQuery(viewer, store, visibleLook) } : {}),
    look_id: tile.lookId,
    lookml_link_id: tile.lookmlLinkId,
    merge_result_id: null,
    note_display: null,
    note_state: null,
    note_text: null,
    note_text_as_html: null,
    ...(query ? { query: serializeQuery(viewer, query) } : {}),
    query_id: tile.queryId,
    filter_id: null,
    refresh_interval: null,
    refresh_interval_to_i: null,
    result_maker_id: null,
    subtitle_text: null,
    title: tile.title ?? visibleLook?.title ?? null,
    title_hidden: false,
    title_text: null,
    type: 'vis',
    alert_count: 0,
    rich_content_json: null,
    title_text_as_html: null,
    subtitle_text_as_html: null,
    extension_id: null,
    aria_description: null,
  }
}

function serializeFilter(
  viewer: Viewer,
  dashboard: AnyDashboard,
  filter: DashboardFilterRecord,
): ApiDashboardFilter {
  const edit = dashboard.kind === 'user' && (dashboardCan(viewer, dashboard.record).update ?? false)
  return {
    can: { show: true, update: edit, destroy: edit },
    id: filter.id,
    dashboard_id: dashboard.record.id,
    name: filter.name,
    title: filter.title,
    type: filter.type,
    default_value: filter.default_value,
    model: filter.model,
    explore: filter.explore,
    dimension: filter.dimension,
    field: null,
    row: filter.row,
    listens_to_filters: [],
    allow_multiple_values: filter.allow_multiple_values,
    required: filter.required,
    ui_config: { type: 'advanced', display: 'popover', options: [] },
  }
}

const layoutId = (dashboard: AnyDashboard) => dashboard.record.id

function serializeLayout(store: SimStore, dashboard: AnyDashboard, tiles: Tile[]): ApiDashboardLayout {
  const perRow = GRID_COLUMNS / TILE_WIDTH
  const components = tiles.map((tile, i): ApiDashboardLayoutComponent => ({
    can: {},
    id: tile.id,
    dashboard_layout_id: layoutId(dashboard),
    dashboard_element_id: tile.id,
    row: Math.floor(i / perRow) * TILE_HEIGHT,
    column: (i % perRow) * TILE_WIDTH,
    width: TILE_WIDTH,
    height: TILE_HEIGHT,
    deleted: false,
    element_title: tile.title ?? (tile.lookId ? (store.look(tile.lookId)?.title ?? null) : null),
    element_title_hidden: false,
    vis_type: visTypeOfTile(store, tile),
    granular_row: null,
    granular_column: null,
    granular_width: null,
    granular_height: null,
  }))
  return {
    can: {},
    id: layoutId(dashboard),
    dashboard_id: dashboard.record.id,
    type: 'newspaper',
    active: true,
    column_width: null,
    width: null,
    deleted: false,
    dashboard_title: dashboard.record.title,
    dashboard_layout_components: components,
    label: null,
    description: null,
    order: null,
    lookml_link_id: null,
  }
}

/** The vis_config type of a tile's query (its look's, for look tiles). */
export function visTypeOfTile(store: SimStore, tile: Tile): string | null {
  const queryId = tile.queryId ?? (tile.lookId ? store.look(tile.lookId)?.query_id : undefined)
  const type = queryId ? store.query(queryId)?.vis_config?.type : undefined
  return typeof type === 'string' ? type : null
}
