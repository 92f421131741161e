import { queryOptions } from '@tanstack/react-query'
import { lookKeys, searchLooks, type LookSearch } from '../../api/looks'

/**
 * Exactly what a result row shows, and no more: a page of 50 is about a fifth of the full looks (see
 * `npm run bench:search`). search_looks returns `Look`, which has no `query`, so the vis type is not
 * asked for here: rows take it from the look's detail once that is cached (docs/decisions/0005).
 */
export const LOOK_ROW_FIELDS =
  'id,title,description,folder(name),user_name,updated_at,view_count,content_favorite_id'

/** One page of result rows. Keyed under lookKeys.search(params), so look mutations refresh it too. */
export const lookRowsQuery = (params: LookSearch) =>
  queryOptions({
    queryKey: [...lookKeys.search(params), LOOK_ROW_FIELDS] as const,
    queryFn: ({ signal }) => searchLooks(params, signal, LOOK_ROW_FIELDS),
    staleTime: 30_000,
  })
