import {
  field,
  intParam,
  listParam,
  textValueParam,
  urlCodec,
  type InvalidParam,
  type UrlCodec,
} from '../../lib/urlState'

/**
 * What an adjusted variant changes in a look's query, kept in the URL so a link reproduces it. The
 * parameters follow Looker's own explore links where it has them (`f[field]=value`, `sorts`, `limit`):
 *
 *   /looks/5/render?f[ledger.region]=EMEA&unfilter=ledger.posted_date&limit=10&sorts=ledger.net_income+desc
 */
export interface Adjustments {
  /** Filters set or added: field name → Looker filter expression ("EMEA", "-Free", "30 days"). */
  filters: Readonly<Record<string, string>>
  /** Filters of the saved look taken off. */
  unfilter: readonly string[] | null
  /** The query's row limit. */
  limit: number | null
  /** The query's sorts, in order: "field" or "field desc". */
  sorts: readonly string[] | null
}

export const NO_ADJUSTMENTS: Adjustments = { filters: {}, unfilter: null, limit: null, sorts: null }

/** Looker's row limit tops out at 5,000 rows in the explore. */
export const MAX_ROW_LIMIT = 5000
/** Long enough for any real filter expression (a list of ids), short enough to keep links sane. */
export const MAX_FILTER_LENGTH = 1000

/** "view.field" (or a query's own dynamic field, which has no view). */
const FIELD_NAME = /^[A-Za-z0-9_]{1,128}(\.[A-Za-z0-9_]{1,128})?$/
const SORT = /^([A-Za-z0-9_.]+)(?: (asc|desc))?$/i

export const isFieldName = (name: string) => FIELD_NAME.test(name)

/** A sort as written in a URL or a query: its field and whether it is descending. */
export function parseSort(sort: string): { field: string; desc: boolean } | null {
  const match = SORT.exec(sort.trim().replace(/\s+/g, ' '))
  if (!match?.[1] || !isFieldName(match[1])) return null
  return { field: match[1], desc: match[2]?.toLowerCase() === 'desc' }
}

export const formatSort = ({ field: name, desc }: { field: string; desc: boolean }) =>
  desc ? `${name} desc` : name

const restCodec = urlCodec<Adjustments>(NO_ADJUSTMENTS, [
  field('unfilter', listParam(isFieldName)),
  field('limit', intParam(1, MAX_ROW_LIMIT)),
  field(
    'sorts',
    listParam((item) => parseSort(item) !== null),
  ),
])
const filterValue = textValueParam(MAX_FILTER_LENGTH)
const FILTER_PARAM = /^f\[(.*)\]$/

/** The `f[field]=value` family in `search`: [parameter as written, field name, value]. */
const filterParams = (search: URLSearchParams) =>
  [...search].flatMap(([param, value]) => {
    const name = FILTER_PARAM.exec(param)?.[1]
    return name === undefined ? [] : [[param, name, value] as const]
  })

/**
 * The URL codec: the `f[field]` family here, the plain parameters through lib/urlState. (The family stays
 * out of the shared codec, which is on the /looks first load, decision 0012.)
 */
export const adjustCodec: UrlCodec<Adjustments> = {
  defaults: NO_ADJUSTMENTS,
  pageKey: null,
  parse(search) {
    const rest = restCodec.parse(search)
    const filters: Record<string, string> = {}
    const invalid: InvalidParam[] = []
    for (const [param, name, raw] of filterParams(search)) {
      const parsed = isFieldName(name) ? filterValue.parse(raw) : 'invalid'
      if (parsed === 'invalid') invalid.push({ param, value: raw })
      else if (parsed !== 'default') filters[name] = parsed.value
    }
    return { state: { ...rest.state, filters }, invalid: [...invalid, ...rest.invalid] }
  },
  write(state, base = new URLSearchParams()) {
    const next = new URLSearchParams(base)
    for (const [param] of filterParams(next)) next.delete(param)
    for (const [name, value] of Object.entries(state.filters))
      next.set(`f[${name}]`, filterValue.format(value))
    return restCodec.write(state, next)
  },
}

/** The parameters that make up a variant: they follow the user between the Render and Data tabs. */
export const isAdjustParam = (name: string) =>
  name === 'unfilter' || name === 'limit' || name === 'sorts' || FILTER_PARAM.test(name)

const WHY: Record<string, string> = {
  unfilter: 'it must list field names, separated by commas',
  limit: `the row limit must be a whole number from 1 to ${MAX_ROW_LIMIT.toLocaleString('en-US')}`,
  sorts: 'sorts must be field names, each optionally followed by " desc" or " asc"',
}

/** A value of a link that was dropped; `reason` when the look or its explore ruled it out. */
export interface IgnoredAdjustment extends InvalidParam {
  reason?: string
}

/** One sentence per unusable value of a link, for the notice. */
export function describeIgnoredAdjustment({ param, value, reason: known }: IgnoredAdjustment): string {
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value
  const filter = FILTER_PARAM.exec(param)
  const reason =
    known ??
    (filter === null
      ? (WHY[param] ?? 'it is not a value this page understands')
      : !isFieldName(filter[1] ?? '')
        ? `“${filter[1]}” is not a field name`
        : value === ''
          ? 'a filter needs a value'
          : `a filter value may be at most ${MAX_FILTER_LENGTH} characters`)
  return `Ignored ${param}="${shown}": ${reason}.`
}
