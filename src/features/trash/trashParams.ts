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

export const PAGE_SIZES = [25, 50, 100] as const
export const UNUSED_DAYS = [30, 60, 90, 180, 365] as const

export interface TrashParams {
  tab: TrashTab
  q: string
  owner: string | null
  folder: string | null
  sort: TrashSort
  unusedSort: UnusedSort
  days: number
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
  page: 1,
  size: 50,
}

const ID = /^[A-Za-z0-9_-]{1,40}$/
const MAX_QUERY = 200

export interface ParsedParams {
  params: TrashParams
  /** One sentence per ignored value, for a notice. */
  notices: string[]
}

const isOneOf = <T extends string | number>(list: readonly T[], value: unknown): value is T =>
  (list as readonly unknown[]).includes(value)

export function parseTrashParams(search: URLSearchParams): ParsedParams {
  const params = { ...DEFAULT_PARAMS }
  const notices: string[] = []
  const read = (key: string) => {
    const value = search.get(key)
    return value === null || value.trim() === '' ? null : value.trim()
  }
  const reject = (key: string, value: string, fallback: string) =>
    notices.push(`Ignored ${key}="${value.slice(0, 40)}": ${fallback}.`)

  const tab = read('tab')
  if (tab !== null) {
    if (tab === 'trash' || tab === 'unused') params.tab = tab
    else reject('tab', tab, 'showing the trash')
  }
  // Not trimmed: the box echoes the URL, and a trailing space is the user still typing.
  const q = search.get('q')
  if (q !== null && q.trim() !== '') params.q = q.slice(0, MAX_QUERY)
  for (const key of ['owner', 'folder'] as const) {
    const value = read(key)
    if (value === null) continue
    if (ID.test(value)) params[key] = value
    else reject(key, value, 'not a valid id')
  }
  const sort = read('sort')
  if (sort !== null) {
    // Own keys only: `in` would also accept the prototype's names (sort=constructor, sort=toString).
    if (params.tab === 'unused' && Object.hasOwn(UNUSED_SORTS, sort)) params.unusedSort = sort as UnusedSort
    else if (params.tab === 'trash' && Object.hasOwn(TRASH_SORTS, sort)) params.sort = sort as TrashSort
    else reject('sort', sort, 'using the default order')
  }
  const days = read('days')
  if (days !== null) {
    if (isOneOf(UNUSED_DAYS, Number(days))) params.days = Number(days)
    else reject('days', days, `using ${DEFAULT_PARAMS.days} days`)
  }
  const size = read('size')
  if (size !== null) {
    if (isOneOf(PAGE_SIZES, Number(size))) params.size = Number(size)
    else reject('size', size, `showing ${DEFAULT_PARAMS.size} a page`)
  }
  const page = read('page')
  if (page !== null) {
    const n = Number(page)
    if (Number.isInteger(n) && n >= 1 && n <= 100_000) params.page = n
    else reject('page', page, 'showing the first page')
  }
  return { params, notices }
}

/** Only non-default values go into the URL, so the plain /trash stays plain. */
export function toSearchParams(params: TrashParams): URLSearchParams {
  const out = new URLSearchParams()
  const d = DEFAULT_PARAMS
  if (params.tab !== d.tab) out.set('tab', params.tab)
  if (params.tab === 'trash') {
    if (params.q) out.set('q', params.q)
    if (params.owner) out.set('owner', params.owner)
    if (params.folder) out.set('folder', params.folder)
    if (params.sort !== d.sort) out.set('sort', params.sort)
  } else {
    if (params.days !== d.days) out.set('days', String(params.days))
    if (params.unusedSort !== d.unusedSort) out.set('sort', params.unusedSort)
  }
  if (params.page !== d.page) out.set('page', String(params.page))
  if (params.size !== d.size) out.set('size', String(params.size))
  return out
}
