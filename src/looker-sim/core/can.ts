import { canEdit, canView } from './access'
import type { CanMap } from './api-types'
import { hasPermission } from './roles'
import type { DashboardRecord, FolderRecord, LookRecord, UserRecord } from './types'
import type { Viewer } from './viewer'

/**
 * `can` maps. The spec enumerates no keys; these are the Look and Folder keys seen in real responses
 * (FACTS §4). Every key is always present, false when not allowed, so "missing" never has to mean
 * anything.
 */
export const LOOK_CAN_KEYS = [
  'show',
  'index',
  'copy',
  'run',
  'explore',
  'move',
  'update',
  'destroy',
  'recover',
  'update_publicity',
  'schedule',
  'render',
  'download',
  'find_and_replace',
  'show_errors',
  'create',
] as const

export type LookCanKey = (typeof LOOK_CAN_KEYS)[number]
export type LookCan = Record<LookCanKey, boolean>

/**
 * How long the user who soft-deleted a look may still see and restore it ("Undo"), when they can edit
 * its folder. Looker documents restore as admin-only; this grace period is the simulator's choice so
 * that Undo is honest for an analyst (docs/decisions/0006-look-editing.md). Afterwards: admins only.
 */
export const UNDO_DELETE_WINDOW_MS = 10 * 60_000

export function canUndoDelete(viewer: Viewer, look: LookRecord): boolean {
  if (!look.deleted || look.deleter_id !== viewer.user.id || look.deleted_at === null) return false
  if (!canEdit(viewer.access.get(look.folder_id))) return false
  const deletedAt = Date.parse(look.deleted_at)
  return viewer.now >= deletedAt && viewer.now - deletedAt <= UNDO_DELETE_WINDOW_MS
}

/** Soft-deleted looks are visible to admins only (the Trash is an admin page in Looker), and to their deleter for a while. */
export function canSeeLook(viewer: Viewer, look: LookRecord): boolean {
  // A trashed look whose folder no longer exists stays in the admin's trash, to be restored elsewhere.
  if (isOrphaned(viewer, look)) return viewer.isAdmin && look.deleted
  return (
    canView(viewer.access.get(look.folder_id)) &&
    (!look.deleted || viewer.isAdmin || canUndoDelete(viewer, look))
  )
}

/** The look's folder is gone (the access map covers every existing folder). */
export function isOrphaned(viewer: Viewer, look: LookRecord): boolean {
  return !viewer.access.has(look.folder_id)
}

export function lookCan(viewer: Viewer, look: LookRecord): LookCan {
  const view = canSeeLook(viewer, look)
  // Only an admin sees an orphaned look (see canSeeLook), and may restore (into another folder) or delete it.
  const edit = view && (isOrphaned(viewer, look) || canEdit(viewer.access.get(look.folder_id)))
  const live = !look.deleted
  return {
    show: view,
    index: view,
    // A copy is new content: Looker's save_content permission (folder access decides the rest).
    copy: view && live && hasPermission(viewer.user, 'save_content'),
    run: view,
    // Adjusting a look's query means creating a new one: Looker's `explore` permission.
    explore: view && hasPermission(viewer.user, 'explore'),
    move: edit && live,
    // update on a deleted look is how it is restored (admins; the deleter during the undo window).
    update: edit,
    destroy: edit,
    recover: view && look.deleted && (viewer.isAdmin || canUndoDelete(viewer, look)),
    update_publicity: edit && live,
    schedule: view && live,
    render: view,
    download: view,
    find_and_replace: edit && live,
    show_errors: edit,
    create: edit && live,
  }
}

export function folderCan(viewer: Viewer, folder: FolderRecord): CanMap {
  const access = viewer.access.get(folder.id)
  const view = canView(access)
  const edit = canEdit(access)
  const isRoot = folder.is_shared_root || folder.is_users_root
  // Personal folders can hold content but cannot be renamed or deleted (as in Looker).
  const structural = edit && !isRoot && !folder.is_personal
  return {
    index: view,
    show: view,
    create: edit && !folder.is_users_root,
    update: structural,
    destroy: structural,
    move_content: edit && !folder.is_users_root,
    edit_content: edit && !folder.is_users_root,
    see_admin_spaces: viewer.isAdmin,
  }
}

/** A user-defined dashboard: in a folder the caller may view; in the trash, for admins only. */
export function canSeeDashboard(viewer: Viewer, dashboard: DashboardRecord): boolean {
  return (
    hasPermission(viewer.user, 'see_user_dashboards') &&
    canView(viewer.access.get(dashboard.folder_id)) &&
    (!dashboard.deleted || viewer.isAdmin)
  )
}

export function dashboardCan(viewer: Viewer, dashboard: DashboardRecord): CanMap {
  const view = canSeeDashboard(viewer, dashboard)
  const edit = view && canEdit(viewer.access.get(dashboard.folder_id))
  return {
    index: view,
    show: view,
    // A copy is new content, as for looks.
    copy: view && hasPermission(viewer.user, 'save_content'),
    run: view,
    render: view,
    update: edit,
    destroy: edit,
    move: edit && !dashboard.deleted,
  }
}

/** LookML dashboards are read-only: they change only through their LookML, never through the API. */
export function lookmlDashboardCan(viewer: Viewer): CanMap {
  const view = hasPermission(viewer.user, 'see_lookml_dashboards')
  return {
    index: view,
    show: view,
    copy: view && hasPermission(viewer.user, 'save_content'),
    run: view,
    render: view,
    update: false,
    destroy: false,
    move: false,
  }
}

export function userCan(viewer: Viewer, user: UserRecord): CanMap {
  const self = viewer.user.id === user.id
  return {
    show: true,
    index: true,
    show_details: viewer.isAdmin || self,
    index_details: viewer.isAdmin,
    sudo: viewer.isAdmin && !self,
  }
}

export function queryCan(viewer: Viewer): CanMap {
  const developer = viewer.user.role !== 'viewer'
  const explore = hasPermission(viewer.user, 'explore')
  return {
    run: true,
    see_results: true,
    // Creating a query (an adjusted variant) needs `explore`; saving one as a look needs `save_content`.
    explore,
    create: explore,
    show: true,
    cost_estimate: true,
    index: true,
    see_lookml: developer,
    see_derived_table_lookml: developer,
    see_sql: developer,
    generate_drill_links: true,
    download: true,
    // "All results" downloads (sdk-codegen's newer test data has the key; FACTS §4): Looker's permission.
    download_unlimited: hasPermission(viewer.user, 'download_without_limit'),
    render: true,
    save: hasPermission(viewer.user, 'save_content'),
    schedule: true,
  }
}
