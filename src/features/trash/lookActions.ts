import type { BuiltBackup } from '../../api/lookBackup'
import type { SelectedLook } from '../../api/lookLists'
import { lookWrites, NotInTrashError, type LookWrite } from '../../api/lookWrites'
import type { BulkContext, BulkSuccess } from '../../lib/bulk'

/**
 * What one bulk step does to one look: one of the look operations from api/lookWrites.ts (the same the
 * look page uses), run by the bulk runner through `write`. Each is safe to repeat after a 429 (nothing
 * happened) and after an uncertain failure (it may have happened): restoring or trashing twice is
 * harmless, and a repeated permanent delete reads 404 as "already gone".
 */

export interface LookActionContext extends BulkContext {
  /** Runs one look operation as part of this bulk run (lists are read back once, when it ends). */
  write: <V, R>(operation: LookWrite<V, R>, vars: V) => Promise<R>
}

export type LookAction = (look: SelectedLook, ctx: LookActionContext) => Promise<BulkSuccess | void>

export const restoreLook: LookAction = async (look, { write }) => {
  await write(lookWrites.restore, { lookId: look.id, folderId: look.folderId })
}

/** Restore and move in one update, for looks whose folder is gone. */
export const restoreLookInto =
  (folderId: string): LookAction =>
  async (look, { write }) => {
    await write(lookWrites.restore, { lookId: look.id, into: folderId })
  }

export const moveLookToTrash: LookAction = async (look, { write }) => {
  await write(lookWrites.softDelete, { lookId: look.id })
}

export const deleteLookForever: LookAction = (look, { write, ambiguous }) =>
  write(lookWrites.deleteForever, { lookId: look.id, ambiguous })

/**
 * Permanent delete of the looks a backup holds, and of nothing else: a look the backup left out (restored
 * since it was chosen, or gone already) is never sent a DELETE.
 */
export function deleteBackedUp(built: BuiltBackup): LookAction {
  const inBackup = new Set(built.included.map((l) => l.id))
  const skipped = new Map(built.skipped.map((s) => [s.look.id, s.reason]))
  return async (look, ctx) => {
    const reason = skipped.get(look.id)
    if (reason === 'restored') throw new NotInTrashError()
    if (reason === 'gone') return { note: 'someone else had deleted it already' }
    if (!inBackup.has(look.id)) throw new Error('It is not in the backup, so it was not deleted.')
    return deleteLookForever(look, ctx)
  }
}
