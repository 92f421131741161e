import { getFolder } from '../../api/folders'
import { deleteLook, getLook, updateLook } from '../../api/looks'
import type { BulkContext, BulkSuccess } from '../../lib/bulk'
import { hasStatus } from '../../lib/errors'
import type { SelectedLook } from './trashQueries'

/**
 * What one bulk step does to one look. Each is safe to repeat after a 429 (nothing happened) and after
 * an uncertain failure (it may have happened): restoring or trashing twice is harmless, and a repeated
 * permanent delete reads 404 as "already gone".
 */

export type LookAction = (look: SelectedLook, ctx: BulkContext) => Promise<BulkSuccess | void>

/** The look's folder no longer exists: the admin must pick another before it can be restored. */
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

const ALREADY_GONE = 'Already gone: an earlier attempt that lost its answer had deleted it'

async function folderIsGone(folderId: string | null): Promise<boolean> {
  if (!folderId) return true
  try {
    await getFolder(folderId, undefined, 'id')
    return false
  } catch (e) {
    if (hasStatus(e, 404)) return true
    throw e
  }
}

export const restoreLook: LookAction = async (look) => {
  try {
    await updateLook(look.id, { deleted: false })
  } catch (e) {
    // Real Looker answers 404 for a missing folder; the simulator answers 422 on folder_id.
    if (hasStatus(e, 404, 422) && (await folderIsGone(look.folderId))) {
      throw new FolderMissingError(look.folderId)
    }
    throw e
  }
}

/** Restore and move in one update, for looks whose folder is gone. */
export const restoreLookInto =
  (folderId: string): LookAction =>
  async (look) => {
    await updateLook(look.id, { deleted: false, folder_id: folderId })
  }

export const moveLookToTrash: LookAction = async (look) => {
  await updateLook(look.id, { deleted: true })
}

/**
 * Permanent delete, checked first: a look that someone restored since it was selected is live again
 * and must not be destroyed. A 404 after an uncertain attempt means our earlier DELETE landed.
 */
export const deleteLookForever: LookAction = async (look, ctx) => {
  try {
    const current = await getLook(look.id, undefined, 'id,deleted')
    if (current.deleted !== true) throw new NotInTrashError()
    await deleteLook(look.id)
  } catch (e) {
    if (hasStatus(e, 404) && ctx.ambiguous) return { note: ALREADY_GONE }
    throw e
  }
}
