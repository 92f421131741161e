import type { Random } from '../random'
import type { DashboardFilterRecord, LookmlDashboardRecord, QueryRecord } from '../types'
import { exploreDef } from './queries'
import type { Sequence } from './users-folders'
import type { ExploreDef, FieldDef } from './vocab'

/** The LookML dashboards of each model's project: name (the part after "model::"), title, base explore. */
const LOOKML_DASHBOARDS: { name: string; title: string; explore: string; description: string }[] = [
  {
    name: 'business_pulse',
    title: 'Business Pulse',
    explore: 'order_items',
    description: 'Revenue, orders and margin, from the e-commerce model.',
  },
  {
    name: 'customer_overview',
    title: 'Customer Overview',
    explore: 'users',
    description: 'Who buys, where they come from and how they grow.',
  },
  {
    name: 'campaign_performance',
    title: 'Campaign Performance',
    explore: 'campaigns',
    description: 'Spend and results by channel.',
  },
  {
    name: 'financial_overview',
    title: 'Financial Overview',
    explore: 'ledger',
    description: 'The ledger by period and region.',
  },
  {
    name: 'product_engagement',
    title: 'Product Engagement',
    explore: 'events',
    description: 'Events and active users by platform.',
  },
]

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

interface TileShape {
  vis: string
  dimension: FieldDef | null
  measure: FieldDef
}

/** Four tiles from the explore's vocabulary: a headline number, a trend, and two breakdowns. */
function tileShapes(explore: ExploreDef): TileShape[] {
  const time = explore.dimensions.find((d) => d.time)
  const categories = explore.dimensions.filter((d) => !d.time)
  const measure = (i: number) => explore.measures[i % explore.measures.length] as FieldDef
  const shapes: TileShape[] = [{ vis: 'single_value', dimension: null, measure: measure(0) }]
  if (time) shapes.push({ vis: 'looker_line', dimension: time, measure: measure(0) })
  if (categories[0]) shapes.push({ vis: 'looker_column', dimension: categories[0], measure: measure(1) })
  if (categories[1]) shapes.push({ vis: 'looker_pie', dimension: categories[1], measure: measure(2) })
  return shapes
}

const tileName = (shape: TileShape) =>
  [shape.measure.name, shape.dimension?.name].filter(Boolean).join('_by_').replace(/\./g, '_')

/**
 * LookML dashboards, one or two per model, with their tiles' queries (added to the instance's queries,
 * as Looker creates a query for each tile) and one filter per dashboard on its explore's first filter
 * field, whose default value applies when rendering.
 */
export function seedLookmlDashboards(
  rng: Random,
  ids: { query: Sequence },
): { dashboards: LookmlDashboardRecord[]; queries: QueryRecord[] } {
  const queries: QueryRecord[] = []
  const dashboards = LOOKML_DASHBOARDS.map((spec): LookmlDashboardRecord => {
    const explore = exploreDef(spec.explore)
    const id = `${explore.model}::${spec.name}`
    const elements = tileShapes(explore).map((shape) => {
      const query = tileQuery(rng, ids.query.next(), explore, shape)
      queries.push(query)
      const name = tileName(shape)
      const title = shape.dimension
        ? `${shape.measure.label} by ${shape.dimension.label}`
        : shape.measure.label
      return { id: `${id}::${name}`, name, title, query_id: query.id }
    })
    const [dimension, values] = explore.filters[0] ?? []
    const filters: DashboardFilterRecord[] =
      dimension && values
        ? [
            {
              id: `${id}::${dimension}`,
              name: explore.dimensions.find((d) => d.name === dimension)?.label ?? dimension,
              title: explore.dimensions.find((d) => d.name === dimension)?.label ?? dimension,
              type: 'field',
              default_value: values[values.length - 1] ?? null,
              model: explore.model,
              explore: explore.explore,
              dimension,
              row: 0,
              allow_multiple_values: true,
              required: false,
            },
          ]
        : []
    return { id, model: explore.model, title: spec.title, description: spec.description, elements, filters }
  })
  return { dashboards, queries }
}

function tileQuery(rng: Random, id: string, explore: ExploreDef, shape: TileShape): QueryRecord {
  const fields = shape.dimension ? [shape.dimension.name, shape.measure.name] : [shape.measure.name]
  const sort = shape.dimension?.time ? `${shape.dimension.name} desc` : `${shape.measure.name} desc`
  return {
    id,
    model: explore.model,
    view: explore.explore,
    fields,
    pivots: null,
    fill_fields: null,
    filters: null,
    filter_expression: null,
    sorts: [sort],
    limit: shape.dimension ? '500' : '1',
    column_limit: null,
    total: false,
    row_total: null,
    subtotals: null,
    vis_config: { type: shape.vis },
    filter_config: null,
    visible_ui_sections: null,
    slug: rng.string(7, ALNUM),
    dynamic_fields: null,
    client_id: rng.string(22, ALNUM),
    query_timezone: null,
  }
}
