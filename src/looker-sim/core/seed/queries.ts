import type { Random } from '../random'
import type { QueryRecord } from '../types'
import {
  EXPLORES,
  TIMEZONES,
  VIS_TYPES_FOR_CATEGORY,
  VIS_TYPES_FOR_TIME,
  type ExploreDef,
  type FieldDef,
} from './vocab'

export const exploreByName = new Map(EXPLORES.map((e) => [e.explore, e]))

export function exploreDef(name: string): ExploreDef {
  const def = exploreByName.get(name)
  if (!def) throw new Error(`Unknown explore ${name}`)
  return def
}

/** The fields a look is about; the title and description are written from the same choice. */
export interface QueryShape {
  explore: ExploreDef
  measure: FieldDef
  dimension: FieldDef | null
  visType: string
}

export function pickShape(rng: Random, explore: ExploreDef, visType?: string): QueryShape {
  const measure = rng.pick(explore.measures)
  if (visType === 'single_value' || (!visType && rng.chance(0.08))) {
    return { explore, measure, dimension: null, visType: 'single_value' }
  }
  const dimension = rng.pick(explore.dimensions)
  const type = visType ?? rng.pick(dimension.time ? VIS_TYPES_FOR_TIME : VIS_TYPES_FOR_CATEGORY)
  return { explore, measure, dimension, visType: type }
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export function buildQuery(rng: Random, id: string, shape: QueryShape): QueryRecord {
  const { explore, measure, dimension, visType } = shape
  const fields = dimension ? [dimension.name, measure.name] : [measure.name]
  if (dimension && rng.chance(0.3)) {
    const extra = rng.pick(explore.measures)
    if (extra.name !== measure.name) fields.push(extra.name)
  }
  const pivotCandidates = explore.dimensions.filter((d) => !d.time && d.name !== dimension?.name)
  const pivots =
    dimension?.time && visType !== 'looker_pie' && pivotCandidates.length > 0 && rng.chance(0.12)
      ? [rng.pick(pivotCandidates).name]
      : null
  if (pivots) fields.splice(1, 0, ...pivots)

  const filters: Record<string, string> = {}
  for (const [field, values] of rng.sample(explore.filters, rng.int(0, 2))) filters[field] = rng.pick(values)

  const hasCalc = dimension !== null && rng.chance(0.1)
  const dynamicFields = hasCalc
    ? JSON.stringify([
        {
          category: 'table_calculation',
          expression: `\${${measure.name}} / sum(\${${measure.name}})`,
          label: `% of total ${measure.label}`,
          value_format_name: 'percent_1',
          table_calculation: 'percent_of_total',
          _kind_hint: 'measure',
          _type_hint: 'number',
        },
      ])
    : null
  if (hasCalc) fields.push('percent_of_total')

  return {
    id,
    model: explore.model,
    view: explore.explore,
    fields,
    pivots,
    fill_fields: dimension?.time && rng.chance(0.25) ? [dimension.name] : null,
    filters: Object.keys(filters).length > 0 ? filters : null,
    filter_expression: null,
    sorts: [dimension?.time ? `${dimension.name} desc` : `${measure.name} desc`],
    limit: dimension ? rng.pick(['500', '500', '50', '20', '1000', '5000']) : '1',
    column_limit: pivots ? '50' : null,
    total: rng.chance(0.2),
    row_total: null,
    subtotals: null,
    vis_config: visConfig(rng, visType),
    filter_config: null,
    visible_ui_sections: null,
    slug: rng.string(7, ALNUM),
    dynamic_fields: dynamicFields,
    client_id: rng.string(22, ALNUM),
    query_timezone: rng.pick(TIMEZONES),
  }
}

function visConfig(rng: Random, type: string): Record<string, unknown> {
  const base: Record<string, unknown> = { type }
  switch (type) {
    case 'looker_column':
    case 'looker_bar':
      return { ...base, stacking: rng.pick(['', 'normal', 'percent']), show_value_labels: rng.chance(0.4) }
    case 'looker_line':
    case 'looker_area':
      return { ...base, interpolation: rng.pick(['linear', 'monotone']), show_x_axis_label: true }
    case 'looker_pie':
      return { ...base, value_labels: 'legend', label_type: 'labPer' }
    case 'single_value':
      return { ...base, show_comparison: rng.chance(0.5), comparison_type: 'change' }
    default:
      return { ...base, show_row_numbers: true, table_theme: rng.pick(['white', 'gray', 'editable']) }
  }
}
