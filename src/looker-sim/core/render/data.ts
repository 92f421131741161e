import { dateValues, periodsFromFilter } from './data-dates.ts'
import { categoryValues } from './data-domains.ts'
import { dimensionKind, fieldLabel, isMeasureField, measureKind, type DimensionKind } from './data-fields.ts'

export { fieldLabel, isMeasureField } from './data-fields.ts'

export interface QuerySpec {
  fields: string[]
  filters?: Record<string, string> | null
  sorts?: string[] | null
  limit?: string | number | null
  model?: string
  view?: string
  /**
   * The query's fields (and filter fields) that the model declares as measures. Looker knows this from
   * LookML; when given it is authoritative, and the name heuristics are used only when it is absent.
   */
  measures?: readonly string[] | null
  /** Column labels by field name, as the model declares them; fields without one get a label from their name. */
  labels?: Readonly<Record<string, string>> | null
}

export interface DataColumn {
  name: string
  label: string
  isMeasure: boolean
}

export type DataRow = Record<string, unknown>

export interface QueryData {
  columns: DataColumn[]
  rows: DataRow[]
}

export const DEFAULT_LIMIT = 500
export const MAX_LIMIT = 5000
/** Cross products beyond this are cut before sorting, so a silly query cannot stall the page. */
const MAX_GENERATED = 50_000

/** A float in [0, 1) that depends only on the inputs (FNV-1a, then a murmur-style finaliser). */
export function hashFloat(seed: number, ...parts: (string | number)[]): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (const part of parts) {
    const text = String(part) + '\u0001'
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return (h >>> 0) / 4294967296
}

export function parseLimit(limit: QuerySpec['limit']): number {
  const n = typeof limit === 'number' ? limit : Number.parseInt(limit ?? '', 10)
  if (!Number.isFinite(n) || n === 0) return DEFAULT_LIMIT
  return n < 0 ? MAX_LIMIT : Math.min(MAX_LIMIT, Math.floor(n))
}

interface Value {
  value: string | number
  /** Position in the dimension's natural order (chronological for dates). */
  order: number
  weight: number
}

type Predicate = (value: string | number) => boolean

/** Looker filter expressions, simplified: lists, `-x` negation, `%x%` wildcards, comparisons, ranges. */
function parseFilter(expression: string): Predicate | null {
  const text = expression.trim()
  const compare = /^(>=|<=|>|<|=|!=)?\s*(-?\d+(?:\.\d+)?)$/.exec(text)
  if (compare) {
    const n = Number(compare[2])
    const op = compare[1] ?? '='
    const ops: Record<string, (v: number) => boolean> = {
      '>=': (v) => v >= n,
      '<=': (v) => v <= n,
      '>': (v) => v > n,
      '<': (v) => v < n,
      '=': (v) => v === n,
      '!=': (v) => v !== n,
    }
    const test = ops[op] ?? (() => true)
    return (v) => test(Number(v))
  }
  const range = /^(-?\d+(?:\.\d+)?)\s+to\s+(-?\d+(?:\.\d+)?)$/i.exec(text)
  if (range) return (v) => Number(v) >= Number(range[1]) && Number(v) < Number(range[2])
  const terms = text.split(/(?<!\^),/).map((t) => t.trim().replace(/\^,/g, ','))
  const include: Predicate[] = []
  const exclude: Predicate[] = []
  for (const term of terms) {
    if (!term || /^-?(NULL|EMPTY)$/i.test(term)) continue
    const negated = term.startsWith('-')
    const body = (negated ? term.slice(1) : term).toLowerCase()
    const pattern = new RegExp(
      `^${body
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/%/g, '.*')
        .replace(/_/g, '.')}$`,
    )
    const test: Predicate = (v) => pattern.test(String(v).toLowerCase())
    ;(negated ? exclude : include).push(test)
  }
  if (include.length === 0 && exclude.length === 0) return null
  return (v) => (include.length === 0 || include.some((t) => t(v))) && !exclude.some((t) => t(v))
}

