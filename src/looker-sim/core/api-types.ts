/**
 * Wire shapes the simulator returns, following the Looker 4.0 schemas (dates are ISO strings on the
 * wire, unlike the SDK's model types which say Date).
 */
export type CanMap = Record<string, boolean>

export interface ApiLookModel {
  id: string
  label: string | null
}

export interface ApiFolderBase {
  name: string
  parent_id: string | null
  id: string
  content_metadata_id: string | null
  created_at: string | null
  creator_id: string | null
  child_count: number | null
  external_id: string | null
  is_embed: boolean
  is_embed_shared_root: boolean
  is_embed_users_root: boolean
  is_personal: boolean
  is_personal_descendant: boolean
  is_shared_root: boolean
  is_users_root: boolean
  can: CanMap
}

export interface ApiDashboardBase {
  can: CanMap
  content_favorite_id: string | null
  content_metadata_id: string | null
  description: string | null
  hidden: boolean
  id: string
  /** Only LookML dashboards have one; the spec does not let it be null, so user-defined ones leave it out. */
  model?: ApiLookModel
  query_timezone: string | null
  readonly: boolean
  refresh_interval: string | null
  refresh_interval_to_i: number | null
  folder: ApiFolderBase | null
  title: string | null
  user_id: string | null
  slug: string | null
  preferred_viewer: string | null
}

export interface ApiLook {
  can: CanMap
  content_metadata_id: string | null
  id: string
  title: string | null
  user_id: string | null
  content_favorite_id: string | null
  created_at: string | null
  deleted: boolean
  deleted_at: string | null
  deleter_id: string | null
  description: string | null
  embed_url: string | null
  excel_file_url: string | null
  favorite_count: number | null
  google_spreadsheet_formula: string | null
  image_embed_url: string | null
  is_run_on_load: boolean
  last_accessed_at: string | null
  last_updater_id: string | null
  last_viewed_at: string | null
  model: ApiLookModel
  public: boolean
  public_slug: string | null
  public_url: string | null
  query_id: string | null
  short_url: string | null
  folder: ApiFolderBase | null
  folder_id: string | null
  updated_at: string | null
  user_name: string | null
  view_count: number | null
  usage_count: number | null
  is_owner_disabled: boolean
}

export interface ApiQuery {
  can: CanMap
  id: string
  model: string
  view: string
  fields: string[] | null
  pivots: string[] | null
  fill_fields: string[] | null
  filters: Record<string, string> | null
  filter_expression: string | null
  sorts: string[] | null
  limit: string | null
  column_limit: string | null
  total: boolean | null
  row_total: string | null
  subtotals: string[] | null
  vis_config: Record<string, unknown> | null
  filter_config: Record<string, unknown> | null
  visible_ui_sections: string | null
  slug: string | null
  dynamic_fields: string | null
  client_id: string | null
  share_url: string | null
  expanded_share_url: string | null
  url: string | null
  query_timezone: string | null
  has_table_calculations: boolean
}

export interface ApiLookWithQuery extends ApiLook {
  query: ApiQuery | null
  url: string | null
}

export interface ApiLookWithDashboards extends ApiLook {
  dashboards: ApiDashboardBase[]
}

export interface ApiFolder extends ApiFolderBase {
  dashboards?: ApiDashboardBase[] | null
  looks?: ApiLookWithDashboards[] | null
}

export interface ApiUserPublic {
  can: CanMap
  id: string
  first_name: string
  last_name: string
  display_name: string | null
  avatar_url: string | null
  url: string | null
}

export interface ApiUser extends ApiUserPublic {
  avatar_url_without_sizing: string | null
  credentials_api3: {
    id: string
    client_id: string
    created_at: string
    is_disabled: boolean
    type: string
  }[]
  credentials_email: { email: string; is_disabled: boolean; type: string } | null
  email: string | null
  group_ids: string[]
  home_folder_id: string | null
  is_disabled: boolean
  locale: string | null
  looker_versions: string[]
  models_dir_validated: boolean | null
  personal_folder_id: string | null
  presumed_looker_employee: boolean
  role_ids: string[]
  sessions: unknown[]
  ui_state: Record<string, string> | null
  verified_looker_employee: boolean
  roles_externally_managed: boolean
  allow_direct_roles: boolean
  allow_normal_group_membership: boolean
  allow_roles_from_normal_groups: boolean
  embed_group_folder_id: string | null
  can_manage_api3_creds: boolean
  is_service_account: boolean
}

export interface ApiAccessToken {
  access_token: string
  token_type: 'Bearer'
  expires_in: number
  refresh_token: string | null
}

export interface ApiVersionElement {
  version: string
  full_version: string
  status: string
  swagger_url: string
}

export interface ApiVersion {
  looker_release_version: string
  current_version: ApiVersionElement
  supported_versions: ApiVersionElement[]
  api_server_url: string
  web_server_url: string
}
