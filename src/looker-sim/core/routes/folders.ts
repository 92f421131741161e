import type { Route } from '../router'

const FOLDER_SEARCH_PARAMS = [
  'name',
  'id',
  'parent_id',
  'creator_id',
  'is_shared_root',
  'is_users_root',
  'filter_or',
  'sorts',
] as const

const totalHeader = (total: number) => ({ 'X-Total-Count': String(total) })

export const folderRoutes: Route[] = [
  {
    method: 'GET',
    path: '/folders',
    handler: ({ store, viewer }) => {
      const { items, total } = store.searchFolders(viewer(), {})
      return { body: items, headers: totalHeader(total) }
    },
  },
  {
    method: 'GET',
    path: '/folders/search',
    handler: ({ store, viewer, query }) => {
      const { items, total } = store.searchFolders(viewer(), {
        ...query.pick(FOLDER_SEARCH_PARAMS),
        ...query.paging(),
      })
      return { body: items, headers: totalHeader(total) }
    },
  },
  {
    method: 'GET',
    path: '/folders/:folder_id',
    handler: ({ store, viewer, params }) => ({ body: store.getFolder(viewer(), params.folder_id ?? '') }),
  },
  {
    method: 'GET',
    path: '/folders/:folder_id/children',
    handler: ({ store, viewer, params, query }) => {
      const { items, total } = store.folderChildren(viewer(), params.folder_id ?? '', {
        sorts: query.string('sorts'),
        ...query.paging(),
      })
      return { body: items, headers: totalHeader(total) }
    },
  },
  {
    method: 'GET',
    path: '/folders/:folder_id/ancestors',
    handler: ({ store, viewer, params }) => ({
      body: store.folderAncestors(viewer(), params.folder_id ?? ''),
    }),
  },
  {
    method: 'GET',
    path: '/folders/:folder_id/parent',
    handler: ({ store, viewer, params }) => ({ body: store.folderParent(viewer(), params.folder_id ?? '') }),
  },
  {
    method: 'GET',
    path: '/folders/:folder_id/looks',
    handler: ({ store, viewer, params }) => ({ body: store.folderLooks(viewer(), params.folder_id ?? '') }),
  },
]
