import { canEdit, canView } from '../access'
import type { ApiLookWithQuery } from '../api-types'
import { canSeeLook, canUndoDelete, isOrphaned, lookCan } from '../can'
import { forbidden, notFound, validationFailed } from '../errors'
import { lookWithQuery } from '../serialize'
import type { SimStore } from '../store'
import type { Viewer } from '../viewer'
import { assertTitleFree } from './titles'
import { validateLookPatch } from './validate-look-update'

/**
 * update_look, including soft delete ({deleted: true}) and restore ({deleted: false}, admins only).
 * Order of checks: 404 (can't see it) → 422 (body) → 403 (not allowed) → 409 (title clash).
 */
export function updateLook(store: SimStore, viewer: Viewer, id: string, body: unknown): ApiLookWithQuery {
  const look = store.look(id)
  // A look in the trash is invisible to non-admins, but when they can see its folder a 403 explains
  // more than a 404 (they may have just deleted it and pressed Undo).
  if (!look || !(canView(viewer.access.get(look.folder_id)) || canSeeLook(viewer, look))) throw notFound()
  const patch = validateLookPatch(store, viewer, body)
  // Its folder was deleted while it sat in the trash: it can only come back into a folder we name.
  if (isOrphaned(viewer, look) && !(patch.deleted ?? look.deleted) && patch.folder_id === undefined) {
    throw validationFailed([
      {
        field: 'folder_id',
        code: 'not_found',
        message: `Folder ${look.folder_id} no longer exists: give a folder_id to restore this look into.`,
      },
    ])
  }

  // The deleter may undo their own recent delete (restore only); anything else in the trash is admin's.
  const undo = patch.deleted === false && canUndoDelete(viewer, look)
  if (look.deleted && !viewer.isAdmin && !undo)
    throw forbidden('Only an admin can restore or change a look in the trash.')
  if (!lookCan(viewer, look).update) throw forbidden(`You do not have permission to update look ${look.id}.`)
  const targetFolderId = patch.folder_id ?? look.folder_id
  if (targetFolderId !== look.folder_id && !canEdit(viewer.access.get(targetFolderId))) {
    const name = store.folder(targetFolderId)?.name ?? targetFolderId
    throw forbidden(`You do not have permission to save content in folder "${name}".`)
  }
  if (patch.user_id !== undefined && patch.user_id !== look.user_id && !viewer.isAdmin) {
    throw forbidden('Only an admin can change the owner of a look.')
  }

  const willBeDeleted = patch.deleted ?? look.deleted
  const title = patch.title ?? look.title
  const titleOrPlaceChanges =
    title.toLowerCase() !== look.title.toLowerCase() ||
    targetFolderId !== look.folder_id ||
    (look.deleted && !willBeDeleted)
  if (!willBeDeleted && titleOrPlaceChanges) assertTitleFree(store, targetFolderId, title, look.id)

  const now = store.nowIso()
  if (patch.deleted === true && !look.deleted) {
    look.deleted_at = now
    look.deleter_id = viewer.user.id
  } else if (patch.deleted === false && look.deleted) {
    look.deleted_at = null
    look.deleter_id = null
  }
  if (patch.public === true && !look.public)
    look.public_slug ??= `${look.short_url_slug}${look.id.padStart(22, '0')}`
  Object.assign(look, patch)
  look.updated_at = now
  look.last_updater_id = viewer.user.id
  store.touch()
  return lookWithQuery(viewer, store, look)
}
