import type { LookSearch } from '../../api/looks'
import { toLikePattern } from '../../lib/likePattern'

/**
 * The search page's whole state lives in the URL (`?q=&folder=&sub=&owner=&favorites=&sort=&page=&size=`),
 * so every view is a link. This module is the only place that reads or writes those parameters.
 */

export const SORT_KEYS = ['title', 'updated_at', 'last_viewed_at', 'view_count', 'favorite_count'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export type SortDirection = 'asc' | 'desc'

export const SORT_LABELS: Record<SortKey, string> = {
  title: 'Title',
  updated_at: 'Last updated',
  last_viewed_at: 'Last viewed',
  view_count: 'Views',
  favorite_count: 'Favorites',
}

export const PAGE_SIZES = [25, 50, 100] as const
export type PageSize = (typeof PAGE_SIZES)[number]

export interface SearchState {
  q: string
  folder: string | null
  /** Include the folder's subfolders (only meaningful with a folder). */
  sub: boolean
  owner: string | null
  favorites: boolean
  sort: { key: SortKey; direction: SortDirection }
  /** 1-based. */
  page: number
  size: PageSize
}

export const DEFAULT_STATE: SearchState = {
  q: '',
  folder: null,
  sub: false,
  owner: null,
  favorites: false,
  sort: { key: 'updated_at', direction: 'desc' },
  page: 1,
  size: 50,
}

/** The URL names this page owns; anything else (e.g. the demo's `sim_*`) is left alone. */
export const PARAM_NAMES = ['q', 'folder', 'sub', 'owner', 'favorites', 'sort', 'page', 'size'] as const
export type ParamName = (typeof PARAM_NAMES)[number]

const MAX_QUERY_LENGTH = 200
// Looker ids are opaque strings; in practice digits, sometimes slugs. Reject anything URL-hostile.
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
// A page past this cannot be real at 100 a page; it guards `offset` against absurd numbers.
const MAX_PAGE = 100_000

export interface ParsedSearch {
  state: SearchState
  /** Parameters that were present but invalid: each fell back to its default. */
  invalid: ParamName[]
}

/** Reads the URL. Never throws: a bad value falls back to its default and is reported in `invalid`. */
export function parseSearchParams(params: URLSearchParams): ParsedSearch {
  const invalid: ParamName[] = []
  const state: SearchState = { ...DEFAULT_STATE, sort: { ...DEFAULT_STATE.sort } }
  const read = (name: ParamName) => params.get(name)

  const q = read('q')
  if (q !== null) {
    if (q.length > MAX_QUERY_LENGTH) invalid.push('q')
    else state.q = q
  }
  const folder = read('folder')
  if (folder !== null && folder !== '') {
    if (ID_PATTERN.test(folder)) state.folder = folder
    else invalid.push('folder')
  }
  const sub = read('sub')
  if (sub !== null) {
    const value = parseFlag(sub)
    if (value === null) invalid.push('sub')
    else state.sub = value
  }
  const owner = read('owner')
  if (owner !== null && owner !== '') {
    if (ID_PATTERN.test(owner)) state.owner = owner
    else invalid.push('owner')
  }
  const favorites = read('favorites')
  if (favorites !== null) {
    const value = parseFlag(favorites)
    if (value === null) invalid.push('favorites')
    else state.favorites = value
  }
  const sort = read('sort')
  if (sort !== null) {
    const value = parseSort(sort)
    if (value === null) invalid.push('sort')
    else state.sort = value
  }
  const page = read('page')
  if (page !== null) {
    const value = /^\d{1,6}$/.test(page) ? Number(page) : NaN
    if (value >= 1 && value <= MAX_PAGE) state.page = value
    else invalid.push('page')
  }
  const size = read('size')
  if (size !== null) {
    const value = PAGE_SIZES.find((s) => String(s) === size)
    if (value === undefined) invalid.push('size')
    else state.size = value
  }
  return { state, invalid }
}

function parseFlag(value: string): boolean | null {
  if (value === '1' || value === 'true') return true
  if (value === '0' || value === 'false' || value === '') return false
  return null
}

function parseSort(value: string): SearchState['sort'] | null {
  const match = /^([a-z_]+)(?:[ +](asc|desc))?$/.exec(value.trim())
  if (!match) return null
  const key = SORT_KEYS.find((k) => k === match[1])
  if (!key) return null
  return { key, direction: match[2] === 'desc' ? 'desc' : 'asc' }
}

export const formatSort = (sort: SearchState['sort']) => `${sort.key} ${sort.direction}`

/**
 * Writes the state into `base` (keeping parameters this page does not own). Defaults are left out so
 * links stay short and the plain `/looks` is the default view.
 */
export function toSearchParams(state: SearchState, base = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base)
  for (const name of PARAM_NAMES) next.delete(name)
  if (state.q !== '') next.set('q', state.q)
  if (state.folder) next.set('folder', state.folder)
  if (state.folder && state.sub) next.set('sub', '1')
  if (state.owner) next.set('owner', state.owner)
  if (state.favorites) next.set('favorites', '1')
  if (formatSort(state.sort) !== formatSort(DEFAULT_STATE.sort)) next.set('sort', formatSort(state.sort))
  if (state.page !== DEFAULT_STATE.page) next.set('page', String(state.page))
  if (state.size !== DEFAULT_STATE.size) next.set('size', String(state.size))
  return next
}

/**
 * The search_looks parameters for a state. Looker's `filter_or` ORs *every* criterion, so "title or
 * description" can only be asked when the text is the only criterion; with a folder, owner or
 * favorites filter the text matches titles (see docs/decisions/0005-search-list.md).
 */
export function toLookSearch(state: SearchState, folderIds: string | null): LookSearch {
  const pattern = toLikePattern(state.q)
  const hasFilters = folderIds !== null || state.owner !== null || state.favorites
  const params: LookSearch = {
    deleted: false,
    sorts: formatSort(state.sort),
    limit: state.size,
    offset: (state.page - 1) * state.size,
  }
  if (folderIds !== null) params.folder_id = folderIds
  if (state.owner) params.user_id = state.owner
  // The simulator, like Looker, reads a non-null content_favorite_id as "favorited by the caller".
  if (state.favorites) params.content_favorite_id = 'NOT NULL'
  if (pattern !== undefined) {
    params.title = pattern
    if (!hasFilters) {
      params.description = pattern
      params.filter_or = true
    }
  }
  return params
}

/** True when the text only searches titles because filters are on (the UI says so). */
export function searchesTitlesOnly(state: SearchState): boolean {
  return state.q.trim() !== '' && (state.folder !== null || state.owner !== null || state.favorites)
}
