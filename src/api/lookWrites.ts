import type { ILookWithQuery, IWriteLookWithQuery, IWriteQuery } from '@looker/sdk/lib/4.0/models'
import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query'
import { sameInstant, type WireDate } from '../lib/dates'
import { hasStatus } from '../lib/errors'
import { getFolder } from './folders'
import { LookCache } from './lookCache'
import { copyLook, createLook, deleteLook, getLook, lookKeys, moveLook, updateLook } from './looks'
import { createQuery } from './queries'
import {
  creating,
  IDEMPOTENT,
  mayHaveLanded,
  READ_FOR_WRITE,
  sendWrite,
  type WriteIntent,
  type WriteScope,
} from './sendWrite'

export { sendWrite }

/**
 * THE write path for looks (decision 0006): every change to a look, single or bulk, is one of the
 * operations below, run by `runLookWrite`. An operation says what it sends, what the cache should show
 * once it has happened, and what it touched; the runner applies that optimistically (one look, where the
 * user expects instant feedback, rolled back on error) or once the server agreed (bulk runs), and reads
 * back what was touched: at once, or once at the end of a bulk run.
 */
export interface LookWrite<V, R> {
  /** The request(s) that make the change, each sent through `sendWrite` (the write rule) with `scope`. */
  send(vars: V, scope: WriteScope): Promise<R>
  /** The cache as it should be once the change has happened. */
  expect?(cache: LookCache, vars: V): void
  /** The server's answer into the cache. */
  apply?(cache: LookCache, result: R, vars: V): void
  /** A failure that still tells something about the server's state (an edit conflict). */
  failed?(cache: LookCache, error: unknown, vars: V): void
  /** What the change may have made stale, read again once it settles. */
  touches(vars: V, result: R | undefined): QueryKey[]
}

/** Keys touched by a bulk run's writes, read back once when the run ends. */
export class TouchedKeys {
  private readonly keys = new Map<string, QueryKey>()
  add(keys: readonly QueryKey[]) {
    for (const key of keys) this.keys.set(hashKey(key), key)
  }
  async invalidate(client: QueryClient) {
    const keys = [...this.keys.values()]
    this.keys.clear()
    await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })))
  }
}

export interface RunOptions extends WriteScope {
  /** Show the change before the server answers, and put it back if it fails. */
  optimistic?: boolean
  /** Collect what was touched here instead of reading it back at once (bulk runs). */
  deferTo?: TouchedKeys
}

export async function runLookWrite<V, R>(
  client: QueryClient,
  write: LookWrite<V, R>,
  vars: V,
  { optimistic = false, deferTo, ...scope }: RunOptions = {},
): Promise<R> {
  const cache = new LookCache(client, optimistic)
  if (optimistic && write.expect) {
    // A read already on its way would overwrite the optimistic state with the old one.
    await Promise.all(write.touches(vars, undefined).map((queryKey) => client.cancelQueries({ queryKey })))
    write.expect(cache, vars)
  }
  let result: R | undefined
  try {
    result = await write.send(vars, scope)
    if (!optimistic) write.expect?.(cache, vars)
    write.apply?.(cache, result, vars)
    return result
  } catch (error) {
    cache.rollback()
    write.failed?.(cache, error, vars)
    throw error
  } finally {
    const touched = write.touches(vars, result)
    if (deferTo) deferTo.add(touched)
    else await Promise.all(touched.map((queryKey) => client.invalidateQueries({ queryKey })))
  }
}

// ---- the operations -------------------------------------------------------------------------------

/** The look's folder no longer exists: another must be chosen before it can be restored. */
export class FolderMissingError extends Error {
  constructor(readonly folderId: string | null) {
    super('Its folder no longer exists: choose another folder to restore it into.')
    this.name = 'FolderMissingError'
  }
}

/** The look left the trash after it was selected (someone restored it): it was not deleted. */
export class NotInTrashError extends Error {
  constructor() {
    super('It was restored by someone after you selected it, so it was not deleted.')
    this.name = 'NotInTrashError'
  }
}

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