function domainOf(field: string, kind: DimensionKind, filter: string | undefined, seed: number): Value[] {
  const withWeights = (values: (string | number)[]) =>
    values.map((value, order) => ({ value, order, weight: 0.25 + 1.5 * hashFloat(seed, field, value) }))
  let values: Value[]
  let known = true
  switch (kind.kind) {
    case 'date': {
      const periods = filter ? periodsFromFilter(filter, kind.grain) : null
      values = dateValues(kind.grain, periods ?? undefined).map((d, order) => ({
        value: d.value,
        order,
        weight: d.weight * (0.92 + 0.16 * hashFloat(seed, field, d.value)),
      }))
      if (periods !== null) return values
      break
    }
    case 'yesno':
      values = withWeights(['Yes', 'No'])
      break
    case 'id':
      values = withWeights(Array.from({ length: 500 }, (_, i) => i + 1))
      break
    case 'number': {
      const span = kind.max - kind.min
      const step = Math.max(1, Math.round(span / 60))
      const numbers: number[] = []
      for (let n = kind.min; n <= kind.max; n += step) numbers.push(n)
      values = withWeights(numbers)
      break
    }
    case 'category': {
      const category = categoryValues(kind.list, fieldLabel(field))
      known = category.known
      values = withWeights(category.values)
    }
  }
  const predicate = filter ? parseFilter(filter) : null
  if (!predicate) return values
  const kept = values.filter((v) => predicate(v.value))
  // A value we never generate (e.g. a custom category) still answers a plain equality filter, but only
  // for made-up lists; for real ones (states, statuses…) an unknown value honestly returns no rows.
  if (kept.length === 0 && !known && filter && !/[%<>-]/.test(filter)) {
    return withWeights(filter.split(',').map((v) => v.trim()))
  }
  return kept
}

