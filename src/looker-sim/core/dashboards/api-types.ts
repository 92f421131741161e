import type { ApiDashboardBase, ApiLookWithQuery, ApiQuery, CanMap } from '../api-types'

/** Wire shapes of the spec's Dashboard, DashboardElement, DashboardFilter, DashboardLayout and ScheduledPlan. */
export interface ApiDashboardElement {
  can: CanMap
  body_text: string | null
  body_text_as_html: string | null
  dashboard_id: string | null
  dashboard_layout_id: string | null
  edit_uri: string | null
  id: string
  /** Look tiles only, and only when the caller may see the look. */
  look?: ApiLookWithQuery
  look_id: string | null
  lookml_link_id: string | null
  merge_result_id: string | null
  note_display: string | null
  note_state: string | null
  note_text: string | null
  note_text_as_html: string | null
  /** Query tiles (LookML dashboards) only. */
  query?: ApiQuery
  query_id: string | null
  filter_id: string | null
  refresh_interval: string | null
  refresh_interval_to_i: number | null
  result_maker_id: string | null
  subtitle_text: string | null
  title: string | null
  title_hidden: boolean
  title_text: string | null
  type: string | null
  alert_count: number | null
  rich_content_json: string | null
  title_text_as_html: string | null
  subtitle_text_as_html: string | null
  extension_id: string | null
  aria_description: string | null
}

export interface ApiDashboardFilter {
  can: CanMap
  id: string
  dashboard_id: string | null
  name: string | null
  title: string | null
  type: string | null
  default_value: string | null
  model: string | null
  explore: string | null
  dimension: string | null
  field: Record<string, unknown> | null
  row: number | null
  listens_to_filters: string[] | null
  allow_multiple_values: boolean
  required: boolean
  ui_config: Record<string, unknown> | null
}

export interface ApiDashboardLayoutComponent {
  can: CanMap
  id: string
  dashboard_layout_id: string | null
  dashboard_element_id: string | null
  row: number | null
  column: number | null
  width: number | null
  height: number | null
  deleted: boolean
  element_title: string | null
  element_title_hidden: boolean
  vis_type: string | null
  granular_row: number | null
  granular_column: number | null
  granular_width: number | null
  granular_height: number | null
}

export interface ApiDashboardLayout {
  can: CanMap
  id: string
  dashboard_id: string | null
  type: string | null
  active: boolean
  column_width: number | null
  width: number | null
  deleted: boolean
  dashboard_title: string | null
  dashboard_layout_components: ApiDashboardLayoutComponent[] | null
  label: string | null
  description: string | null
  order: number | null
  lookml_link_id: string | null
}

export interface ApiDashboard extends ApiDashboardBase {
  alert_sync_with_dashboard_filter_enabled: boolean
  chat_enabled: boolean
  background_color: string | null
  created_at: string | null
  crossfilter_enabled: boolean
  dashboard_elements: ApiDashboardElement[] | null
  dashboard_filters: ApiDashboardFilter[] | null
  dashboard_layouts: ApiDashboardLayout[] | null
  deleted: boolean
  deleted_at: string | null
  deleter_id: string | null
  edit_uri: string | null
  enable_viz_full_screen: boolean
  favorite_count: number | null
  filters_bar_collapsed: boolean
  filters_location_top: boolean
  last_accessed_at: string | null
  last_viewed_at: string | null
  updated_at: string | null
  last_updater_id: string | null
  last_updater_name: string | null
  user_name: string | null
  load_configuration: string | null
  lookml_link_id: string | null
  show_filters_bar: boolean | null
  show_title: boolean | null
  folder_id: string | null
  text_tile_text_color: string | null
  tile_background_color: string | null
  tile_text_color: string | null
  title_color: string | null
  view_count: number | null
  usage_count: number | null
  is_owner_disabled: boolean
  url: string | null
  preserve_desktop_layout: boolean
}

export interface ApiScheduledPlanDestination {
  id: string
  scheduled_plan_id: string | null
  format: string | null
  apply_formatting: boolean
  apply_vis: boolean
  address: string | null
  looker_recipient: boolean
  type: string | null
  parameters: string | null
  message: string | null
}

export interface ApiScheduledPlan {
  name: string | null
  user_id: string | null
  run_as_recipient: boolean
  enabled: boolean
  look_id: string | null
  dashboard_id: string | null
  lookml_dashboard_id: string | null
  filters_string: string | null
  dashboard_filters: string | null
  require_results: boolean
  require_no_results: boolean
  require_change: boolean
  send_all_results: boolean
  crontab: string | null
  datagroup: string | null
  timezone: string | null
  scheduled_plan_destination: ApiScheduledPlanDestination[] | null
  run_once: boolean
  include_links: boolean
  include_dashboard_summary: boolean
  custom_url_base: string | null
  custom_url_params: string | null
  custom_url_label: string | null
  show_custom_url: boolean
  pdf_paper_size: string | null
  pdf_landscape: boolean
  embed: boolean
  color_theme: string | null
  long_tables: boolean
  pdf_page_breaks: boolean
  tab_ids: string[] | null
  inline_table_width: number | null
  query_id: string | null
  id: string
  created_at: string | null
  updated_at: string | null
  title: string | null
  next_run_at: string | null
  last_run_at: string | null
  can: CanMap
}
