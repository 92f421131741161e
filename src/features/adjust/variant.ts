import type { IQuery, IWriteQuery } from '@looker/sdk/lib/4.0/models'
import {
  formatSort,
  isFieldName,
  NO_ADJUSTMENTS,
  parseSort,
  type Adjustments,
  type IgnoredAdjustment,
} from './adjustParams'

/**
 * The adjusted variant of a look: its saved query with the changes of an `Adjustments`. Pure functions,
 * so the URL, the chips, the title proposal and the query sent to Looker all agree.
 */

/** A field's name as people read it ("Ledger Region"); the field name itself when unknown. */
export type LabelOf = (field: string) => string

const sameSorts = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((sort, i) => sameSort(sort, b[i] ?? ''))

function sameSort(a: string, b: string): boolean {
  const x = parseSort(a)
  const y = parseSort(b)
  return x !== null && y !== null && x.field === y.field && x.desc === y.desc
}

const savedLimit = (query: IQuery): number | null => {
  const n = Number(query.limit)
  return Number.isInteger(n) && n > 0 ? n : null
}

/**
 * The changes that really change something: a filter set to its saved value, taking off a filter the look
 * does not have, the saved limit or the saved sorts are no change at all.
 */
export function normalize(adjustments: Adjustments, saved: IQuery): Adjustments {
  const savedFilters = saved.filters ?? {}
  const filters = Object.fromEntries(
    Object.entries(adjustments.filters).filter(([name, value]) => savedFilters[name] !== value),
  )
  const unfilter = (adjustments.unfilter ?? []).filter(
    (name, i, all) => name in savedFilters && !(name in adjustments.filters) && all.indexOf(name) === i,
  )
  const limit = adjustments.limit === savedLimit(saved) ? null : adjustments.limit
  const sorts =
    adjustments.sorts && !sameSorts(adjustments.sorts, saved.sorts ?? []) ? adjustments.sorts : null
  return { filters, unfilter: unfilter.length > 0 ? unfilter : null, limit, sorts }
}

export const isAdjusted = (a: Adjustments) =>
  Object.keys(a.filters).length > 0 || (a.unfilter?.length ?? 0) > 0 || a.limit !== null || a.sorts !== null

/** The saved query's filters with the changes made. */
export function adjustedFilters(saved: IQuery, a: Adjustments): Record<string, string> {
  const filters: Record<string, string> = { ...(saved.filters ?? {}) }
  for (const name of a.unfilter ?? []) delete filters[name]
  return { ...filters, ...a.filters }
}

/**
 * The new query to ask create_query for: every writable parameter of the saved one, with the changes.
 * `filter_config` is Looker's editor state for the filters; it would show the old filters in Looker's
 * explore, so it goes when the filters change (Looker rebuilds it from `filters`). No `client_id`: Looker
 * gives one, and equal parameters give back the same query.
 */
export function adjustedQuery(saved: IQuery, a: Adjustments): IWriteQuery {
  const filtersChanged = Object.keys(a.filters).length > 0 || (a.unfilter?.length ?? 0) > 0
  return {
    model: saved.model,
    view: saved.view,
    fields: saved.fields ?? null,
    pivots: saved.pivots ?? null,
    fill_fields: saved.fill_fields ?? null,
    filters: adjustedFilters(saved, a),
    filter_expression: saved.filter_expression ?? null,
    sorts: a.sorts ? [...a.sorts] : (saved.sorts ?? null),
    limit: a.limit !== null ? String(a.limit) : (saved.limit ?? null),
    column_limit: saved.column_limit ?? null,
    total: saved.total ?? null,
    row_total: saved.row_total ?? null,
    subtotals: saved.subtotals ?? null,
    vis_config: saved.vis_config ?? null,
    filter_config: filtersChanged ? null : (saved.filter_config ?? null),
    visible_ui_sections: saved.visible_ui_sections ?? null,
    dynamic_fields: saved.dynamic_fields ?? null,
    query_timezone: saved.query_timezone ?? null,
  }
}

/** One change, as a chip shows it, with the adjustments that remain without it. */
export interface Change {
  key: string
  /** "Ledger Region is EMEA" */
  text: string
  before: string | null
  after: string | null
  /** Short, for titles and labels: "Region EMEA". */
  brief: string
  without: Adjustments
}

const sortText = (sorts: readonly string[], labelOf: LabelOf) =>
  sorts
    .map((s) => parseSort(s))
    .filter((s) => s !== null)
    .map((s) => `${labelOf(s.field)}${s.desc ? ' ↓' : ' ↑'}`)
    .join(', ')

