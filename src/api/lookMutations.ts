import type { ILookWithQuery, IWriteLookWithQuery } from '@looker/sdk/lib/4.0/models'
import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query'
import { sameInstant, wireNow, type WireDate } from '../lib/dates'
import { copyLook, getLook, lookKeys, moveLook, updateLook, type LookPage, type LookSearch } from './looks'

/**
 * Mutation hooks for one look (docs/decisions/0006-look-editing.md). They keep the cache honest:
 * soft delete and restore are optimistic (the user expects the look to leave the list at once), roll
 * back on error and invalidate on settle; edit, copy and move wait for the server and then write its
 * answer into the cache. Toasts and navigation belong to the component that calls `mutate`.
 */

export type LookEdit = Pick<IWriteLookWithQuery, 'title' | 'description' | 'is_run_on_load' | 'public'>

/** The look changed on the server since the edit started: `current` is the server's version now. */
export class LookEditConflict extends Error {
  readonly current: ILookWithQuery
  constructor(current: ILookWithQuery) {
    super('This look was changed by someone else since you started editing.')
    this.name = 'LookEditConflict'
    this.current = current
  }
}

export function isLookEditConflict(e: unknown): e is LookEditConflict {
  return e instanceof LookEditConflict
}

type SearchSnapshot = [QueryKey, LookPage | undefined][]

interface Snapshot {
  searches: SearchSnapshot
  detail: ILookWithQuery | undefined
}

function searchParamsOf(key: QueryKey): LookSearch | undefined {
  return key[2] as LookSearch | undefined
}

/**
 * Removes the look from every cached search whose `deleted` flag no longer matches it (live lists
 * when it goes to the trash, trash lists when it comes back), and remembers everything for rollback.
 */
async function optimisticallySetDeleted(
  qc: QueryClient,
  lookId: string,
  deleted: boolean,
): Promise<Snapshot> {
  await qc.cancelQueries({ queryKey: lookKeys.searches() })
  await qc.cancelQueries({ queryKey: lookKeys.detail(lookId) })
  const snapshot: Snapshot = {
    searches: qc.getQueriesData<LookPage>({ queryKey: lookKeys.searches() }),
    detail: qc.getQueryData<ILookWithQuery>(lookKeys.detail(lookId)),
  }
  for (const [key, page] of snapshot.searches) {
    const params = searchParamsOf(key)
    if (!page || !params || params.deleted === deleted) continue
    const looks = page.looks.filter((look) => look.id !== lookId)
    if (looks.length === page.looks.length) continue
    const total = page.total == null ? null : Math.max(0, page.total - 1)
    qc.setQueryData<LookPage>(key, { looks, total })
  }
  if (snapshot.detail) {
    qc.setQueryData<ILookWithQuery>(lookKeys.detail(lookId), {
      ...snapshot.detail,
      deleted,
      deleted_at: deleted ? wireNow() : null,
    })
  }
  return snapshot
}

function rollback(qc: QueryClient, lookId: string, snapshot: Snapshot | undefined) {
  if (!snapshot) return
  for (const [key, page] of snapshot.searches) qc.setQueryData(key, page)
  if (snapshot.detail) qc.setQueryData(lookKeys.detail(lookId), snapshot.detail)
}

/** Keeps fields the server left out of a mutation's answer (e.g. `can`, `query`) from the cached look. */
function mergeIntoDetail(qc: QueryClient, look: ILookWithQuery) {
  if (!look.id) return
  qc.setQueryData<ILookWithQuery>(lookKeys.detail(look.id), (old) => {
    // A stale nested folder (old name after a move) is worse than none: the page reads folder_id.
    const folder = look.folder ?? (old?.folder_id === look.folder_id ? old?.folder : undefined)
    return { ...old, ...look, folder }
  })
}

function useDeletedFlagMutation(deleted: boolean) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (lookId: string) => updateLook(lookId, { deleted }),
    onMutate: (lookId) => optimisticallySetDeleted(qc, lookId, deleted),
    onError: (_error, lookId, snapshot) => rollback(qc, lookId, snapshot),
    onSuccess: (look) => mergeIntoDetail(qc, look),
    onSettled: (_data, _error, lookId) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: lookKeys.searches() }),
        qc.invalidateQueries({ queryKey: lookKeys.detail(lookId) }),
      ]),
  })
}

/** Soft delete: PATCH {deleted: true}. The look leaves every cached live list at once. */
export function useSoftDeleteLook() {
  return useDeletedFlagMutation(true)
}

/** Restore (undelete): PATCH {deleted: false}. The look leaves every cached trash list at once. */
export function useRestoreLook() {
  return useDeletedFlagMutation(false)
}

export interface UpdateLookVariables {
  lookId: string
  changes: LookEdit
  /**
   * The `updated_at` the edit started from. When given, the look is read fresh just before the PATCH
   * and a different `updated_at` throws LookEditConflict instead of overwriting someone else's change.
   */
  expectedUpdatedAt?: WireDate
}

/** Edit title, description, run on load, public. Not optimistic: the form waits for the server's word. */
export function useUpdateLook() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: async ({ lookId, changes, expectedUpdatedAt }: UpdateLookVariables) => {
      if (expectedUpdatedAt !== undefined) {
        const current = await getLook(lookId)
        if (!sameInstant(current.updated_at, expectedUpdatedAt)) throw new LookEditConflict(current)
      }
      return updateLook(lookId, changes)
    },
    onSuccess: (look) => mergeIntoDetail(qc, look),
    onError: (error, { lookId }) => {
      // What the server holds now is the truth the conflict dialog shows.
      if (isLookEditConflict(error)) qc.setQueryData(lookKeys.detail(lookId), error.current)
    },
    onSettled: () => qc.invalidateQueries({ queryKey: lookKeys.searches() }),
  })
}

export interface FolderTargetVariables {
  lookId: string
  folderId: string
}

/** copy_look: one POST per call, never retried (mutations do not retry; see lib/queryClient.ts). */
export function useCopyLook() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ lookId, folderId }: FolderTargetVariables) => copyLook(lookId, folderId),
    retry: false,
    onSuccess: (copy) => {
      mergeIntoDetail(qc, copy)
      // Show the copy at once, then read it back whole (its `can` map is the new folder's).
      if (copy.id) void qc.invalidateQueries({ queryKey: lookKeys.detail(copy.id) })
    },
    onSettled: () => qc.invalidateQueries({ queryKey: lookKeys.searches() }),
  })
}

/** move_look: the detail cache takes the new folder at once; every cached list is refetched. */
export function useMoveLook() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ lookId, folderId }: FolderTargetVariables) => moveLook(lookId, folderId),
    onSuccess: (moved) => mergeIntoDetail(qc, moved),
    onSettled: (_data, _error, { lookId }) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: lookKeys.searches() }),
        qc.invalidateQueries({ queryKey: lookKeys.detail(lookId) }),
      ]),
  })
}
