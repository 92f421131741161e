import type { Route } from '../router'
import { readRunRequest, type RunOutput } from '../run'

/** A run's bytes as the response, with the content type its format has. */
export const runResponse = ({ contentType, bytes }: RunOutput) =>
  new Response(bytes.slice().buffer, {
    status: 200,
    headers: { 'Content-Type': contentType, 'Content-Length': String(bytes.byteLength) },
  })

/** Spec tag Query (create_query, query, query_for_slug, run_query) and LookmlModel (models, explores). */
export const queryRoutes: Route[] = [
  {
    method: 'POST',
    path: '/queries',
    handler: async ({ store, viewer, json }) => ({ body: store.createQuery(viewer(), await json()) }),
  },
  {
    method: 'GET',
    path: '/queries/:query_id',
    handler: ({ store, viewer, params }) => ({ body: store.getQuery(viewer(), params.query_id ?? '') }),
  },
  {
    method: 'GET',
    path: '/queries/slug/:slug',
    handler: ({ store, viewer, params }) => ({ body: store.queryForSlug(viewer(), params.slug ?? '') }),
  },
  {
    method: 'GET',
    path: '/queries/:query_id/run/:result_format',
    handler: async ({ store, viewer, params, query }) => {
      const caller = viewer()
      const { format, options } = readRunRequest(params.result_format ?? '', query)
      return runResponse(await store.runQuery(caller, params.query_id ?? '', format, options))
    },
  },
  {
    method: 'GET',
    path: '/lookml_models',
    handler: ({ store }) => ({ body: store.lookmlModels() }),
  },
  {
    method: 'GET',
    path: '/lookml_models/:lookml_model_name',
    handler: ({ store, params }) => ({ body: store.lookmlModel(params.lookml_model_name ?? '') }),
  },
  {
    method: 'GET',
    path: '/lookml_models/:lookml_model_name/explores/:explore_name',
    handler: ({ store, viewer, params }) => ({
      body: store.lookmlModelExplore(viewer(), params.lookml_model_name ?? '', params.explore_name ?? ''),
    }),
  },
]