async function folderIsGone(folderId: string | null | undefined, scope: WriteScope): Promise<boolean> {
  if (!folderId) return true
  try {
    await sendWrite(READ_FOR_WRITE, (signal) => getFolder(folderId, signal, 'id'), scope)
    return false
  } catch (e) {
    if (hasStatus(e, 404)) return true
    throw e
  }
}

// What to check before trying again when a creating POST may have been carried out (its answer was lost).
const COPY: WriteIntent = creating('The copy may have been made: check the folder before trying again.')
const CREATE_LOOK: WriteIntent = creating(
  'The look may have been saved: check the folder before trying again.',
)
// Looker answers an identical query with the same query, so trying again makes no second one.
export const CREATE_QUERY: WriteIntent = creating('Nothing was saved yet; trying again is safe.')

const ALREADY_GONE = 'Already gone: an earlier attempt that lost its answer had deleted it'

/** Lists, and the look itself: what a change to one look can make stale. */
const aroundLook = (lookId: string): QueryKey[] => [
  lookKeys.searches(),
  lookKeys.lists(),
  lookKeys.detail(lookId),
]

export interface LookRef {
  lookId: string
}

export interface RestoreVars extends LookRef {
  /** The folder the look was in, checked when the restore is refused. */
  folderId?: string | null
  /** Restore into this folder instead (its own folder is gone). */
  into?: string
}

export interface UpdateVars extends LookRef {
  changes: LookEdit
  /**
   * The `updated_at` the edit started from. When given, the look is read fresh just before the PATCH
   * and a different `updated_at` throws LookEditConflict instead of overwriting someone else's change.
   */
  expectedUpdatedAt?: WireDate
}

export interface FolderTargetVars extends LookRef {
  folderId: string
}

export interface CreateVars {
  /** The new look's query: an existing query's id, or a query definition to make first (create_query). */
  query: string | IWriteQuery
  look: Pick<IWriteLookWithQuery, 'title' | 'description' | 'folder_id' | 'is_run_on_load'>
}

export interface SetQueryVars extends LookRef {
  queryId: string
}

