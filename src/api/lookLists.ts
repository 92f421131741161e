import type { ILook } from '@looker/sdk/lib/4.0/models'
import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query'
import { parseLookerDate } from '../lib/dates'
import { lookKeys, searchLooks, type LookSearch } from './looks'

/**
 * The admin pages' lists of looks (decision 0007): a page of the trash, "every look that matches" for a
 * bulk selection, and the unused looks. Each asks for exactly the fields it shows, and the fields are
 * part of its key.
 */

export const TRASH_FIELDS =
  'id,title,folder_id,folder(id,name),user_id,user_name,updated_at,deleted,deleted_at,deleter_id'
const SELECTION_FIELDS = 'id,title,folder_id,folder(id,name)'
export const UNUSED_FIELDS =
  'id,title,folder_id,folder(id,name),user_id,user_name,created_at,updated_at,last_viewed_at,view_count,favorite_count,public'

/** Large pages for "select all that match" and the unused scan: few requests, each still small. */
export const BULK_PAGE_SIZE = 1000
/** A safety stop for a runaway scan (an API that ignores limit/offset would otherwise loop forever). */
const MAX_PAGES = 500
const DAY_MS = 86_400_000

/** What a bulk action needs to know about each selected look, frozen when the admin confirms. */
export interface SelectedLook {
  id: string
  title: string
  folderId: string | null
  folderName: string | null
}

export function toSelected(look: ILook): SelectedLook {
  return {
    id: String(look.id),
    title: look.title ?? `Look ${String(look.id)}`,
    folderId: look.folder_id ?? null,
    folderName: look.folder?.name ?? null,
  }
}

/** Reads `search` in pages of 1000 until `keep` says stop or the pages run out. */
async function scan(
  search: Omit<LookSearch, 'limit' | 'offset'>,
  fields: string,
  signal: AbortSignal | undefined,
  keep: (look: ILook, total: number | null) => 'keep' | 'stop',
  onPage?: () => void,
): Promise<void> {
  for (let page = 0; page < MAX_PAGES; page++) {
    const { looks, total } = await searchLooks(
      { ...search, limit: BULK_PAGE_SIZE, offset: page * BULK_PAGE_SIZE },
      signal,
      fields,
    )
    for (const look of looks) if (keep(look, total) === 'stop') return onPage?.()
    onPage?.()
    if (looks.length < BULK_PAGE_SIZE) return
  }
}

/**
 * Every look that matches, as ids and titles, for "select all that match": 20,000 looks cost 20 small
 * requests. A snapshot: what the admin confirms is this list, never a re-run of the query. `onProgress`
 * gets the looks found so far after each page.
 */
export async function fetchAllMatching(
  search: Omit<LookSearch, 'limit' | 'offset'>,
  signal?: AbortSignal,
  onProgress?: (found: SelectedLook[]) => void,
): Promise<SelectedLook[]> {
  const all = new Map<string, SelectedLook>()
  await scan(
    search,
    SELECTION_FIELDS,
    signal,
    (look, total) => {
      const item = toSelected(look)
      // Offset paging over a list that changes underneath can repeat a row: keep each look once.
      all.set(item.id, item)
      return total !== null && all.size >= total ? 'stop' : 'keep'
    },
    () => onProgress?.([...all.values()]),
  )
  return [...all.values()]
}

const time = (value: unknown) => parseLookerDate(value)?.getTime() ?? null

/**
 * Live looks not viewed in `days` days, all of them: which to leave out (public, favorited, scheduled, on a
 * dashboard) is the Unused tab's choice, each a filter the admin can switch off. The spec gives `last_viewed_at` as a plain string filter with no
 * documented comparison ("before a date" cannot be asked for), so we read the looks that were viewed,
 * sorted by `last_viewed_at` ascending in pages of 1000, and stop at the first one viewed after the
 * cutoff; the never-viewed ones come from `last_viewed_at=IS NULL` (documented for most search params)
 * and count as unused only if they are older than the cutoff, so last week's new look is not offered.
 */
export async function fetchUnusedLooks(days: number, now: number, signal?: AbortSignal): Promise<ILook[]> {
  const cutoff = now - days * DAY_MS
  const found: ILook[] = []
  const collect = (unused: (look: ILook) => boolean | 'stop') => (look: ILook) => {
    const verdict = unused(look)
    if (verdict === 'stop') return 'stop'
    if (verdict) found.push(look)
    return 'keep'
  }
  const viewed = { deleted: false, last_viewed_at: 'NOT NULL', sorts: 'last_viewed_at,id' }
  await scan(
    viewed,
    UNUSED_FIELDS,
    signal,
    collect((look) => {
      const at = time(look.last_viewed_at)
      return at !== null && at >= cutoff ? 'stop' : true
    }),
  )
  const neverViewed = { deleted: false, last_viewed_at: 'IS NULL', sorts: 'created_at,id' }
  await scan(
    neverViewed,
    UNUSED_FIELDS,
    signal,
    collect((look) => {
      const created = time(look.created_at)
      return created === null || created < cutoff
    }),
  )
  return found
}

export const lookListQueries = {
  /** One page of the trash; the previous page stays on screen while the next loads. */
  trash: (search: LookSearch) =>
    queryOptions({
      // Under lookKeys.searches(), so soft deletes and restores anywhere reach the trash too.
      queryKey: lookKeys.search(search, TRASH_FIELDS),
      queryFn: ({ signal }) => searchLooks(search, signal, TRASH_FIELDS),
      placeholderData: keepPreviousData,
      staleTime: 10_000,
    }),
  /**
   * Every matching look, fetched only when asked for (`queryClient.fetchQuery`), never from cache: a
   * selection is a snapshot of now. While it loads, the looks found so far are its data (progress).
   */
  allMatching: (search: Omit<LookSearch, 'limit' | 'offset'>) =>
    queryOptions({
      queryKey: lookKeys.allMatching(search),
      queryFn: ({ signal, client, queryKey }) =>
        fetchAllMatching(search, signal, (found) => client.setQueryData(queryKey, found)),
      staleTime: 0,
    }),
  /** The whole unused list, loaded once: the tab sorts, pages and selects locally. */
  unused: (days: number) =>
    queryOptions({
      queryKey: lookKeys.unused(days),
      queryFn: ({ signal }) => fetchUnusedLooks(days, Date.now(), signal),
      staleTime: 60_000,
    }),
}

/**
 * "Select all that match", on demand (as react-admin does it, through `fetchQuery`): React Query owns
 * whether it is loading, its error, and stopping it, which happens when the filters change or the page
 * goes (the query then has no observer). `load` resolves with the looks, or null if it failed or stopped.
 */
export function useAllMatching(search: Omit<LookSearch, 'limit' | 'offset'>) {
  const queryClient = useQueryClient()
  const options = lookListQueries.allMatching(search)
  const state = useQuery({ ...options, enabled: false })
  return {
    load: () => queryClient.fetchQuery(options).catch(() => null),
    /** How many looks were found so far, while loading; null otherwise. */
    found: state.isFetching ? (state.data?.length ?? 0) : null,
    error: state.isError && !state.isFetching ? state.error : null,
  }
}
