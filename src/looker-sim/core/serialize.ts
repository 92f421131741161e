import { canView } from './access'
import type {
  ApiDashboardBase,
  ApiFolderBase,
  ApiLook,
  ApiLookWithDashboards,
  ApiLookWithQuery,
  ApiQuery,
  ApiUser,
  ApiUserPublic,
} from './api-types'
import { canSeeDashboard, dashboardCan, folderCan, lookCan, queryCan, userCan } from './can'
import { API_PREFIX, LOOKER_RELEASE_VERSION, SIM_WEB_ORIGIN } from './constants'
import { exploreByName } from './seed/queries'
import type { DashboardRecord, FolderRecord, LookRecord, QueryRecord, UserRecord } from './types'
import type { Viewer } from './viewer'

/** Read access to the store's indexes, all serialisers need. */
export interface Lookup {
  folder(id: string): FolderRecord | undefined
  user(id: string): UserRecord | undefined
  query(id: string): QueryRecord | undefined
  childFolders(id: string): FolderRecord[]
  dashboardsWithLook(lookId: string): DashboardRecord[]
}

export const displayName = (user: UserRecord) => `${user.first_name} ${user.last_name}`

export function folderBase(viewer: Viewer, lookup: Lookup, folder: FolderRecord): ApiFolderBase {
  return {
    name: folder.name,
    parent_id: folder.parent_id,
    id: folder.id,
    content_metadata_id: folder.content_metadata_id,
    created_at: folder.created_at,
    creator_id: folder.creator_id,
    child_count: lookup.childFolders(folder.id).filter((c) => canView(viewer.access.get(c.id))).length,
    external_id: null,
    is_embed: false,
    is_embed_shared_root: false,
    is_embed_users_root: false,
    is_personal: folder.is_personal,
    is_personal_descendant: folder.is_personal_descendant,
    is_shared_root: folder.is_shared_root,
    is_users_root: folder.is_users_root,
    can: folderCan(viewer, folder),
  }
}

export function lookBase(viewer: Viewer, lookup: Lookup, look: LookRecord): ApiLook {
  const folder = lookup.folder(look.folder_id)
  const owner = lookup.user(look.user_id)
  const query = lookup.query(look.query_id)
  const publicUrl = look.public && look.public_slug ? `${SIM_WEB_ORIGIN}/looks/${look.public_slug}` : null
  return {
    can: lookCan(viewer, look),
    content_metadata_id: look.content_metadata_id,
    id: look.id,
    title: look.title,
    user_id: look.user_id,
    content_favorite_id: viewer.favorites.get(look.id) ?? null,
    created_at: look.created_at,
    deleted: look.deleted,
    deleted_at: look.deleted_at,
    deleter_id: look.deleter_id,
    description: look.description,
    embed_url: `${SIM_WEB_ORIGIN}/embed/looks/${look.id}`,
    excel_file_url: publicUrl ? `${publicUrl}.xlsx` : null,
    favorite_count: look.favorite_count,
    google_spreadsheet_formula: publicUrl ? `=IMPORTDATA("${publicUrl}.csv")` : null,
    image_embed_url: publicUrl ? `${publicUrl}.png` : null,
    is_run_on_load: look.is_run_on_load,
    last_accessed_at: look.last_accessed_at,
    last_updater_id: look.last_updater_id,
    last_viewed_at: look.last_viewed_at,
    model: {
      id: query?.model ?? '',
      label: query ? (exploreByName.get(query.view)?.modelLabel ?? null) : null,
    },
    public: look.public,
    public_slug: look.public ? look.public_slug : null,
    public_url: publicUrl,
    query_id: look.query_id,
    short_url: `/x/${look.short_url_slug}`,
    folder: folder ? folderBase(viewer, lookup, folder) : null,
    folder_id: look.folder_id,
    updated_at: look.updated_at,
    user_name: owner ? displayName(owner) : null,
    view_count: look.view_count,
    usage_count: Math.round(look.view_count / 4),
    is_owner_disabled: owner?.is_disabled ?? false,
  }
}

