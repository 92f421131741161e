import type { ILook } from '@looker/sdk/lib/4.0/models'
import type { LookSearch } from '../../api/looks'
import { parseLookerDate } from '../../lib/dates'
import { toLikePattern } from '../../lib/likePattern'
import {
  field,
  idParam,
  keyOfParam,
  oneOfParam,
  pageParam,
  pageSizeParam,
  textParam,
  urlCodec,
  describeIgnoredParam,
  type ParamCodec,
} from '../../lib/urlState'

/**
 * The trash page's URL is its state (?tab=&q=&owner=&folder=&sort=&page=&size=&days=), like the search
 * page: shareable, and Back/Forward work. Bad values fall back to defaults with a short notice.
 */

export type TrashTab = 'trash' | 'unused'

export const TRASH_SORTS = {
  'deleted_at desc': 'Deleted: newest first',
  deleted_at: 'Deleted: oldest first',
  title: 'Title: A–Z',
  'title desc': 'Title: Z–A',
  // search_looks cannot sort by owner name (no such sortable field), only by user_id: the label says so,
  // since a list ordered by id under a plain "Owner" looks random (decision 0007).
  'user_id,deleted_at desc': 'Owner (by user ID)',
} as const
export type TrashSort = keyof typeof TRASH_SORTS

export const UNUSED_SORTS = {
  last_viewed_at: 'Last viewed: longest ago first',
  title: 'Title: A–Z',
  view_count: 'Fewest views first',
} as const
export type UnusedSort = keyof typeof UNUSED_SORTS

export const UNUSED_DAYS = [30, 60, 90, 180, 365] as const

/**
 * What Looker's Unused Content page leaves out, in the order a left-out look is counted (each under its
 * first reason). Each is a filter the admin can switch off.
 */
export const UNUSED_REASONS = {
  public: 'Public',
  favorite: 'Favorited',
  scheduled: 'Scheduled',
  dashboard: 'On a dashboard',
} as const
export type UnusedReason = keyof typeof UNUSED_REASONS
const REASON_ORDER = Object.keys(UNUSED_REASONS) as UnusedReason[]

/** The reasons switched off (`show=scheduled,dashboard`: those looks are listed too), in a fixed order. */
const reasonsParam: ParamCodec<UnusedReason[]> = {
  parse: (raw) => {
    const items = raw
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)
    if (items.some((item) => !Object.hasOwn(UNUSED_REASONS, item))) return 'invalid'
    return { value: REASON_ORDER.filter((reason) => items.includes(reason)) }
  },
  format: (value) => REASON_ORDER.filter((reason) => value.includes(reason)).join(','),
}

export interface TrashParams {
  tab: TrashTab
  q: string
  owner: string | null
  folder: string | null
  sort: TrashSort
  unusedSort: UnusedSort
  days: number
  /** Kinds of use the Unused tab does not leave out (all are left out by default). */
  show: UnusedReason[]
  page: number
  size: number
}

export const DEFAULT_PARAMS: TrashParams = {
  tab: 'trash',
  q: '',
  owner: null,
  folder: null,
  sort: 'deleted_at desc',
  unusedSort: 'last_viewed_at',
  days: 90,
  show: [],
  page: 1,
  size: 50,
}

const onTrashTab = (p: TrashParams) => p.tab === 'trash'
const onUnusedTab = (p: TrashParams) => p.tab === 'unused'

/** The URL: each tab writes its own filters and order (`sort` is the open tab's order). */
export const trashCodec = urlCodec<TrashParams>(
  DEFAULT_PARAMS,
  [
    field('tab', keyOfParam({ trash: 1, unused: 1 })),
    field('q', textParam, { writeIf: onTrashTab }),
    field('owner', idParam, { writeIf: onTrashTab }),
    field('folder', idParam, { writeIf: onTrashTab }),
    field('sort', keyOfParam(TRASH_SORTS), { readIf: onTrashTab }),
    field('days', oneOfParam<number>(UNUSED_DAYS), { writeIf: onUnusedTab }),
    field('show', reasonsParam, { writeIf: onUnusedTab }),
    field('unusedSort', keyOfParam(UNUSED_SORTS), { param: 'sort', readIf: onUnusedTab }),
    field('page', pageParam),
    field('size', pageSizeParam),
  ],
  'page',
)

/** What the notice says instead of each unusable value. */
const FALLBACK: Record<string, string> = {
  tab: 'showing the trash',
  q: 'too long to search for',
  owner: 'not a valid id',
  folder: 'not a valid id',
  sort: 'using the default order',
  days: `using ${DEFAULT_PARAMS.days} days`,
  show: 'leaving out every kind of use',
  page: 'showing the first page',
  size: `showing ${DEFAULT_PARAMS.size} a page`,
}

/** One sentence per ignored value, for the page's notice. */
export const describeIgnored = describeIgnoredParam(FALLBACK)

export interface ParsedParams {
  params: TrashParams
  /** One sentence per ignored value, for a notice. */
  notices: string[]
}

export function parseTrashParams(search: URLSearchParams): ParsedParams {
  const { state, invalid } = trashCodec.parse(search)
  return { params: state, notices: invalid.map(describeIgnored) }
}

/** Only non-default values go into the URL (over `base`, whose other parameters are kept). */
export function toSearchParams(params: TrashParams, base?: URLSearchParams): URLSearchParams {
  return trashCodec.write(params, base)
}

/** The search_looks parameters of the trash's filters (title words follow the search page's rule). */
export function trashSearch(p: TrashParams): Omit<LookSearch, 'limit' | 'offset'> {
  return {
    deleted: true,
    title: toLikePattern(p.q),
    user_id: p.owner ?? undefined,
    folder_id: p.folder ?? undefined,
    sorts: p.sort,
  }
}

/** The unused list in the chosen order (it is loaded whole, so it is sorted here). */
export function sortUnused(looks: readonly ILook[], sort: UnusedSort): ILook[] {
  const copy = [...looks]
  if (sort === 'title') return copy.sort((a, b) => (a.title ?? '').localeCompare(b.title ?? ''))
  if (sort === 'view_count') return copy.sort((a, b) => (a.view_count ?? 0) - (b.view_count ?? 0))
  // Never viewed first, then the longest ago.
  const viewed = (look: ILook) => parseLookerDate(look.last_viewed_at)?.getTime() ?? -Infinity
  return copy.sort((a, b) => viewed(a) - viewed(b))
}
