import type { ApiUser, ApiUserPublic } from './api-types'
import type { SearchFields } from './search/criteria'
import type { PagingInput } from './search/paging'
import { numericId, runSearch, type SearchResult } from './search/run'
import type { SortGetters } from './search/sort'
import { displayName, userFull, userPublic } from './serialize'
import type { SimStore } from './store'
import type { UserRecord } from './types'
import type { Viewer } from './viewer'
import { notFound } from './errors'

export interface UserSearchParams extends PagingInput {
  id?: string
  first_name?: string
  last_name?: string
  full_name?: string
  email?: string
  is_disabled?: boolean | string
  embed_user?: boolean | string
  verified_looker_employee?: boolean | string
  is_service_account?: boolean | string
  can_manage_api3_creds?: boolean | string
  group_id?: string
  filter_or?: boolean | string
  sorts?: string
}

const num = (id: string) => Number(id)

const FIELDS: SearchFields<UserRecord, Viewer> = {
  id: { kind: 'id', get: (u) => u.id },
  first_name: { kind: 'string', get: (u) => u.first_name },
  last_name: { kind: 'string', get: (u) => u.last_name },
  full_name: { kind: 'string', get: (u) => displayName(u) },
  email: { kind: 'string', get: (u) => u.email },
  is_disabled: { kind: 'boolean', get: (u) => u.is_disabled },
  embed_user: { kind: 'boolean', get: () => false },
  verified_looker_employee: { kind: 'boolean', get: () => false },
  is_service_account: { kind: 'boolean', get: () => false },
  can_manage_api3_creds: { kind: 'boolean', get: (u) => u.role === 'admin' },
  group_id: { kind: 'id', get: (u) => u.group_ids },
}

/** Filters the spec limits to "users with permission to view complete user details". */
const DETAIL_FILTERS = [
  'email',
  'is_disabled',
  'verified_looker_employee',
  'is_service_account',
  'can_manage_api3_creds',
] as const

const SORTS: SortGetters<UserRecord, Viewer> = {
  id: (u) => num(u.id),
  first_name: (u) => u.first_name,
  last_name: (u) => u.last_name,
  email: (u) => u.email,
  created_at: (u) => u.created_at,
  is_disabled: (u) => u.is_disabled,
}

/** Full details for admins and for oneself; everyone else gets the public variant (name and avatar). */
function present(store: SimStore, viewer: Viewer, user: UserRecord): ApiUser | ApiUserPublic {
  if (!viewer.isAdmin && viewer.user.id !== user.id) return userPublic(viewer, user)
  const clientIds = store.data.credentials.filter((c) => c.user_id === user.id).map((c) => c.client_id)
  return userFull(viewer, user, clientIds)
}

export function getUser(store: SimStore, viewer: Viewer, id: string): ApiUser | ApiUserPublic {
  const user = store.user(id)
  if (!user) throw notFound()
  return present(store, viewer, user)
}

export function searchUsers(
  store: SimStore,
  viewer: Viewer,
  params: UserSearchParams,
): SearchResult<ApiUser | ApiUserPublic> {
  const criteria: UserSearchParams = { ...params }
  // Non-admins cannot filter on details they may not see; the filters are ignored, not refused.
  if (!viewer.isAdmin) for (const name of DETAIL_FILTERS) delete criteria[name]
  const detailSorts = !viewer.isAdmin && /\bemail\b/.test(params.sorts ?? '')
  const { items, total } = runSearch(
    store.data.users,
    { fields: FIELDS, sorts: SORTS, scope: () => true, tieBreak: numericId },
    { ...params, sorts: detailSorts ? undefined : params.sorts, criteria: { ...criteria } },
    viewer,
  )
  return { items: items.map((u) => present(store, viewer, u)), total }
}
