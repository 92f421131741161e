import { MAX_TITLE_LENGTH } from '../constants'
import { conflict } from '../errors'
import type { SimStore } from '../store'

/**
 * Titles are unique among the live looks of a folder, compared case-insensitively. Looks in the trash
 * don't count, so restoring one can clash (409) with a look created since.
 */
export function titleTaken(store: SimStore, folderId: string, title: string, exceptLookId?: string): boolean {
  const wanted = title.trim().toLowerCase()
  for (const look of store.looks()) {
    if (look.folder_id === folderId && !look.deleted && look.id !== exceptLookId) {
      if (look.title.trim().toLowerCase() === wanted) return true
    }
  }
  return false
}

export function assertTitleFree(
  store: SimStore,
  folderId: string,
  title: string,
  exceptLookId?: string,
): void {
  if (!titleTaken(store, folderId, title, exceptLookId)) return
  const folderName = store.folder(folderId)?.name ?? folderId
  throw conflict(`Resource Already Exists: a look titled "${title}" is already in folder "${folderName}".`)
}

/** "Revenue" → "Revenue (copy)" → "Revenue (copy 2)" …, kept within the title length limit. */
export function copyTitle(store: SimStore, folderId: string, title: string): string {
  if (!titleTaken(store, folderId, title)) return title
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`
    const candidate = title.slice(0, MAX_TITLE_LENGTH - suffix.length) + suffix
    if (!titleTaken(store, folderId, candidate)) return candidate
  }
}