/** Value of `measure` for a row with the given combined dimension weight. */
function measureValue(
  measure: string,
  seed: number,
  rowKey: string,
  weight: number,
  grouped: boolean,
): number {
  const scale = hashFloat(seed, measure, 'scale')
  const noise = 0.9 + 0.2 * hashFloat(seed, measure, rowKey)
  const volume = (grouped ? 1 : 40) * weight
  switch (measureKind(measure)) {
    case 'count':
      return Math.max(0, Math.round(10 ** (2.3 + 1.2 * scale) * volume * noise))
    case 'currency':
      return Math.round(10 ** (2.3 + 1.2 * scale) * (25 + 60 * scale) * volume * noise * 100) / 100
    case 'average':
      return Math.round((15 + 135 * scale) * weight ** 0.25 * noise * 100) / 100
    case 'ratio':
      return Math.round(Math.min(1, (0.05 + 0.5 * scale) * weight ** 0.3 * noise) * 10_000) / 10_000
    case 'number':
      return Math.round((10 + 990 * scale) * weight ** 0.5 * noise * 10) / 10
  }
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const x = String(a)
  const y = String(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * Deterministic, realistic-looking results for a Looker query: dimensions become the cross product of
 * their value lists (months, states, categories…), measures are seeded functions of the row, so the same
 * query and seed always give the same rows, regardless of limit or sort.
 */
export function generateQueryData(query: QuerySpec, seed: number): QueryData {
  const fields = [...new Set(query.fields)].filter((f) => f.trim() !== '')
  const declared = query.measures ? new Set(query.measures) : null
  const isMeasure = (name: string) => (declared ? declared.has(name) : isMeasureField(name))
  const columns = fields.map((name) => ({
    name,
    label: query.labels?.[name] ?? fieldLabel(name, query.view),
    isMeasure: isMeasure(name),
  }))
  const dimensions = columns.filter((c) => !c.isMeasure).map((c) => c.name)
  const measures = columns.filter((c) => c.isMeasure).map((c) => c.name)
  const filters = query.filters ?? {}
  const filterFor = (field: string) => {
    const own = filters[field]
    if (own !== undefined) return own
    // A date filter on another timeframe of the same dimension group (created_date vs created_month).
    const base = field.replace(/_[a-z]+$/, '')
    const sibling = Object.keys(filters).find((k) => k !== field && k.replace(/_[a-z]+$/, '') === base)
    return sibling && dimensionKind(sibling).kind === 'date' ? filters[sibling] : undefined
  }
  const kinds = dimensions.map((d) => dimensionKind(d))
  const domains = dimensions.map((d, i) => domainOf(d, kinds[i] as DimensionKind, filterFor(d), seed))

  // Filters on fields that are not in the query narrow the population, so shrink every measure.
  const selected = new Set(fields)
  let filterFactor = 1
  for (const [field, expression] of Object.entries(filters)) {
    if (!selected.has(field) && !isMeasure(field) && expression.trim() && !filterFor(field)) {
      filterFactor *= 0.15 + 0.6 * hashFloat(seed, field, expression)
    }
  }

  const total = domains.reduce((n, d) => n * d.length, 1)
  const count = dimensions.length === 0 ? 1 : Math.min(total, MAX_GENERATED)
  const rows: { row: DataRow; orders: number[] }[] = []
  for (let index = 0; index < count; index++) {
    // Mixed-radix digits of `index`, the last dimension varying fastest.
    const picked: Value[] = []
    let rest = index
    for (let d = dimensions.length - 1; d >= 0; d--) {
      const domain = domains[d] as Value[]
      picked[d] = domain[rest % domain.length] as Value
      rest = Math.floor(rest / domain.length)
    }
    const row: DataRow = {}
    let weight = filterFactor
    dimensions.forEach((field, d) => {
      const v = picked[d] as Value
      row[field] = v.value
      weight *= v.weight
    })
    const orders = picked.map((v) => v.order)
    const key = dimensions.map((d) => String(row[d])).join('\u0002')
    for (const m of measures) row[m] = measureValue(m, seed, key, weight, dimensions.length > 0)
    rows.push({ row, orders })
  }

  const kept = rows.filter(({ row }) =>
    measures.every((m) => {
      const expression = filters[m]
      const predicate = expression ? parseFilter(expression) : null
      return !predicate || predicate(row[m] as number)
    }),
  )
  const sorts = parseSorts(query.sorts, fields, dimensions, measures, kinds)
  kept.sort((a, b) => {
    for (const { field, desc } of sorts) {
      const d = dimensions.indexOf(field)
      const kind = kinds[d]
      const c =
        d >= 0 && kind?.kind === 'date'
          ? (a.orders[d] ?? 0) - (b.orders[d] ?? 0)
          : compareValues(a.row[field], b.row[field])
      if (c !== 0) return desc ? -c : c
    }
    return 0
  })
  return { columns, rows: kept.slice(0, parseLimit(query.limit)).map((r) => r.row) }
}

/**
 * Explicit sorts ("field desc") for fields in the query; otherwise Looker's default: newest first on
 * the first date dimension, else the first measure descending, else the first dimension ascending.
 */
function parseSorts(
  sorts: QuerySpec['sorts'],
  fields: string[],
  dimensions: string[],
  measures: string[],
  kinds: DimensionKind[],
): { field: string; desc: boolean }[] {
  const explicit = (sorts ?? [])
    .map((s) => s.trim().split(/\s+/))
    .filter(([field]) => field !== undefined && fields.includes(field))
    .map(([field, direction]) => ({ field: field as string, desc: direction?.toLowerCase() === 'desc' }))
  if (explicit.length > 0) return explicit
  const dateIndex = kinds.findIndex((k) => k.kind === 'date')
  const dateField = dimensions[dateIndex]
  if (dateField) return [{ field: dateField, desc: true }]
  if (measures[0]) return [{ field: measures[0], desc: true }]
  return dimensions[0] ? [{ field: dimensions[0], desc: false }] : []
}
