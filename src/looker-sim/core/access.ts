import { hasPermission } from './roles'
import type { FolderRecord, RoleName, UserRecord } from './types'

export type Access = 'none' | 'view' | 'edit'

/**
 * What a user may do in a folder: admins edit everything; personal trees belong to their owner only;
 * everyone may open the Users root (to reach their own folder); elsewhere the nearest grant for the
 * user's role, walking up the tree, decides. Editing also needs Looker's `save_content` permission
 * (which its Viewer role lacks): without it, even the user's own personal folder is view-only.
 */
export function folderAccess(
  user: UserRecord,
  folder: FolderRecord,
  foldersById: ReadonlyMap<string, FolderRecord>,
): Access {
  const access = contentAccess(user, folder, foldersById)
  return access === 'edit' && !hasPermission(user, 'save_content') ? 'view' : access
}

function contentAccess(
  user: UserRecord,
  folder: FolderRecord,
  foldersById: ReadonlyMap<string, FolderRecord>,
): Access {
  if (user.role === 'admin') return 'edit'
  if (folder.personal_owner_id !== null) return folder.personal_owner_id === user.id ? 'edit' : 'none'
  if (folder.is_users_root) return 'view'
  return inheritedGrant(user.role, folder, foldersById) ?? 'none'
}

function inheritedGrant(
  role: RoleName,
  folder: FolderRecord,
  foldersById: ReadonlyMap<string, FolderRecord>,
): Access | undefined {
  let current: FolderRecord | undefined = folder
  // Bounded walk: a corrupt snapshot with a parent cycle must not hang the simulator.
  for (let depth = 0; current && depth < 64; depth++) {
    const grant = current.access?.[role]
    if (grant) return grant
    current = current.parent_id === null ? undefined : foldersById.get(current.parent_id)
  }
  return undefined
}

/** Access to every folder for one user; computed once per request (there are only dozens of folders). */
export function accessMap(
  user: UserRecord,
  foldersById: ReadonlyMap<string, FolderRecord>,
): Map<string, Access> {
  const map = new Map<string, Access>()
  for (const folder of foldersById.values()) map.set(folder.id, folderAccess(user, folder, foldersById))
  return map
}

export const canView = (access: Access | undefined): boolean => access === 'view' || access === 'edit'
export const canEdit = (access: Access | undefined): boolean => access === 'edit'
