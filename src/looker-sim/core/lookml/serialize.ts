import { hasPermission } from '../roles'
import type { Viewer } from '../viewer'
import {
  CONNECTION_NAME,
  PROJECT_NAME,
  type CatalogExplore,
  type CatalogField,
  type CatalogModel,
} from './catalog'

/**
 * Wire shapes of the LookML metadata operations (spec LookmlModel, LookmlModelExplore and
 * LookmlModelExploreField): only properties the spec declares, and none of its non-nullable object
 * properties left null (those the simulator has nothing for, such as map_layer, are left out).
 */

/** How often each field appears in the instance's queries (LookmlModelExploreField.times_used). */
export type FieldUsage = (name: string) => number

const viewFile = (view: string) => `views/${view}.view.lkml`

/** Developers see LookML; the seeded Analyst and Viewer roles are not developers. */
const seesLookml = (viewer: Viewer) => hasPermission(viewer.user, 'see_lookml')

function filterTypes(f: CatalogField): string[] {
  if (f.timeframe) return ['advanced_filter_datetime', 'datetime']
  if (f.type === 'yesno') return ['yesno']
  if (f.type === 'zipcode') return ['advanced_filter_string', 'string', 'zipcode']
  if (f.isNumeric) return ['advanced_filter_number', 'number']
  return ['advanced_filter_string', 'string']
}

const INTERVALS: Record<string, string> = {
  date: 'day',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
}

export function exploreField(viewer: Viewer, explore: CatalogExplore, f: CatalogField, usage: FieldUsage) {
  const interval = f.timeframe ? INTERVALS[f.timeframe] : undefined
  return {
    align: f.isNumeric ? 'right' : 'left',
    available_custom_timeframes: null,
    timeframe_labels: null,
    can_filter: true,
    category: f.category,
    default_filter_value: null,
    description: null,
    dimension_group: f.dimensionGroup,
    drill_fields: [],
    enumerations: null,
    error: null,
    field_group_label: f.fieldGroupLabel,
    field_group_variant: f.fieldGroupVariant,
    fill_style: f.timeframe ? 'range' : f.type === 'yesno' ? 'enumeration' : null,
    fiscal_month_offset: 0,
    has_allowed_values: false,
    has_drills_metadata: false,
    hidden: false,
    is_filter: false,
    is_fiscal: false,
    is_numeric: f.isNumeric,
    is_timeframe: f.timeframe !== null,
    can_time_filter: f.timeframe !== null,
    ...(interval ? { time_interval: { name: interval, count: 1 } } : {}),
    label: f.label,
    label_from_parameter: null,
    label_short: f.labelShort,
    lookml_link: seesLookml(viewer) ? `/projects/${PROJECT_NAME}/files/${viewFile(f.view)}` : null,
    links: [],
    measure: f.category === 'measure',
    name: f.name,
    strict_value_format: false,
    parameter: false,
    permanent: null,
    primary_key: false,
    project_name: PROJECT_NAME,
    requires_refresh_on_sort: false,
    scope: f.view,
    sortable: true,
    source_file: viewFile(f.view),
    source_file_path: `${PROJECT_NAME}/${viewFile(f.view)}`,
    sql: f.sql === '' ? null : f.sql,
    sql_case: null,
    filters: null,
    suggest_dimension: f.name,
    suggest_explore: explore.name,
    suggestable: f.category === 'dimension' && !f.isNumeric && f.timeframe === null,
    suggestions: null,
    synonyms: null,
    tags: [],
    type: f.type,
    user_attribute_filter_types: filterTypes(f),
    value_format: null,
    value_format_name: f.valueFormatName,
    view: f.view,
    view_label: f.viewLabel,
    dynamic: false,
    week_start_day: 'monday',
    times_used: usage(f.name),
    original_view: f.view,
    datatype: f.timeframe ? 'timestamp' : null,
    convert_tz: f.timeframe ? true : null,
  }
}

export function lookmlModelExplore(viewer: Viewer, explore: CatalogExplore, usage: FieldUsage) {
  const views = [explore.baseView, ...explore.joins]
  const field = (f: CatalogField) => exploreField(viewer, explore, f, usage)
  return {
    id: `${explore.model}::${explore.name}`,
    name: explore.name,
    description: null,
    label: explore.label,
    title: explore.label,
    scopes: views,
    can_total: true,
    can_develop: seesLookml(viewer),
    can_see_lookml: seesLookml(viewer),
    lookml_link: seesLookml(viewer) ? `/projects/${PROJECT_NAME}/files/${explore.model}.model.lkml` : null,
    can_save: hasPermission(viewer.user, 'save_content'),
    can_explain: false,
    can_pivot_in_db: false,
    can_subtotal: true,
    has_timezone_support: true,
    supports_cost_estimate: true,
    connection_name: CONNECTION_NAME,
    dialect_name: 'postgres',
    null_sort_treatment: 'low',
    files: [`${explore.model}.model.lkml`, ...views.map(viewFile)],
    source_file: `${explore.model}.model.lkml`,
    project_name: PROJECT_NAME,
    model_name: explore.model,
    view_name: explore.baseView,
    hidden: false,
    sql_table_name: `public.${explore.baseView}`,
    access_filter_fields: [],
    access_filters: [],
    aliases: [],
    always_filter: [],
    conditionally_filter: [],
    index_fields: [],
    sets: [],
    tags: [],
    errors: [],
    fields: {
      dimensions: explore.dimensions.map(field),
      measures: explore.measures.map(field),
      filters: [],
      parameters: [],
    },
    joins: explore.joins.map((view) => ({
      name: view,
      dependent_fields: [],
      fields: null,
      foreign_key: null,
      from: view,
      outer_only: false,
      relationship: 'many_to_one',
      required_joins: [],
      sql_foreign_key: null,
      sql_on: `\${${explore.baseView}.${view}_id} = \${${view}.id}`,
      sql_table_name: `public.${view}`,
      type: 'left_outer',
      view_label: null,
    })),
    group_label: explore.modelLabel,
    supported_measure_types: [],
    always_join: [],
  }
}

export function lookmlModel(model: CatalogModel) {
  return {
    can: { index: true, show: true },
    allowed_db_connection_names: [CONNECTION_NAME],
    explores: model.explores.map((e) => ({
      name: e.name,
      description: null,
      label: e.label,
      hidden: false,
      group_label: model.label,
    })),
    has_content: true,
    label: model.label,
    name: model.name,
    project_name: PROJECT_NAME,
    unlimited_db_connections: false,
  }
}
