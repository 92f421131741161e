import { queryOptions } from '@tanstack/react-query'
import { hasStatus } from '../lib/errors'
import { getFolder } from './folders'
import { lookKeys, searchLooks } from './looks'

/**
 * What re-creating looks from a backup needs to know about the folders they go into (issue 15): whether
 * each folder still exists (and may take new looks), and which titles its live looks already have (Looker
 * refuses a second live look with the same title in a folder, case-insensitively, with 409).
 */

export type TargetFolder =
  { exists: true; id: string; name: string; canAddLooks: boolean } | { exists: false; id: string }

/** Titles are compared as Looker compares them: trimmed, ignoring case. */
export const titleKey = (title: string) => title.trim().toLocaleLowerCase()

const TITLES_PAGE = 1000

/** Every live look's title in a folder, in pages (a folder may hold more than one page). */
async function liveTitlesIn(folderId: string, signal?: AbortSignal): Promise<Set<string>> {
  const titles = new Set<string>()
  for (let offset = 0; ; offset += TITLES_PAGE) {
    const { looks } = await searchLooks(
      { folder_id: folderId, deleted: false, sorts: 'id', limit: TITLES_PAGE, offset },
      signal,
      'id,title',
    )
    for (const look of looks) titles.add(titleKey(look.title ?? ''))
    if (looks.length < TITLES_PAGE) return titles
  }
}

export const backupTargetKeys = {
  folder: (id: string) => ['backupTargets', 'folder', id] as const,
  // Under the looks' list keys: a run that creates or deletes looks marks it stale (api/lookWrites.ts).
  titles: (folderId: string) => [...lookKeys.lists(), 'titles-in-folder', folderId] as const,
}

export const backupTargetQueries = {
  /** The folder, or that it is gone (404): a gone folder is an answer here, not an error. */
  folder: (id: string) =>
    queryOptions({
      queryKey: backupTargetKeys.folder(id),
      queryFn: async ({ signal }): Promise<TargetFolder> => {
        try {
          const folder = await getFolder(id, signal, 'id,name,can')
          return {
            exists: true,
            id,
            name: folder.name ?? `Folder ${id}`,
            canAddLooks: folder.can?.edit_content === true,
          }
        } catch (e) {
          if (hasStatus(e, 404)) return { exists: false, id }
          throw e
        }
      },
    }),
  titles: (folderId: string) =>
    queryOptions({
      queryKey: backupTargetKeys.titles(folderId),
      queryFn: ({ signal }) => liveTitlesIn(folderId, signal),
    }),
}
