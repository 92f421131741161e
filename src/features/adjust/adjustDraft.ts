import type { IQuery } from '@looker/sdk/lib/4.0/models'
import { formatSort, MAX_FILTER_LENGTH, MAX_ROW_LIMIT, parseSort, type Adjustments } from './adjustParams'

/**
 * The Adjust editor's form: every filter of the saved look (kept, changed or taken off), the filters
 * added, the row limit as typed, and the sorts. Nothing reaches the URL until it is all valid.
 */
export interface FilterRow {
  field: string
  value: string
  /** The saved look's value; null for a filter added here. */
  saved: string | null
  /** A saved filter taken off. */
  removed: boolean
}

export interface SortRow {
  /** Stable React key: two rows may name the same field while being edited. */
  key: number
  field: string
  desc: boolean
}

export interface Draft {
  filters: FilterRow[]
  limit: string
  sorts: SortRow[]
}

export interface DraftErrors {
  /** By field name. */
  filters: Record<string, string>
  limit?: string
  sorts?: string
}

let sortKeys = 0
export const sortRow = (field: string, desc: boolean): SortRow => ({ key: ++sortKeys, field, desc })

export function draftFrom(saved: IQuery, a: Adjustments): Draft {
  const savedFilters = saved.filters ?? {}
  const removed = new Set(a.unfilter ?? [])
  const filters: FilterRow[] = Object.entries(savedFilters).map(([field, value]) => ({
    field,
    value: a.filters[field] ?? value,
    saved: value,
    removed: removed.has(field) && !(field in a.filters),
  }))
  for (const [field, value] of Object.entries(a.filters)) {
    if (!(field in savedFilters)) filters.push({ field, value, saved: null, removed: false })
  }
  const sorts = (a.sorts ?? saved.sorts ?? [])
    .map((s) => parseSort(s))
    .filter((s) => s !== null)
    .map((s) => sortRow(s.field, s.desc))
  return { filters, limit: String(a.limit ?? saved.limit ?? ''), sorts }
}

export function limitError(text: string, required: boolean): string | null {
  const value = text.trim()
  if (value === '')
    return required ? `Enter a row limit from 1 to ${MAX_ROW_LIMIT.toLocaleString('en-US')}.` : null
  if (!/^\d+$/.test(value)) return 'Must be a whole number of rows.'
  const n = Number(value)
  if (n < 1 || n > MAX_ROW_LIMIT) return `Must be from 1 to ${MAX_ROW_LIMIT.toLocaleString('en-US')} rows.`
  return null
}

/** The changes a valid draft asks for (relative to the saved query), or what is wrong with it. */
export function adjustmentsFrom(
  draft: Draft,
  saved: IQuery,
): { adjustments: Adjustments; errors: DraftErrors | null } {
  const errors: DraftErrors = { filters: {} }
  const filters: Record<string, string> = {}
  const unfilter: string[] = []
  for (const row of draft.filters) {
    if (row.removed) {
      unfilter.push(row.field)
      continue
    }
    const value = row.value.trim()
    if (value === '') errors.filters[row.field] = 'Enter a filter value, or remove the filter.'
    else if (value.length > MAX_FILTER_LENGTH)
      errors.filters[row.field] = `At most ${MAX_FILTER_LENGTH} characters.`
    else if (value !== row.saved) filters[row.field] = value
  }
  const limitProblem = limitError(draft.limit, saved.limit != null && saved.limit !== '')
  if (limitProblem) errors.limit = limitProblem
  const fields = draft.sorts.map((s) => s.field)
  if (fields.some((f, i) => fields.indexOf(f) !== i)) errors.sorts = 'Sort on each field only once.'
  else if (draft.sorts.length === 0 && (saved.sorts ?? []).length > 0)
    errors.sorts = 'Keep at least one sort (the look has sorts, and Looker needs one to order the rows).'
  const invalid = Object.keys(errors.filters).length > 0 || errors.limit || errors.sorts
  const limit = draft.limit.trim() === '' ? null : Number(draft.limit.trim())
  return {
    adjustments: {
      filters,
      unfilter: unfilter.length > 0 ? unfilter : null,
      limit,
      sorts: draft.sorts.length > 0 ? draft.sorts.map(formatSort) : null,
    },
    errors: invalid ? errors : null,
  }
}
