import { badRequest } from '../errors'
import type { Route } from '../router'
import { readRunRequest } from '../run'
import { runResponse } from './queries'

const LOOK_SEARCH_PARAMS = [
  'id',
  'title',
  'description',
  'content_favorite_id',
  'folder_id',
  'user_id',
  'view_count',
  'deleted',
  'query_id',
  'curate',
  'last_viewed_at',
  'filter_or',
  'sorts',
] as const

const totalHeader = (total: number) => ({ 'X-Total-Count': String(total) })

export const lookRoutes: Route[] = [
  {
    method: 'GET',
    path: '/looks',
    handler: ({ store, viewer }) => {
      const looks = store.allLooks(viewer())
      return { body: looks, headers: totalHeader(looks.length) }
    },
  },
  {
    method: 'POST',
    path: '/looks',
    handler: async ({ store, viewer, json }) => ({ body: store.createLook(viewer(), await json()) }),
  },
  {
    method: 'GET',
    path: '/looks/:look_id/run/:result_format',
    handler: async ({ store, viewer, params, query }) => {
      const caller = viewer()
      const { format, options } = readRunRequest(params.result_format ?? '', query)
      return runResponse(await store.runLook(caller, params.look_id ?? '', format, options))
    },
  },
  {
    method: 'GET',
    path: '/looks/search',
    handler: ({ store, viewer, query }) => {
      const { items, total } = store.searchLooks(viewer(), {
        ...query.pick(LOOK_SEARCH_PARAMS),
        ...query.paging(),
      })
      return { body: items, headers: totalHeader(total) }
    },
  },
  {
    method: 'GET',
    path: '/looks/:look_id',
    handler: ({ store, viewer, params }) => ({ body: store.getLook(viewer(), params.look_id ?? '') }),
  },
  {
    method: 'PATCH',
    path: '/looks/:look_id',
    handler: async ({ store, viewer, params, json }) => ({
      body: store.updateLook(viewer(), params.look_id ?? '', await json()),
    }),
  },
  {
    method: 'DELETE',
    path: '/looks/:look_id',
    handler: ({ store, viewer, params }) => {
      store.deleteLook(viewer(), params.look_id ?? '')
      return { status: 204 }
    },
  },
  {
    method: 'POST',
    path: '/looks/:look_id/copy',
    handler: ({ store, viewer, params, query }) => ({
      body: store.copyLook(viewer(), params.look_id ?? '', query.string('folder_id')),
    }),
  },
  {
    method: 'PATCH',
    path: '/looks/:look_id/move',
    handler: ({ store, viewer, params, query }) => {
      const folderId = query.string('folder_id')
      if (folderId === undefined) throw badRequest('folder_id is required.')
      return { body: store.moveLook(viewer(), params.look_id ?? '', folderId) }
    },
  },
]
