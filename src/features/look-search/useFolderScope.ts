import { useQuery } from '@tanstack/react-query'
import { FOLDER_TREE_LIMIT, folderQueries } from '../../api/folders'
import { MAX_SUBTREE_IDS, subtreeIds } from './folderScope'

export type FolderScope =
  { status: 'ready'; folderIds: string | null; note: string | null } | { status: 'pending' }

/**
 * The `folder_id` value a search sends: nothing, one folder, or (with subfolders) a comma list built
 * from one cached `search_folders` call instead of one request per folder.
 */
export function useFolderScope(folder: string | null, includeSubfolders: boolean): FolderScope {
  const wantTree = folder !== null && includeSubfolders
  const tree = useQuery({ ...folderQueries.tree(), enabled: wantTree })
  if (folder === null) return { status: 'ready', folderIds: null, note: null }
  if (!includeSubfolders) return { status: 'ready', folderIds: folder, note: null }
  if (tree.isPending && tree.fetchStatus !== 'idle') return { status: 'pending' }
  if (!tree.data) {
    return {
      status: 'ready',
      folderIds: folder,
      note: 'Subfolders could not be listed: showing this folder only.',
    }
  }
  const ids = subtreeIds(tree.data, folder)
  if (ids.length > MAX_SUBTREE_IDS) {
    return {
      status: 'ready',
      folderIds: folder,
      note: `This folder has ${ids.length - 1} subfolders, too many to search at once: showing this folder only.`,
    }
  }
  const note =
    tree.data.length >= FOLDER_TREE_LIMIT
      ? `Only the first ${FOLDER_TREE_LIMIT} folders were read: some deep subfolders may be missing.`
      : null
  return { status: 'ready', folderIds: ids.join(','), note }
}