/** The changes one by one, in a stable order: filters (as the explore lists them), removals, limit, sorts. */
export function describeChanges(
  a: Adjustments,
  saved: IQuery,
  labelOf: LabelOf,
  shortOf = labelOf,
): Change[] {
  const savedFilters = saved.filters ?? {}
  const changes: Change[] = []
  for (const [name, value] of Object.entries(a.filters)) {
    const rest = { ...a.filters }
    delete rest[name]
    const before = savedFilters[name] ?? null
    changes.push({
      key: `f:${name}`,
      text: `${labelOf(name)} is ${value}`,
      before,
      after: value,
      brief: `${shortOf(name)} ${value}`,
      without: { ...a, filters: rest },
    })
  }
  for (const name of a.unfilter ?? []) {
    const rest = (a.unfilter ?? []).filter((n) => n !== name)
    changes.push({
      key: `u:${name}`,
      text: `No filter on ${labelOf(name)}`,
      before: savedFilters[name] ?? null,
      after: null,
      brief: `any ${shortOf(name)}`,
      without: { ...a, unfilter: rest.length > 0 ? rest : null },
    })
  }
  if (a.limit !== null) {
    const rows = a.limit.toLocaleString('en-US')
    changes.push({
      key: 'limit',
      text: `Row limit ${rows}`,
      before: saved.limit ?? null,
      after: String(a.limit),
      brief: a.limit === 1 ? 'top row' : `top ${rows}`,
      without: { ...a, limit: null },
    })
  }
  if (a.sorts !== null) {
    changes.push({
      key: 'sorts',
      text: `Sorted by ${sortText(a.sorts, labelOf)}`,
      before: sortText(saved.sorts ?? [], labelOf) || null,
      after: sortText(a.sorts, labelOf),
      brief: `by ${sortText(a.sorts, shortOf)}`,
      without: { ...a, sorts: null },
    })
  }
  return changes
}

/** Looker's title limit. */
export const MAX_TITLE_LENGTH = 255

/** "Gross margin % — board view (Region EMEA, top 10)": the look's title and what differs, within 255. */
export function proposeTitle(title: string, changes: readonly Change[]): string {
  const base = title.trim() || 'Untitled look'
  if (changes.length === 0) return base.slice(0, MAX_TITLE_LENGTH)
  const suffix = ` (${changes.map((c) => c.brief).join(', ')})`
  if (base.length + suffix.length <= MAX_TITLE_LENGTH) return base + suffix
  return `${base.slice(0, Math.max(0, MAX_TITLE_LENGTH - suffix.length - 1))}…${suffix}`.slice(
    0,
    MAX_TITLE_LENGTH,
  )
}

/** The fields a query may name: those of its explore, or a query's own dynamic fields. */
export interface FieldCatalog {
  has(field: string): boolean
}

/**
 * What a link asks for that this look cannot do, once its query and explore are known: filters on
 * fields the explore lacks, sorts on fields the query does not select. Returns the usable rest.
 */
export function checkAgainst(
  a: Adjustments,
  saved: IQuery,
  catalog: FieldCatalog | null,
): { adjustments: Adjustments; ignored: IgnoredAdjustment[] } {
  const ignored: IgnoredAdjustment[] = []
  const dynamic = new Set(dynamicFieldNames(saved.dynamic_fields))
  const known = (name: string) => catalog === null || catalog.has(name) || dynamic.has(name)
  const filters: Record<string, string> = {}
  for (const [name, value] of Object.entries(a.filters)) {
    if (known(name)) filters[name] = value
    else ignored.push({ param: `f[${name}]`, value, reason: `the look's explore has no field “${name}”` })
  }
  let sorts = a.sorts
  const selected = new Set(saved.fields ?? [])
  const unselected = (a.sorts ?? []).map((s) => parseSort(s)?.field ?? '').filter((f) => !selected.has(f))
  if (unselected.length > 0) {
    ignored.push({
      param: 'sorts',
      value: (a.sorts ?? []).join(','),
      reason: `the look can only sort on the fields it shows, not “${unselected.join('”, “')}”`,
    })
    sorts = null
  }
  return { adjustments: { ...a, filters, sorts }, ignored }
}

/** Names of the query's own custom fields (its `dynamic_fields` JSON), which filters may use too. */
function dynamicFieldNames(json: string | null | undefined): string[] {
  if (!json) return []
  try {
    const parsed: unknown = JSON.parse(json)
    if (!Array.isArray(parsed)) return []
    return parsed
      .map((d: unknown) => {
        const entry = d as Record<string, unknown> | null
        const name = entry?.table_calculation ?? entry?.measure ?? entry?.dimension
        return typeof name === 'string' ? name : ''
      })
      .filter(isFieldName)
  } catch {
    return []
  }
}

export { formatSort, NO_ADJUSTMENTS }
