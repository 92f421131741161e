import type { Route } from '../router'

const DASHBOARD_SEARCH_PARAMS = [
  'id',
  'slug',
  'title',
  'description',
  'content_favorite_id',
  'folder_id',
  'deleted',
  'user_id',
  'view_count',
  'content_metadata_id',
  'curate',
  'last_viewed_at',
  'sorts',
  'filter_or',
  'not_owned_by',
] as const
const LOOKML_SEARCH_PARAMS = ['folder_id', 'title', 'content_favorite_id', 'sorts'] as const
const ELEMENT_SEARCH_PARAMS = ['dashboard_id', 'look_id', 'title', 'deleted', 'filter_or', 'sorts'] as const

const totalHeader = (total: number) => ({ 'X-Total-Count': String(total) })

/** Dashboards (both kinds), their elements, look schedules and content thumbnails. */
export const dashboardRoutes: Route[] = [
  {
    method: 'GET',
    path: '/dashboards/search',
    handler: ({ store, viewer, query }) => {
      const { items, total } = store.searchDashboards(
        viewer(),
        query.pick(DASHBOARD_SEARCH_PARAMS),
        query.paging(),
      )
      return { body: items, headers: totalHeader(total) }
    },
  },
  {
    method: 'GET',
    path: '/dashboards/lookml/search',
    handler: ({ store, viewer, query }) => {
      const { limit, offset } = query.paging()
      const { items, total } = store.searchLookmlDashboards(viewer(), query.pick(LOOKML_SEARCH_PARAMS), {
        limit,
        offset,
      })
      return { body: items, headers: totalHeader(total) }
    },
  },
  {
    method: 'GET',
    path: '/dashboards/:dashboard_id',
    handler: ({ store, viewer, params }) => ({
      body: store.getDashboard(viewer(), params.dashboard_id ?? ''),
    }),
  },
  {
    method: 'GET',
    path: '/dashboard_elements/search',
    handler: ({ store, viewer, query }) => {
      const { items, total } = store.searchDashboardElements(viewer(), query.pick(ELEMENT_SEARCH_PARAMS))
      return { body: items, headers: totalHeader(total) }
    },
  },
  {
    method: 'GET',
    path: '/scheduled_plans/look/:look_id',
    handler: ({ store, viewer, params, query }) => ({
      body: store.scheduledPlansForLook(viewer(), params.look_id ?? '', {
        user_id: query.string('user_id'),
        all_users: query.bool('all_users'),
      }),
    }),
  },
  {
    method: 'GET',
    path: '/content_thumbnail/:type/:resource_id',
    handler: async ({ store, viewer, params, query }) => {
      const result = await store.contentThumbnail(viewer(), {
        type: params.type ?? '',
        resourceId: params.resource_id ?? '',
        format: query.string('format'),
        theme: query.string('theme'),
        width: query.int('width'),
        height: query.int('height'),
      })
      const body = result.contentType === 'image/png' ? result.bytes.slice().buffer : result.text
      return new Response(body, { status: 200, headers: { 'Content-Type': result.contentType } })
    },
  },
]
