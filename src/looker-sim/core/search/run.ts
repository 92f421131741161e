import { combine, compileCriteria, parseBoolean, type CriteriaInput, type SearchFields } from './criteria'
import { pageWindow, type PagingInput } from './paging'
import { parseSorts, sortRecords, type SortGetters } from './sort'

export interface SearchParams extends PagingInput {
  criteria: CriteriaInput
  filter_or?: boolean | string
  sorts?: string
}

export interface SearchSpec<R, C> {
  fields: SearchFields<R, C>
  sorts: SortGetters<R, C>
  /** Always applied (AND), whatever filter_or says: visibility, live/deleted scope. */
  scope: (record: R, context: C) => boolean
  tieBreak: (record: R) => number
  /**
   * Optional cache of every record pre-sorted for a `sorts` value: return `compute()`'s result, cached,
   * or undefined when the order depends on the caller and must not be shared.
   */
  presorted?: (sorts: string, compute: () => R[]) => R[] | undefined
}

export interface SearchResult<R> {
  items: R[]
  /** Matches before paging: what X-Total-Count reports. */
  total: number
}

/** The generic search behind /looks/search, /folders/search, /users/search and folder children. */
export function runSearch<R, C>(
  records: Iterable<R>,
  spec: SearchSpec<R, C>,
  params: SearchParams,
  context: C,
): SearchResult<R> {
  const filterOr = params.filter_or === undefined ? false : parseBoolean('filter_or', params.filter_or)
  const matches = combine(compileCriteria(spec.fields, params.criteria), filterOr)
  const sortKeys = parseSorts(params.sorts, spec.sorts)
  const sorts = (params.sorts ?? '').trim()
  const presorted =
    sortKeys.length > 0
      ? spec.presorted?.(sorts, () => sortRecords([...records], sortKeys, context, spec.tieBreak))
      : undefined
  const hits: R[] = []
  for (const record of presorted ?? records) {
    if (spec.scope(record, context) && matches(record, context)) hits.push(record)
  }
  const ordered = presorted ? hits : sortRecords(hits, sortKeys, context, spec.tieBreak)
  const [start, end] = pageWindow(
    { limit: params.limit, offset: params.offset, page: params.page, per_page: params.per_page },
    ordered.length,
  )
  return { items: ordered.slice(start, end), total: ordered.length }
}

export const numericId = (record: { id: string }): number => {
  const value = Number(record.id)
  return Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER
}
