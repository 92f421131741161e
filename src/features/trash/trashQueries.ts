import type { ILook } from '@looker/sdk/lib/4.0/models'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { lookKeys, searchLooks, type LookSearch } from '../../api/looks'
import { toLikePattern } from '../../lib/likePattern'
import type { TrashParams } from './trashParams'

/** What a bulk action needs to know about each selected look, frozen when the admin confirms. */
export interface SelectedLook {
  id: string
  title: string
  folderId: string | null
  folderName: string | null
}

export const TRASH_FIELDS =
  'id,title,folder_id,folder(id,name),user_id,user_name,deleted,deleted_at,deleter_id'
const SELECTION_FIELDS = 'id,title,folder_id,folder(id,name)'
/** Large pages for "select all that match" and the unused scan: few requests, each still small. */
export const BULK_PAGE_SIZE = 1000
/** A safety stop for a runaway scan (an API that ignores limit/offset would otherwise loop forever). */
const MAX_PAGES = 500

export function toSelected(look: ILook): SelectedLook {
  return {
    id: String(look.id),
    title: look.title ?? `Look ${String(look.id)}`,
    folderId: look.folder_id ?? null,
    folderName: look.folder?.name ?? null,
  }
}

export function trashSearch(p: TrashParams): Omit<LookSearch, 'limit' | 'offset'> {
  return {
    deleted: true,
    title: toLikePattern(p.q),
    user_id: p.owner ?? undefined,
    folder_id: p.folder ?? undefined,
    sorts: p.sort,
  }
}

export const trashQueries = {
  page: (p: TrashParams) => {
    const params: LookSearch = { ...trashSearch(p), limit: p.size, offset: (p.page - 1) * p.size }
    return queryOptions({
      // Under lookKeys.searches(), so soft deletes and restores anywhere refresh the trash too.
      queryKey: lookKeys.search(params),
      queryFn: ({ signal }) => searchLooks(params, signal, TRASH_FIELDS),
      placeholderData: keepPreviousData,
      staleTime: 10_000,
    })
  },
}

/**
 * Every look that matches the trash filters, as ids and titles, for "select all that match". Pages of
 * 1000 with `fields=` so 20,000 looks cost 20 small requests. It is a snapshot: what the admin confirms
 * is this list, never a re-run of the query.
 */
export async function fetchAllMatching(
  search: Omit<LookSearch, 'limit' | 'offset'>,
  signal?: AbortSignal,
  onProgress?: (loaded: number, total: number | null) => void,
): Promise<SelectedLook[]> {
  const all: SelectedLook[] = []
  const seen = new Set<string>()
  for (let page = 0; page < MAX_PAGES; page++) {
    const { looks, total } = await searchLooks(
      { ...search, limit: BULK_PAGE_SIZE, offset: page * BULK_PAGE_SIZE },
      signal,
      SELECTION_FIELDS,
    )
    for (const look of looks) {
      const item = toSelected(look)
      // Offset paging over a list that changes underneath can repeat a row: keep each look once.
      if (!seen.has(item.id)) {
        seen.add(item.id)
        all.push(item)
      }
    }
    onProgress?.(all.length, total)
    if (looks.length < BULK_PAGE_SIZE || (total !== null && all.length >= total)) break
  }
  return all
}
