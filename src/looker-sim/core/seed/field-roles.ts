import { ALL_FIELDS } from '../lookml/catalog'
import { dynamicFieldsOf } from '../lookml/dynamic-fields'
import { isMeasureField } from '../render/data-fields'
import type { QuerySpec } from '../render/data'

/** Whether a field is a measure: what the seeded model declares, else (a field it does not know) its name. */
export function isDeclaredMeasure(field: string): boolean {
  const declared = ALL_FIELDS.get(field)
  return declared ? declared.category === 'measure' : isMeasureField(field)
}

/**
 * The query as the data generator should see it: with the list of its fields (and filter fields) that are
 * measures, so "sessions.unique_visitors" yields numbers rather than made-up category text, and the column
 * labels the model (or the query's own dynamic fields) gives them, so downloads and charts read as Looker's.
 */
export function withDeclaredMeasures<Q extends QuerySpec & { dynamic_fields?: string | null }>(
  query: Q,
): Q & { measures: string[]; labels: Record<string, string> } {
  const dynamic = new Map(dynamicFieldsOf(query.dynamic_fields).map((d) => [d.name, d]))
  const names = new Set([...query.fields, ...Object.keys(query.filters ?? {})])
  const isMeasure = (name: string) => dynamic.get(name)?.isMeasure ?? isDeclaredMeasure(name)
  const labels: Record<string, string> = {}
  for (const name of query.fields) {
    const label = ALL_FIELDS.get(name)?.label ?? dynamic.get(name)?.label
    if (label !== undefined) labels[name] = label
  }
  return { ...query, measures: [...names].filter(isMeasure), labels }
}
