/**
 * The simulator's internal records. They hold only what the rules need; `serialize.ts` turns them into
 * the wire shapes of the Looker 4.0 spec (per caller: `can`, `content_favorite_id`, URLs).
 * Everything here is plain JSON so a snapshot is just a deep copy.
 */

export type RoleName = 'admin' | 'analyst' | 'viewer'

export interface UserRecord {
  id: string
  first_name: string
  last_name: string
  email: string
  role: RoleName
  role_ids: string[]
  group_ids: string[]
  personal_folder_id: string
  home_folder_id: string
  is_disabled: boolean
  locale: string
  created_at: string
}

export interface FolderRecord {
  id: string
  name: string
  parent_id: string | null
  creator_id: string | null
  content_metadata_id: string
  created_at: string
  is_shared_root: boolean
  is_users_root: boolean
  is_personal: boolean
  is_personal_descendant: boolean
  /** The user whose personal tree this folder is in; null outside personal trees. */
  personal_owner_id: string | null
  /**
   * Folder-level grants by role, inherited by descendants until overridden. A simple stand-in for
   * Looker's content access: admins edit everything regardless.
   */
  access: Partial<Record<RoleName, 'view' | 'edit'>> | null
}

export interface QueryRecord {
  id: string
  model: string
  view: string
  fields: string[]
  pivots: string[] | null
  fill_fields: string[] | null
  filters: Record<string, string> | null
  filter_expression: string | null
  sorts: string[]
  /** Null when the query was created without one (runs use Looker's default). */
  limit: string | null
  column_limit: string | null
  total: boolean | null
  row_total: string | null
  subtotals: string[] | null
  vis_config: Record<string, unknown> | null
  filter_config: Record<string, unknown> | null
  visible_ui_sections: string | null
  slug: string
  dynamic_fields: string | null
  client_id: string
  query_timezone: string | null
}

export interface LookRecord {
  id: string
  title: string
  description: string | null
  folder_id: string
  user_id: string
  query_id: string
  content_metadata_id: string
  created_at: string
  updated_at: string
  last_updater_id: string
  last_viewed_at: string | null
  last_accessed_at: string | null
  view_count: number
  favorite_count: number
  deleted: boolean
  deleted_at: string | null
  deleter_id: string | null
  public: boolean
  public_slug: string | null
  short_url_slug: string
  is_run_on_load: boolean
}

export interface DashboardElementRecord {
  id: string
  look_id: string
  title: string | null
}

/** A dashboard filter (spec DashboardFilter); `field` filters name a model, explore and dimension. */
export interface DashboardFilterRecord {
  id: string
  name: string
  title: string
  /** The spec's "date, number, string, or field"; the seeded filters all filter a dimension. */
  type: 'field'
  default_value: string | null
  model: string | null
  explore: string | null
  dimension: string | null
  /** Display order. */
  row: number
  allow_multiple_values: boolean
  required: boolean
}

/** A user-defined dashboard; its tiles are looks (a look's page lists the dashboards that use it). */
export interface DashboardRecord {
  id: string
  title: string
  description: string | null
  folder_id: string
  user_id: string
  content_metadata_id: string
  created_at: string
  updated_at: string
  /** Usage, seeded (nothing in the simulator views a dashboard). */
  view_count: number
  favorite_count: number
  last_viewed_at: string | null
  deleted: boolean
  deleted_at: string | null
  deleter_id: string | null
  elements: DashboardElementRecord[]
  filters: DashboardFilterRecord[]
}

/** A tile of a LookML dashboard: a query of its own (LookML dashboards have no looks). */
export interface LookmlElementRecord {
  /** model::dashboard::tile, the id create_dashboard_element_render_task documents for LookML tiles. */
  id: string
  /** The tile's name in the LookML (its lookml_link_id). */
  name: string
  title: string
  query_id: string
}

/** A LookML dashboard: defined in a model's project, read-only, id "model::name". */
export interface LookmlDashboardRecord {
  id: string
  model: string
  title: string
  description: string | null
  elements: LookmlElementRecord[]
  filters: DashboardFilterRecord[]
}

/** A schedule that delivers a look by email (spec ScheduledPlan, look schedules only). */
export interface ScheduledPlanRecord {
  id: string
  name: string
  user_id: string
  look_id: string
  crontab: string
  timezone: string
  enabled: boolean
  format: string
  /** Email addresses the look is sent to. */
  recipients: string[]
  created_at: string
  updated_at: string
  last_run_at: string | null
}

export interface FavoriteRecord {
  id: string
  user_id: string
  look_id: string
  content_metadata_id: string
}

export interface CredentialRecord {
  client_id: string
  client_secret: string
  user_id: string
}

export interface TokenRecord {
  token: string
  user_id: string
  expires_at: number
}

/** Next id per sequence. Ids are strings on the wire, as everywhere in API 4.0. */
export interface IdCounters {
  look: number
  query: number
  favorite: number
  contentMetadata: number
  dashboard: number
  dashboardElement: number
  dashboardFilter: number
  scheduledPlan: number
}

export interface SimData {
  users: UserRecord[]
  folders: FolderRecord[]
  queries: QueryRecord[]
  looks: LookRecord[]
  dashboards: DashboardRecord[]
  lookmlDashboards: LookmlDashboardRecord[]
  favorites: FavoriteRecord[]
  scheduledPlans: ScheduledPlanRecord[]
  credentials: CredentialRecord[]
  counters: IdCounters
}
