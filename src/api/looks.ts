import type {
  ILook,
  ILookWithQuery,
  IRequestSearchLooks,
  IWriteLookWithQuery,
} from '@looker/sdk/lib/4.0/models'
import { queryOptions, type Query, type QueryFilters, type QueryKey } from '@tanstack/react-query'
import { http, seg, send } from '../lib/http'
import type { RunFormat, RunOptions } from './queries'

export type LookSearch = Omit<IRequestSearchLooks, 'fields' | 'page' | 'per_page'> & { deleted: boolean }

export interface LookPage {
  looks: ILook[]
  /** From X-Total-Count when the server sends it (and CORS exposes it); otherwise unknown. */
  total: number | null
}

/**
 * Exactly what a search result row shows (and `folder_id`, so pointing at a row can prefetch the folders its
 * look page's breadcrumb shows), and no more: a page of 50 is about a fifth of the full looks
 * (see `npm run bench:search`). search_looks returns `Look`, which has no `query`: a row shows the look's
 * visualization as its content_thumbnail, keyed by `updated_at` (docs/decisions/0018).
 */
export const LOOK_LIST_FIELDS =
  'id,title,description,folder_id,folder(name),user_name,updated_at,view_count,content_favorite_id'

/**
 * search_looks: GET /looks/search. `deleted` is required on purpose: the spec is ambiguous about what
 * an omitted `deleted` returns, so every caller says whether it wants live looks or the trash.
 */
export async function searchLooks(
  params: LookSearch,
  signal?: AbortSignal,
  fields = LOOK_LIST_FIELDS,
): Promise<LookPage> {
  const res = await send<ILook[]>('GET', '/looks/search', { query: { ...params, fields }, signal })
  const header = res.headers.get('x-total-count')
  const total = header != null && /^\d+$/.test(header) ? Number(header) : null
  return { looks: res.data ?? [], total }
}

/** look: GET /looks/{look_id}, the look with its query. */
export function getLook(lookId: string, signal?: AbortSignal, fields?: string) {
  return http.get<ILookWithQuery>(`/looks/${seg(lookId)}`, { query: { fields }, signal })
}

/** update_look: PATCH /looks/{look_id}; also soft delete ({deleted: true}) and restore ({deleted: false}). */
export function updateLook(lookId: string, body: Partial<IWriteLookWithQuery>, signal?: AbortSignal) {
  return http.patch<ILookWithQuery>(`/looks/${seg(lookId)}`, { body, signal })
}

/**
 * create_look: POST /looks with a query_id (made by create_query), title, description and folder_id.
 * Creates a look: never retried blindly. 422 names the fields, 409 a title already taken in the folder.
 */
export function createLook(body: Partial<IWriteLookWithQuery>, signal?: AbortSignal) {
  return http.post<ILookWithQuery>('/looks', { body, signal })
}

/** run_look: GET /looks/{look_id}/run/{result_format}: the saved look's results or image, as a Blob. */
export function runLook(lookId: string, format: RunFormat, options: RunOptions, signal?: AbortSignal) {
  return http.get<Blob>(`/looks/${seg(lookId)}/run/${seg(format)}`, {
    query: { ...options },
    signal,
    responseType: 'blob',
  })
}

/** delete_look: DELETE /looks/{look_id}. Permanent: there is no undo. */
export function deleteLook(lookId: string, signal?: AbortSignal) {
  return http.delete<void>(`/looks/${seg(lookId)}`, { signal, responseType: 'none' })
}

/** copy_look: POST /looks/{look_id}/copy?folder_id=. Creates a look: never retried blindly. */
export function copyLook(lookId: string, folderId: string | undefined, signal?: AbortSignal) {
  return http.post<ILookWithQuery>(`/looks/${seg(lookId)}/copy`, { query: { folder_id: folderId }, signal })
}

/** move_look: PATCH /looks/{look_id}/move?folder_id=. */
export function moveLook(lookId: string, folderId: string, signal?: AbortSignal) {
  return http.patch<ILookWithQuery>(`/looks/${seg(lookId)}/move`, { query: { folder_id: folderId }, signal })
}

/** What a cached search holds: the parameters and the fields, both of which shape the rows. */
interface SearchKeyPart {
  search: LookSearch
  fields: string
}

export const lookKeys = {
  all: ['looks'] as const,
  searches: () => [...lookKeys.all, 'search'] as const,
  /** The field set is part of the key: trash rows never share an entry with search-result rows. */
  search: (search: LookSearch, fields: string = LOOK_LIST_FIELDS) =>
    [...lookKeys.searches(), { search, fields } satisfies SearchKeyPart] as const,
  details: () => [...lookKeys.all, 'detail'] as const,
  detail: (id: string) => [...lookKeys.details(), id] as const,
  /** Whole lists read in pages (unused looks, "select all that match"): not a LookPage, so not a search. */
  lists: () => [...lookKeys.all, 'list'] as const,
  unused: (days: number) => [...lookKeys.lists(), 'unused', { days }] as const,
  allMatching: (search: Omit<LookSearch, 'limit' | 'offset'>) =>
    [...lookKeys.lists(), 'all-matching', { search }] as const,
}

/** The parameters of a cached search, read from its key where the key is built (nowhere else). */
function searchOf(key: QueryKey): LookSearch | undefined {
  const part = key[2] as Partial<SearchKeyPart> | undefined
  return key[0] === 'looks' && key[1] === 'search' && typeof part === 'object' ? part.search : undefined
}

/** Cached searches whose parameters pass `match`: for optimistic edits and invalidation, typed. */
export function searchesWhere(match: (search: LookSearch) => boolean): QueryFilters {
  return {
    queryKey: lookKeys.searches(),
    predicate: (query: Query) => {
      const search = searchOf(query.queryKey)
      return search !== undefined && match(search)
    },
  }
}

export const lookQueries = {
  search: (search: LookSearch) =>
    queryOptions({
      queryKey: lookKeys.search(search),
      queryFn: ({ signal }) => searchLooks(search, signal),
      staleTime: 30_000,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: lookKeys.detail(id),
      queryFn: ({ signal }) => getLook(id, signal),
      staleTime: 30_000,
    }),
}
