import type { IFolder } from '@looker/sdk/lib/4.0/models'
import type { Remote } from '../remote'

/**
 * The reads the folder picker needs, as hooks: the picker is only the UI (tree, search, keyboard) and
 * never fetches. api/folders.ts has the app's (`folderPickerSource`); a caller passes it in.
 */
export interface FolderSource {
  /** Looker's fixed roots: the Shared folder and the Users folder (everyone's personal folders). */
  useRoots(): Remote<{ shared: IFolder[]; users: IFolder[] }>
  /** A folder's subfolders, sorted by name. */
  useChildren(id: string): Remote<IFolder[]>
  /** Folders whose name contains `term`, sorted by name, at most `limit`. */
  useNameSearch(term: string, limit: number): Remote<IFolder[]>
  /** The folders above `id`, root first; nothing is asked for null. */
  useAncestors(id: string | null): Remote<IFolder[]>
  /** One folder; nothing is asked for null. */
  useFolder(id: string | null): Remote<IFolder>
}
