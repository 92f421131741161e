import type { ILook } from '@looker/sdk/lib/4.0/models'
import { queryOptions } from '@tanstack/react-query'
import { lookKeys, searchLooks, type LookSearch } from '../../api/looks'
import { parseLookerDate } from '../../lib/dates'
import { BULK_PAGE_SIZE } from './trashQueries'
import type { UnusedSort } from './trashParams'

export const UNUSED_FIELDS =
  'id,title,folder_id,folder(id,name),user_id,user_name,created_at,last_viewed_at,view_count,favorite_count,public'

const DAY_MS = 86_400_000
const MAX_PAGES = 500
const time = (value: unknown) => parseLookerDate(value)?.getTime() ?? null

/** Looker's Unused Content page leaves out public looks and anyone's favorites. */
export function isCleanupCandidate(look: ILook): boolean {
  return look.public !== true && !((look.favorite_count ?? 0) > 0)
}

/**
 * Live looks not viewed in `days` days. The spec gives `last_viewed_at` as a plain string filter with no
 * documented comparison ("before a date" cannot be asked for), so we read the looks that were viewed,
 * sorted by `last_viewed_at` ascending in pages of 1000, and stop at the first page that reaches the
 * cutoff; the never-viewed ones come from `last_viewed_at=IS NULL` (documented for most search params)
 * and count as unused only if they are older than the cutoff, so last week's new look is not offered.
 */
export async function fetchUnusedLooks(days: number, now: number, signal?: AbortSignal): Promise<ILook[]> {
  const cutoff = now - days * DAY_MS
  const found: ILook[] = []
  const scan = async (search: LookSearch, keep: (look: ILook) => boolean | 'stop') => {
    for (let page = 0; page < MAX_PAGES; page++) {
      const { looks } = await searchLooks(
        { ...search, limit: BULK_PAGE_SIZE, offset: page * BULK_PAGE_SIZE },
        signal,
        UNUSED_FIELDS,
      )
      for (const look of looks) {
        const verdict = keep(look)
        if (verdict === 'stop') return
        if (verdict) found.push(look)
      }
      if (looks.length < BULK_PAGE_SIZE) return
    }
  }
  await scan({ deleted: false, last_viewed_at: 'NOT NULL', sorts: 'last_viewed_at,id' }, (look) => {
    const viewed = time(look.last_viewed_at)
    if (viewed !== null && viewed >= cutoff) return 'stop'
    return isCleanupCandidate(look)
  })
  await scan({ deleted: false, last_viewed_at: 'IS NULL', sorts: 'created_at,id' }, (look) => {
    const created = time(look.created_at)
    return (created === null || created < cutoff) && isCleanupCandidate(look)
  })
  return found
}

export function sortUnused(looks: readonly ILook[], sort: UnusedSort): ILook[] {
  const copy = [...looks]
  if (sort === 'title') return copy.sort((a, b) => (a.title ?? '').localeCompare(b.title ?? ''))
  if (sort === 'view_count') return copy.sort((a, b) => (a.view_count ?? 0) - (b.view_count ?? 0))
  // Never viewed first, then the longest ago.
  return copy.sort((a, b) => (time(a.last_viewed_at) ?? -Infinity) - (time(b.last_viewed_at) ?? -Infinity))
}

export const unusedQueries = {
  list: (days: number) =>
    queryOptions({
      // Under lookKeys.all (not .searches(): the value is not a LookPage), so bulk work refreshes it.
      queryKey: [...lookKeys.all, 'unused', days] as const,
      queryFn: ({ signal }) => fetchUnusedLooks(days, Date.now(), signal),
      staleTime: 60_000,
    }),
}