export function lookWithQuery(viewer: Viewer, lookup: Lookup, look: LookRecord): ApiLookWithQuery {
  const query = lookup.query(look.query_id)
  return {
    ...lookBase(viewer, lookup, look),
    query: query ? serializeQuery(viewer, query) : null,
    url: `/looks/${look.id}`,
  }
}

export function lookWithDashboards(viewer: Viewer, lookup: Lookup, look: LookRecord): ApiLookWithDashboards {
  return {
    ...lookBase(viewer, lookup, look),
    dashboards: lookup
      .dashboardsWithLook(look.id)
      .filter((d) => canSeeDashboard(viewer, d))
      .map((d) => dashboardBase(viewer, lookup, d)),
  }
}

export function dashboardBase(viewer: Viewer, lookup: Lookup, dashboard: DashboardRecord): ApiDashboardBase {
  const folder = lookup.folder(dashboard.folder_id)
  return {
    can: dashboardCan(viewer, dashboard),
    content_favorite_id: null,
    content_metadata_id: dashboard.content_metadata_id,
    description: dashboard.description,
    hidden: false,
    id: dashboard.id,
    query_timezone: null,
    readonly: false,
    refresh_interval: null,
    refresh_interval_to_i: null,
    folder: folder ? folderBase(viewer, lookup, folder) : null,
    title: dashboard.title,
    user_id: dashboard.user_id,
    slug: `dash${dashboard.id.padStart(6, '0')}`,
    preferred_viewer: 'dashboards-next',
  }
}

export function serializeQuery(viewer: Viewer, query: QueryRecord): ApiQuery {
  const explorePath = `/explore/${query.model}/${query.view}`
  const params = new URLSearchParams({ fields: query.fields.join(',') })
  for (const [field, value] of Object.entries(query.filters ?? {})) params.set(`f[${field}]`, value)
  if (query.sorts.length > 0) params.set('sorts', query.sorts.join(','))
  if (query.limit !== null) params.set('limit', query.limit)
  return {
    can: queryCan(viewer),
    ...query,
    share_url: `${SIM_WEB_ORIGIN}/x/${query.slug}`,
    expanded_share_url: `${SIM_WEB_ORIGIN}${explorePath}?qid=${query.client_id}`,
    url: `${explorePath}?${params.toString()}`,
    has_table_calculations: query.dynamic_fields?.includes('table_calculation') ?? false,
  }
}

export function userPublic(viewer: Viewer, user: UserRecord): ApiUserPublic {
  return {
    can: userCan(viewer, user),
    id: user.id,
    first_name: user.first_name,
    last_name: user.last_name,
    display_name: displayName(user),
    // No avatar service in the simulator; null keeps the app from fetching anything external.
    avatar_url: null,
    url: `${viewer.origin}${API_PREFIX}/users/${user.id}`,
  }
}

export function userFull(viewer: Viewer, user: UserRecord, apiClientIds: string[]): ApiUser {
  return {
    ...userPublic(viewer, user),
    avatar_url_without_sizing: null,
    credentials_api3: apiClientIds.map((clientId, i) => ({
      id: `${user.id}${i + 1}`,
      client_id: clientId,
      created_at: user.created_at,
      is_disabled: false,
      type: 'api3',
    })),
    credentials_email: { email: user.email, is_disabled: false, type: 'email' },
    email: user.email,
    group_ids: user.group_ids,
    home_folder_id: user.home_folder_id,
    is_disabled: user.is_disabled,
    locale: user.locale,
    looker_versions: [LOOKER_RELEASE_VERSION],
    models_dir_validated: null,
    personal_folder_id: user.personal_folder_id,
    presumed_looker_employee: false,
    role_ids: user.role_ids,
    sessions: [],
    ui_state: null,
    verified_looker_employee: false,
    roles_externally_managed: false,
    allow_direct_roles: true,
    allow_normal_group_membership: true,
    allow_roles_from_normal_groups: true,
    embed_group_folder_id: null,
    can_manage_api3_creds: user.role === 'admin',
    is_service_account: false,
  }
}