export const lookWrites = {
  /** Soft delete: PATCH {deleted: true}. The look leaves every live list. */
  softDelete: {
    send: ({ lookId }, scope) =>
      sendWrite(IDEMPOTENT, (signal) => updateLook(lookId, { deleted: true }, signal), scope),
    expect: (cache, { lookId }) => cache.setDeleted(lookId, true),
    apply: (cache, look) => cache.mergeDetail(look),
    touches: ({ lookId }) => aroundLook(lookId),
  } satisfies LookWrite<LookRef, ILookWithQuery>,

  /**
   * Restore (undelete): PATCH {deleted: false}, optionally into another folder. When it is refused (real
   * Looker answers 404, the simulator 422 on folder_id) because the look's folder is gone, it says so.
   */
  restore: {
    async send({ lookId, folderId, into }, scope) {
      const body = into ? { deleted: false, folder_id: into } : { deleted: false }
      try {
        return await sendWrite(IDEMPOTENT, (signal) => updateLook(lookId, body, signal), scope)
      } catch (e) {
        if (!into && hasStatus(e, 404, 422) && (await folderIsGone(folderId, scope)))
          throw new FolderMissingError(folderId ?? null)
        throw e
      }
    },
    expect: (cache, { lookId }) => cache.setDeleted(lookId, false),
    apply: (cache, look) => cache.mergeDetail(look),
    touches: ({ lookId }) => aroundLook(lookId),
  } satisfies LookWrite<RestoreVars, ILookWithQuery>,

  /**
   * Permanent delete, checked first: a look that someone restored since it was chosen is live again and
   * must not be destroyed. After an attempt whose answer was lost (`ambiguous`, or a DELETE the write
   * rule sent again after a drop), 404 means it landed.
   */
  deleteForever: {
    async send({ lookId, ambiguous }, scope) {
      try {
        const current = await sendWrite(
          READ_FOR_WRITE,
          (signal) => getLook(lookId, signal, 'id,deleted'),
          scope,
        )
        if (current.deleted !== true) throw new NotInTrashError()
        await sendWrite(IDEMPOTENT, (signal) => deleteLook(lookId, signal), scope)
        return {}
      } catch (e) {
        if (hasStatus(e, 404) && (ambiguous || mayHaveLanded(e))) return { note: ALREADY_GONE }
        throw e
      }
    },
    expect: (cache, { lookId }) => cache.removeFromSearches(lookId),
    touches: ({ lookId }) => aroundLook(lookId),
  } satisfies LookWrite<LookRef & { ambiguous?: boolean }, { note?: string }>,

  /** Edit title, description, run on load, public: only what changed is sent. */
  update: {
    async send({ lookId, changes, expectedUpdatedAt }, scope) {
      if (expectedUpdatedAt !== undefined) {
        const current = await sendWrite(READ_FOR_WRITE, (signal) => getLook(lookId, signal), scope)
        if (!sameInstant(current.updated_at, expectedUpdatedAt)) throw new LookEditConflict(current)
      }
      return sendWrite(IDEMPOTENT, (signal) => updateLook(lookId, changes, signal), scope)
    },
    apply: (cache, look) => cache.mergeDetail(look),
    // What the server holds now is the truth the conflict dialog shows.
    failed: (cache, error) => {
      if (isLookEditConflict(error)) cache.replaceDetail(error.current)
    },
    touches: () => [lookKeys.searches(), lookKeys.lists()],
  } satisfies LookWrite<UpdateVars, ILookWithQuery>,

  /** copy_look: creates a look, so it is sent again only when Looker's answer proves no copy was made. */
  copy: {
    send: ({ lookId, folderId }, scope) =>
      sendWrite(COPY, (signal) => copyLook(lookId, folderId, signal), scope),
    apply: (cache, copy) => cache.mergeDetail(copy),
    // Shown at once, then read back whole: the copy's `can` map is its new folder's.
    touches: (_vars, copy) => [
      lookKeys.searches(),
      lookKeys.lists(),
      ...(copy?.id ? [lookKeys.detail(copy.id)] : []),
    ],
  } satisfies LookWrite<FolderTargetVars, ILookWithQuery>,

  /**
   * move_look: the look takes its new folder (and breadcrumb) from the answer. Looker refuses a move into
   * the look's own folder (422), so when the write rule sent it again after a lost answer, that 422 may
   * mean the first one landed: the look is read to tell.
   */
  move: {
    async send({ lookId, folderId }, scope) {
      try {
        return await sendWrite(IDEMPOTENT, (signal) => moveLook(lookId, folderId, signal), scope)
      } catch (e) {
        if (!hasStatus(e, 422) || !mayHaveLanded(e)) throw e
        const look = await sendWrite(READ_FOR_WRITE, (signal) => getLook(lookId, signal), scope)
        if (look.folder_id !== folderId) throw e
        return look
      }
    },
    apply: (cache, moved) => cache.mergeDetail(moved),
    touches: ({ lookId }) => aroundLook(lookId),
  } satisfies LookWrite<FolderTargetVars, ILookWithQuery>,

  /**
   * create_look, after create_query when given a definition: a new look from a query (a saved variant, or
   * one re-created from a backup). Each POST is sent again only when Looker proves it did nothing (the
   * write rule); a repeat by the user after a lost answer meets a 409 (the title is taken in the folder),
   * not a second look.
   */
  create: {
    async send({ query, look }, scope) {
      const queryId =
        typeof query === 'string'
          ? query
          : (await sendWrite(CREATE_QUERY, (signal) => createQuery(query, signal), scope)).id
      return sendWrite(CREATE_LOOK, (signal) => createLook({ ...look, query_id: queryId }, signal), scope)
    },
    apply: (cache, created) => cache.mergeDetail(created),
    touches: (_vars, created) => [
      lookKeys.searches(),
      lookKeys.lists(),
      ...(created?.id ? [lookKeys.detail(created.id)] : []),
    ],
  } satisfies LookWrite<CreateVars, ILookWithQuery>,

  /** update_look with another query_id: the look now shows other filters (Undo puts the old id back). */
  setQuery: {
    send: ({ lookId, queryId }, scope) =>
      sendWrite(IDEMPOTENT, (signal) => updateLook(lookId, { query_id: queryId }, signal), scope),
    apply: (cache, look) => cache.mergeDetail(look),
    touches: ({ lookId }) => aroundLook(lookId),
  } satisfies LookWrite<SetQueryVars, ILookWithQuery>,
}
