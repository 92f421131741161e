import type { ILookWithQuery } from '@looker/sdk/lib/4.0/models'
import { hashKey, type QueryClient, type QueryFilters, type QueryKey } from '@tanstack/react-query'
import { wireNow } from '../lib/dates'
import { lookKeys, searchesWhere, type LookPage } from './looks'

/**
 * The cached looks as a write sees them: what a write changes in lists and details, remembered (when
 * asked) so a failed optimistic write can put everything back.
 */
export class LookCache {
  private readonly saved = new Map<string, [QueryKey, unknown]>()

  constructor(
    private readonly client: QueryClient,
    private readonly remember: boolean,
  ) {}

  private set<T>(key: QueryKey, update: (old: T | undefined) => T | undefined) {
    const hash = hashKey(key)
    if (this.remember && !this.saved.has(hash)) this.saved.set(hash, [key, this.client.getQueryData(key)])
    this.client.setQueryData<T>(key, update)
  }

  /** Takes the look out of every cached search `filters` match, counting it out of their totals. */
  removeFromSearches(lookId: string, filters: QueryFilters = searchesWhere(() => true)) {
    for (const [key, page] of this.client.getQueriesData<LookPage>(filters)) {
      if (!page?.looks.some((look) => look.id === lookId)) continue
      this.set<LookPage>(key, (old) =>
        old
          ? {
              looks: old.looks.filter((look) => look.id !== lookId),
              total: old.total == null ? null : Math.max(0, old.total - 1),
            }
          : old,
      )
    }
  }

  /** The look goes to the trash (or comes back): it leaves the lists of the other side at once. */
  setDeleted(lookId: string, deleted: boolean) {
    this.removeFromSearches(
      lookId,
      searchesWhere((search) => search.deleted !== deleted),
    )
    this.set<ILookWithQuery>(lookKeys.detail(lookId), (old) =>
      old ? { ...old, deleted, deleted_at: deleted ? wireNow() : null } : old,
    )
  }

  /** The server's look over the cached one, keeping what the answer left out (e.g. `can`, `query`). */
  mergeDetail(look: ILookWithQuery) {
    if (!look.id) return
    this.set<ILookWithQuery>(lookKeys.detail(look.id), (old) => {
      // A stale nested folder (old name after a move) is worse than none: the page reads folder_id.
      const folder = look.folder ?? (old?.folder_id === look.folder_id ? old?.folder : undefined)
      return { ...old, ...look, folder }
    })
  }

  /** What the server holds now replaces the cached look (e.g. after an edit conflict). */
  replaceDetail(look: ILookWithQuery) {
    if (look.id) this.set<ILookWithQuery>(lookKeys.detail(look.id), () => look)
  }

  /** Puts back everything this cache changed (only when it was asked to remember). */
  rollback() {
    for (const [key, data] of this.saved.values()) this.client.setQueryData(key, data)
    this.saved.clear()
  }
}
