import { dimensionKind, fieldPart, measureKind, titleCase } from '../render/data-fields'
import { EXPLORES, type ExploreDef, type FieldDef } from '../seed/vocab'

/**
 * The simulator's LookML: every model, explore and field the seeded looks use, derived from the seed
 * vocabulary. lookml_model_explore serves it, create_query validates against it, and result downloads
 * take their column labels from it, so a field reads the same everywhere.
 */
export interface CatalogField {
  /** Fully qualified, as queries use it: "order_items.created_month". */
  name: string
  view: string
  viewLabel: string
  /** Without the view label ("Created Month", "Revenue"). */
  labelShort: string
  /** View label + short label ("Order Items Created Month"), Looker's column heading. */
  label: string
  category: 'dimension' | 'measure'
  /** LookML type: date_month, string, yesno, number, zipcode, count, count_distinct, sum, average. */
  type: string
  isNumeric: boolean
  /** "order_items.created" for the fields of a dimension group. */
  dimensionGroup: string | null
  /** How pickers group a dimension group's fields ("Created Date") and this one's name in it ("Month"). */
  fieldGroupLabel: string | null
  fieldGroupVariant: string | null
  timeframe: string | null
  valueFormatName: string | null
  sql: string
}

export interface CatalogExplore {
  model: string
  modelLabel: string
  name: string
  label: string
  baseView: string
  /** Views joined into the explore (the other views its fields come from). */
  joins: string[]
  dimensions: CatalogField[]
  measures: CatalogField[]
}

export interface CatalogModel {
  name: string
  label: string
  explores: CatalogExplore[]
}

/** Looker's standard timeframes for a `dimension_group: { type: time }`, in its order. */
const TIMEFRAMES = ['date', 'week', 'month', 'quarter', 'year'] as const

export const PROJECT_NAME = 'lookbook_demo'
export const CONNECTION_NAME = 'warehouse'

const viewOf = (name: string) => name.slice(0, name.lastIndexOf('.'))

function dimension(name: string, labelShort: string): CatalogField {
  const view = viewOf(name)
  const kind = dimensionKind(name)
  const type =
    kind.kind === 'yesno'
      ? 'yesno'
      : kind.kind === 'number'
        ? /zip|postal/.test(name)
          ? 'zipcode'
          : 'number'
        : kind.kind === 'id'
          ? 'number'
          : 'string'
  return field(name, view, labelShort, 'dimension', type, type !== 'string' && type !== 'yesno', {
    sql: `\${TABLE}.${fieldPart(name)}`,
  })
}

function timeField(group: string, timeframe: string): CatalogField {
  const view = viewOf(group)
  const groupLabel = titleCase(fieldPart(group))
  const name = `${group}_${timeframe}`
  return field(name, view, `${groupLabel} ${titleCase(timeframe)}`, 'dimension', `date_${timeframe}`, false, {
    dimensionGroup: group,
    fieldGroupLabel: `${groupLabel} Date`,
    fieldGroupVariant: titleCase(timeframe),
    timeframe,
    sql: `\${TABLE}.${fieldPart(group)}_at`,
  })
}

function measure(def: FieldDef): CatalogField {
  const part = fieldPart(def.name)
  const kind = measureKind(def.name)
  const type =
    kind === 'count'
      ? part === 'count'
        ? 'count'
        : 'count_distinct'
      : kind === 'currency'
        ? 'sum'
        : kind === 'average'
          ? 'average'
          : 'number'
  const formats: Record<string, string | null> = {
    count: 'decimal_0',
    currency: 'usd',
    ratio: 'percent_1',
    average: 'decimal_2',
    number: null,
  }
  return field(def.name, viewOf(def.name), def.label, 'measure', type, true, {
    valueFormatName: formats[kind] ?? null,
    sql: type === 'count' ? '' : `\${${part}}`,
  })
}

function field(
  name: string,
  view: string,
  labelShort: string,
  category: CatalogField['category'],
  type: string,
  isNumeric: boolean,
  extra: Partial<CatalogField> & { sql: string },
): CatalogField {
  const viewLabel = titleCase(view)
  return {
    name,
    view,
    viewLabel,
    labelShort,
    label: `${viewLabel} ${labelShort}`,
    category,
    type,
    isNumeric,
    dimensionGroup: null,
    fieldGroupLabel: null,
    fieldGroupVariant: null,
    timeframe: null,
    valueFormatName: null,
    ...extra,
  }
}

/** The time field's dimension group ("order_items.created_month" → "order_items.created"), or null. */
function groupOf(name: string): string | null {
  const kind = dimensionKind(name)
  if (kind.kind !== 'date') return null
  const suffix = `_${kind.grain}`
  return name.endsWith(suffix) ? name.slice(0, -suffix.length) : null
}

function buildExplore(def: ExploreDef): CatalogExplore {
  const dimensions: CatalogField[] = []
  const seen = new Set<string>()
  const add = (f: CatalogField) => {
    if (seen.has(f.name)) return
    seen.add(f.name)
    dimensions.push(f)
  }
  // Dimensions the seed uses, then the filter-only fields (a look may filter on a date it does not show).
  const declared: [string, string | null][] = [
    ...def.dimensions.map((d): [string, string] => [d.name, d.label]),
    ...def.filters.map(([name]): [string, null] => [name, null]),
  ]
  for (const [name, label] of declared) {
    const group = groupOf(name)
    if (group) {
      for (const timeframe of TIMEFRAMES) add(timeField(group, timeframe))
      // A timeframe outside the standard five (say "hour") still belongs to its group.
      if (!seen.has(name)) add(timeField(group, name.slice(group.length + 1)))
    } else add(dimension(name, label ?? titleCase(fieldPart(name))))
  }
  const measures = def.measures.map(measure)
  const views = new Set([...dimensions, ...measures].map((f) => f.view))
  views.delete(def.explore)
  return {
    model: def.model,
    modelLabel: def.modelLabel,
    name: def.explore,
    label: def.exploreLabel,
    baseView: def.explore,
    joins: [...views],
    dimensions,
    measures,
  }
}

const EXPLORE_CATALOG: CatalogExplore[] = EXPLORES.map(buildExplore)
const byKey = new Map(EXPLORE_CATALOG.map((e) => [`${e.model}::${e.name}`, e]))
const fieldIndex = new Map(
  EXPLORE_CATALOG.map((e) => [e, new Map([...e.dimensions, ...e.measures].map((f) => [f.name, f]))]),
)

export const MODELS: CatalogModel[] = [...new Set(EXPLORE_CATALOG.map((e) => e.model))].map((name) => {
  const explores = EXPLORE_CATALOG.filter((e) => e.model === name)
  return { name, label: explores[0]?.modelLabel ?? titleCase(name), explores }
})

export function findModel(name: string): CatalogModel | undefined {
  return MODELS.find((m) => m.name === name)
}

export function findExplore(model: string, explore: string): CatalogExplore | undefined {
  return byKey.get(`${model}::${explore}`)
}

export function exploreField(explore: CatalogExplore, name: string): CatalogField | undefined {
  return fieldIndex.get(explore)?.get(name)
}

/** Every field any seeded explore declares, by name (a field joined into two explores is the same field). */
export const ALL_FIELDS: ReadonlyMap<string, CatalogField> = new Map(
  EXPLORE_CATALOG.flatMap((e) => [...e.dimensions, ...e.measures]).map((f) => [f.name, f]),
)
