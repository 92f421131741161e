import { canEdit } from '../access'
import type { ApiLookWithQuery } from '../api-types'
import { lookCan } from '../can'
import { forbidden, validationFailed } from '../errors'
import { Random } from '../random'
import { lookWithQuery } from '../serialize'
import type { SimStore } from '../store'
import type { FolderRecord, LookRecord } from '../types'
import type { Viewer } from '../viewer'
import { assertTitleFree, copyTitle } from './titles'
import { USERS_ROOT_ID } from '../constants'

/** A new look's short URL slug, repeatable for a seed. */
export const shortUrlSlug = (store: SimStore, lookId: string) =>
  new Random(Number(lookId) * 7919 + store.seed).string(10)

/** delete_look: permanent. Needs `destroy`; non-admins can't reach looks in the trash at all. */
export function deleteLook(store: SimStore, viewer: Viewer, id: string): void {
  const look = store.visibleLook(viewer, id)
  if (!lookCan(viewer, look).destroy) throw forbidden(`You do not have permission to delete look ${look.id}.`)
  store.removeLook(look.id)
}

/** A folder that can receive content: it must exist for the caller (404), and take looks (422). */
function targetFolder(store: SimStore, viewer: Viewer, folderId: string): FolderRecord {
  const folder = store.visibleFolder(viewer, folderId)
  if (folder.id === USERS_ROOT_ID) {
    throw validationFailed([
      { field: 'folder_id', code: 'invalid', message: 'Looks cannot be saved in the Users folder.' },
    ])
  }
  return folder
}

export function assertCanSaveIn(viewer: Viewer, folder: FolderRecord): void {
  if (!canEdit(viewer.access.get(folder.id))) {
    throw forbidden(`You do not have permission to save content in folder "${folder.name}".`)
  }
}

/**
 * copy_look: a new look with the same query in the target folder (default: the same folder), owned by
 * the caller. A clashing title becomes "Title (copy)", "Title (copy 2)"…
 */
export function copyLook(store: SimStore, viewer: Viewer, id: string, folderId?: string): ApiLookWithQuery {
  const source = store.visibleLook(viewer, id)
  if (!lookCan(viewer, source).copy) throw forbidden('Restore the look from the trash before copying it.')
  const folder = targetFolder(store, viewer, folderId ?? source.folder_id)
  assertCanSaveIn(viewer, folder)
  const now = store.nowIso()
  const lookId = store.nextId('look')
  const copy: LookRecord = {
    ...source,
    id: lookId,
    title: copyTitle(store, folder.id, source.title),
    folder_id: folder.id,
    user_id: viewer.user.id,
    last_updater_id: viewer.user.id,
    content_metadata_id: store.nextId('contentMetadata'),
    created_at: now,
    updated_at: now,
    last_viewed_at: null,
    last_accessed_at: null,
    view_count: 0,
    favorite_count: 0,
    public: false,
    public_slug: null,
    short_url_slug: shortUrlSlug(store, lookId),
  }
  store.addLook(copy)
  return lookWithQuery(viewer, store, copy)
}

/** move_look: only folder_id changes. Same folder → 422; a title clash in the target → 409. */
export function moveLook(store: SimStore, viewer: Viewer, id: string, folderId: string): ApiLookWithQuery {
  const look = store.visibleLook(viewer, id)
  const target = targetFolder(store, viewer, folderId)
  if (!lookCan(viewer, look).move) throw forbidden(`You do not have permission to move look ${look.id}.`)
  if (target.id === look.folder_id) {
    throw validationFailed([
      {
        field: 'folder_id',
        code: 'invalid',
        message: `Look is already in folder "${target.name}" (id ${target.id}). Choose a different folder.`,
      },
    ])
  }
  assertCanSaveIn(viewer, target)
  assertTitleFree(store, target.id, look.title, look.id)
  look.folder_id = target.id
  store.touch()
  return lookWithQuery(viewer, store, look)
}
