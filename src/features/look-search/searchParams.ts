import type { LookSearch } from '../../api/looks'
import { toLikePattern } from '../../lib/likePattern'
import {
  field,
  flagParam,
  idParam,
  pageParam,
  pageSizeParam,
  textParam,
  urlCodec,
  type PageSize,
  type ParamCodec,
} from '../../lib/urlState'

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

export const formatSort = (sort: SearchState['sort']) => `${sort.key} ${sort.direction}`

const sortParam: ParamCodec<SearchState['sort']> = {
  parse: (raw) => {
    const match = /^([a-z_]+)(?:[ +](asc|desc))?$/.exec(raw.trim())
    const key = SORT_KEYS.find((k) => k === match?.[1])
    return key ? { value: { key, direction: match?.[2] === 'desc' ? 'desc' : 'asc' } } : 'invalid'
  },
  format: formatSort,
}

/** The URL (`?q=&folder=&sub=&owner=&favorites=&sort=&page=&size=`): the only reader and writer of it. */
export const searchCodec = urlCodec<SearchState>(
  DEFAULT_STATE,
  [
    field('q', textParam),
    field('folder', idParam),
    field('sub', flagParam, { writeIf: (state) => state.folder !== null }),
    field('owner', idParam),
    field('favorites', flagParam),
    field('sort', sortParam),
    field('page', pageParam),
    field('size', pageSizeParam),
  ],
  'page',
)

/** The URL names this page owns; anything else (e.g. the demo's `sim_*`) is left alone. */
export type ParamName = 'q' | 'folder' | 'sub' | 'owner' | 'favorites' | 'sort' | 'page' | 'size'

export interface ParsedSearch {
  state: SearchState
  /** Parameters that were present but invalid: each fell back to its default. */
  invalid: ParamName[]
}

/** Reads the URL. Never throws: a bad value falls back to its default and is reported in `invalid`. */
export function parseSearchParams(params: URLSearchParams): ParsedSearch {
  const { state, invalid } = searchCodec.parse(params)
  return { state, invalid: invalid.map((i) => i.param as ParamName) }
}

/** Writes the state into `base`, keeping parameters this page does not own; defaults are left out. */
export function toSearchParams(state: SearchState, base?: URLSearchParams): URLSearchParams {
  return searchCodec.write(state, base)
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
