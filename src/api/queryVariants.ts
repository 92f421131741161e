import type { IQuery, IWriteQuery } from '@looker/sdk/lib/4.0/models'
import { queryOptions } from '@tanstack/react-query'
import { CREATE_QUERY, sendWrite } from './lookWrites'
import { createQuery, queryKeys } from './queries'

/**
 * What the look page's Render and Data tabs show when it is not the saved look but an adjusted variant of
 * it (decision 0014): the query Looker made for it, and how to name it.
 */
export interface QueryVariant {
  /** The adjusted query's id once Looker has made it; null while it is being made or when it failed. */
  queryId: string | null
  /** What differs from the saved look, for labels: "Ledger Region is EMEA; Row limit 10". */
  label: string
  /** A title for the variant (the look's, with what differs), for captions and file names. */
  title: string
  /** The variant's row limit (the saved one when it is unchanged); null when the query has none. */
  limit: number | null
  /** Whether Looker has made the query yet, or refused it. */
  status: 'preparing' | 'ready' | 'failed'
  /** Why it cannot be shown yet (being made, refused); null once it can. */
  blockedReason: string | null
}

export const variantQueries = {
  /**
   * create_query for a definition. Looker answers the same parameters with the same query, so the answer
   * is kept for the session under the definition, never refetched, and React Query never repeats the POST
   * by itself (retry: false): it goes once through the write rule (sendWrite), like every write.
   */
  made: (definition: IWriteQuery) =>
    queryOptions<IQuery>({
      queryKey: queryKeys.made(definition),
      queryFn: ({ signal }) => sendWrite(CREATE_QUERY, (sent) => createQuery(definition, sent), { signal }),
      staleTime: Infinity,
      gcTime: 30 * 60_000,
      retry: false,
    }),
}
