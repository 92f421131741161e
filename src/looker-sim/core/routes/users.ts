import type { Route } from '../router'
import { userRoles } from '../roles'

const USER_SEARCH_PARAMS = [
  'id',
  'first_name',
  'last_name',
  'full_name',
  'email',
  'is_disabled',
  'embed_user',
  'verified_looker_employee',
  'is_service_account',
  'can_manage_api3_creds',
  'group_id',
  'filter_or',
  'sorts',
] as const

export const userRoutes: Route[] = [
  {
    method: 'GET',
    path: '/user',
    handler: ({ store, viewer }) => ({ body: store.me(viewer()) }),
  },
  {
    method: 'GET',
    path: '/users/search',
    handler: ({ store, viewer, query }) => {
      const { items, total } = store.searchUsers(viewer(), {
        ...query.pick(USER_SEARCH_PARAMS),
        ...query.paging(),
      })
      return { body: items, headers: { 'X-Total-Count': String(total) } }
    },
  },
  {
    method: 'GET',
    path: '/users/:user_id/roles',
    handler: ({ store, viewer, params, origin }) => ({
      body: userRoles(store, viewer(), params.user_id ?? '', origin),
    }),
  },
  {
    method: 'GET',
    path: '/users/:user_id',
    handler: ({ store, viewer, params }) => ({ body: store.getUser(viewer(), params.user_id ?? '') }),
  },
]
