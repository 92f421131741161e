import { isMeasureField } from '../render/data-fields'
import type { QuerySpec } from '../render/data'
import { EXPLORES } from './vocab'

/** Every field the seeded models declare, by role: the simulator's stand-in for LookML. */
const DECLARED_MEASURES = new Set(EXPLORES.flatMap((e) => e.measures.map((m) => m.name)))
const DECLARED_DIMENSIONS = new Set(EXPLORES.flatMap((e) => e.dimensions.map((d) => d.name)))

/** Whether a field is a measure: what the seeded model declares, else (a field it does not know) its name. */
export function isDeclaredMeasure(field: string): boolean {
  if (DECLARED_MEASURES.has(field)) return true
  if (DECLARED_DIMENSIONS.has(field)) return false
  return isMeasureField(field)
}

/**
 * The query as the data generator should see it: with the list of its fields (and filter fields) that are
 * measures, so "sessions.unique_visitors" yields numbers rather than made-up category text.
 */
export function withDeclaredMeasures<Q extends QuerySpec>(query: Q): Q & { measures: string[] } {
  const names = new Set([...query.fields, ...Object.keys(query.filters ?? {})])
  return { ...query, measures: [...names].filter(isDeclaredMeasure) }
}
