import { canSeeLook } from './can'
import type { ApiLook } from './api-types'
import { parseBoolean, type SearchFields } from './search/criteria'
import type { PagingInput } from './search/paging'
import { numericId, runSearch, type SearchResult, type SearchSpec } from './search/run'
import type { SortGetters } from './search/sort'
import { lookBase } from './serialize'
import type { SimStore } from './store'
import type { LookRecord } from './types'
import type { Viewer } from './viewer'

/** Parameters of search_looks, as strings (query) or typed values (direct calls). */
export interface LookSearchParams extends PagingInput {
  id?: string
  title?: string
  description?: string
  content_favorite_id?: string
  folder_id?: string
  user_id?: string
  view_count?: string | number
  deleted?: boolean | string
  query_id?: string
  curate?: boolean | string
  last_viewed_at?: string
  filter_or?: boolean | string
  sorts?: string
}

type Ctx = { viewer: Viewer; store: SimStore }

const num = (id: string | null | undefined) => (id === null || id === undefined ? null : Number(id))

const FIELDS: SearchFields<LookRecord, Ctx> = {
  id: { kind: 'id', get: (l) => l.id },
  title: { kind: 'string', get: (l) => l.title },
  description: { kind: 'string', get: (l) => l.description },
  // Favourites are per user: "NOT NULL" means "favourited by the caller".
  content_favorite_id: { kind: 'id', get: (l, c) => c.viewer.favorites.get(l.id) ?? null },
  folder_id: { kind: 'id', get: (l) => l.folder_id },
  user_id: { kind: 'id', get: (l) => l.user_id },
  view_count: { kind: 'number', get: (l) => l.view_count },
  query_id: { kind: 'id', get: (l) => l.query_id },
  // A timestamp matched as text: "2026-10%" finds looks last viewed in October 2026.
  last_viewed_at: { kind: 'string', get: (l) => l.last_viewed_at },
}

/** The sortable fields listed for search_looks in the spec. */
const SORTS: SortGetters<LookRecord, Ctx> = {
  title: (l) => l.title,
  user_id: (l) => num(l.user_id),
  id: (l) => num(l.id),
  created_at: (l) => l.created_at,
  space_id: (l) => num(l.folder_id),
  folder_id: (l) => num(l.folder_id),
  description: (l) => l.description,
  updated_at: (l) => l.updated_at,
  last_updater_id: (l) => num(l.last_updater_id),
  view_count: (l) => l.view_count,
  favorite_count: (l) => l.favorite_count,
  content_favorite_id: (l, c) => num(c.viewer.favorites.get(l.id)),
  deleted: (l) => l.deleted,
  deleted_at: (l) => l.deleted_at,
  last_viewed_at: (l) => l.last_viewed_at,
  last_accessed_at: (l) => l.last_accessed_at,
  query_id: (l) => num(l.query_id),
  certification_status: () => null,
}

const parseFlag = (name: string, value: boolean | string | undefined): boolean | undefined =>
  value === undefined ? undefined : parseBoolean(name, value)

/**
 * `deleted` omitted means live looks only (the spec contradicts itself; see docs/decisions/0003).
 * Visibility and the deleted scope always apply, whatever `filter_or` says.
 */
function scopeFor(params: LookSearchParams): SearchSpec<LookRecord, Ctx>['scope'] {
  const wantDeleted = parseFlag('deleted', params.deleted) ?? false
  const curate = parseFlag('curate', params.curate) ?? false
  return (look, { viewer, store }) => {
    if (look.deleted !== wantDeleted || !canSeeLook(viewer, look)) return false
    if (!curate) return true
    const owner = store.folder(look.folder_id)?.personal_owner_id ?? null
    return owner === null || owner === viewer.user.id
  }
}

export function searchLooks(
  store: SimStore,
  viewer: Viewer,
  params: LookSearchParams,
): SearchResult<ApiLook> {
  const spec: SearchSpec<LookRecord, Ctx> = {
    fields: FIELDS,
    sorts: SORTS,
    scope: scopeFor(params),
    tieBreak: numericId,
    // Favourites are per user, so an order by content_favorite_id is never shared.
    presorted: (sorts, compute) =>
      sorts.includes('content_favorite_id') ? undefined : store.cachedLookOrder(sorts, compute),
  }
  const { items, total } = runSearch(
    store.looks(),
    spec,
    { ...params, criteria: { ...params } },
    { viewer, store },
  )
  return { items: items.map((look) => lookBase(viewer, store, look)), total }
}

/** all_looks: every live look the caller can see. */
export function allLooks(store: SimStore, viewer: Viewer): ApiLook[] {
  const out: ApiLook[] = []
  for (const look of store.looks()) {
    if (!look.deleted && canSeeLook(viewer, look)) out.push(lookBase(viewer, store, look))
  }
  return out
}
