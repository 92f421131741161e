import type { ILookmlModelExplore, IQuery, IWriteQuery } from '@looker/sdk/lib/4.0/models'
import { queryOptions } from '@tanstack/react-query'
import { http, seg } from '../lib/http'

/**
 * Queries are immutable in Looker: an adjusted look (other filters, limit, sorts) is a NEW query made with
 * create_query from the look's query and the changes. A query with exactly the same parameters as an
 * existing one comes back as that one, so creating is safe to repeat (but it is still a POST: callers go
 * through the write rule, never a blind retry).
 */

/** create_query: POST /queries. 422 names unknown fields, a bad limit, an unknown model or view. */
export function createQuery(body: IWriteQuery, signal?: AbortSignal) {
  return http.post<IQuery>('/queries', { body, signal })
}

/** query: GET /queries/{query_id}. */
export function getQuery(queryId: string, signal?: AbortSignal, fields?: string) {
  return http.get<IQuery>(`/queries/${seg(queryId)}`, { query: { fields }, signal })
}

/** The formats run_look and run_query answer in (FACTS §10), as files. */
export type RunFormat = 'txt' | 'csv' | 'json' | 'json_bi' | 'xlsx' | 'md' | 'html' | 'sql' | 'png' | 'jpg'

/** The run options Lookbook offers (IRequestRunLook / IRequestRunQuery, a subset). */
export interface RunOptions {
  /** Row limit; -1 means all results (Looker caps downloads of this kind, see FACTS §2.4). */
  limit?: number
  apply_formatting?: boolean
  apply_vis?: boolean
  image_width?: number
  image_height?: number
}

/** run_query: GET /queries/{query_id}/run/{result_format}, the whole answer as a Blob (a download). */
export function runQuery(queryId: string, format: RunFormat, options: RunOptions, signal?: AbortSignal) {
  const path = `/queries/${seg(queryId)}/run/${seg(format)}`
  return http.get<Blob>(path, { query: { ...options }, signal, responseType: 'blob' })
}

/** lookml_model_explore: GET /lookml_models/{model}/explores/{explore}: the fields a query may use. */
export function getLookmlModelExplore(model: string, explore: string, signal?: AbortSignal, fields?: string) {
  return http.get<ILookmlModelExplore>(`/lookml_models/${seg(model)}/explores/${seg(explore)}`, {
    query: { fields },
    signal,
  })
}

/** What a field picker shows of each field, and whether it may be filtered on. */
const PICKER_FIELD = 'name,label,label_short,view_label,category,type,is_numeric,hidden,can_filter'

/**
 * What a filter picker needs of an explore: its dimensions and measures with names, labels and types, and
 * `can_save` (whether the caller may save a query of this explore as a look).
 */
export const EXPLORE_FIELD_FIELDS = `id,name,label,model_name,can_save,fields(dimensions(${PICKER_FIELD}),measures(${PICKER_FIELD}))`

export const queryKeys = {
  all: ['queries'] as const,
  detail: (queryId: string) => [...queryKeys.all, 'detail', queryId] as const,
  explore: (model: string, explore: string) => ['explores', model, explore] as const,
  /** The query Looker made (or found) for a definition: the same parameters give the same query. */
  made: (definition: IWriteQuery) => [...queryKeys.all, 'made', definition] as const,
}

export const queryQueries = {
  /** A query never changes once made, so it never goes stale. */
  detail: (queryId: string) =>
    queryOptions({
      queryKey: queryKeys.detail(queryId),
      queryFn: ({ signal }) => getQuery(queryId, signal),
      staleTime: Infinity,
    }),
  /** An explore's fields change only with a LookML deploy: kept for the session. */
  explore: (model: string, explore: string) =>
    queryOptions({
      queryKey: queryKeys.explore(model, explore),
      queryFn: ({ signal }) => getLookmlModelExplore(model, explore, signal, EXPLORE_FIELD_FIELDS),
      staleTime: 30 * 60_000,
    }),
}
