import { ALL_FIELDS } from '../lookml/catalog'
import { dynamicFieldsOf } from '../lookml/dynamic-fields'
import type { DataColumn, QueryData } from '../render/data'
import type { QueryRecord } from '../types'

/**
 * json_bi ("recommended" in run_look's description): the rows plus metadata describing the fields, as the
 * spec's JsonBi schema lays it out (JsonBiMetadata, JsonBiFields, JsonBiField, JsonBiTableCalc).
 *
 * The spec types `rows` as strings; clients that parse Looker's real answers read one object per row,
 * keyed by field name with each cell as `{ value }`. The simulator answers the observed shape (run_query's
 * 200 schema is a plain string, so nothing in the spec pins the body).
 */
export function buildJsonBi(
  query: QueryRecord,
  data: QueryData,
  options: { sql: string | null; cell: (row: Record<string, unknown>, c: DataColumn) => unknown },
) {
  const dynamic = new Map(dynamicFieldsOf(query.dynamic_fields).map((d) => [d.name, d]))
  const dimensions = []
  const measures = []
  const tableCalculations = []
  for (const column of data.columns) {
    const calc = dynamic.get(column.name)
    if (calc?.kind === 'table_calculation') {
      tableCalculations.push({
        name: calc.name,
        label: column.label,
        align: 'right',
        expression: calc.expression,
        value_format: null,
        measure: calc.isMeasure,
      })
      continue
    }
    const field = jsonBiField(column, query)
    if (column.isMeasure) measures.push(field)
    else dimensions.push(field)
  }
  return {
    metadata: {
      big_query_metadata: { total_bytes_processed: 0, backend_cache_hit: false },
      fields: { dimensions, measures, pivots: [], table_calculations: tableCalculations },
      pivots: [],
      has_subtotals: false,
      has_totals: false,
      columns_truncated: 'false',
      filter_expression: query.filter_expression,
      filters: query.filters ?? {},
      sql: options.sql,
    },
    rows: data.rows.map((row) =>
      Object.fromEntries(data.columns.map((c) => [c.name, { value: options.cell(row, c) }])),
    ),
  }
}

function jsonBiField(column: DataColumn, query: QueryRecord) {
  const declared = ALL_FIELDS.get(column.name)
  const dot = column.name.lastIndexOf('.')
  const view = declared?.view ?? (dot > 0 ? column.name.slice(0, dot) : query.view)
  return {
    sql: declared?.sql || null,
    view,
    dimension_group: declared?.dimensionGroup ?? null,
    category: column.isMeasure ? 'measure' : 'dimension',
    field_group_label: declared?.fieldGroupLabel ?? null,
    name: column.name,
    type: declared?.type ?? (column.isMeasure ? 'number' : 'string'),
    view_label: declared?.viewLabel ?? null,
    label: column.label,
    // Required here (nullable in LookmlModelExploreField): a field outside a group is its own variant.
    field_group_variant: declared?.fieldGroupVariant ?? declared?.labelShort ?? column.label,
    hidden: false,
    description: null,
  }
}
