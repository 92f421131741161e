import type { IFolder } from '@looker/sdk/lib/4.0/models'
import { createContext, useContext } from 'react'
import type { FolderRules } from './folderRules'
import type { FolderSource } from './folderSource'

/** A top-level item beside Looker's fixed roots: a folder, or (folder null) the choice of no folder. */
export interface TreeRoot {
  folder: IFolder | null
  /** Shown instead of the folder's own name, e.g. "My folder". */
  name?: string
}

export interface TreeState {
  source: FolderSource
  rules: FolderRules
  selectedId: string | null
  /** The item that takes Tab (roving tabindex), by node key. */
  focusedKey: string | null
  /** Open folders by id: a folder shown twice opens and closes in both places. */
  expanded: ReadonlySet<string>
  /** null when the no-folder item (e.g. "All folders") is chosen. */
  onSelect: (folder: IFolder | null) => void
  onFocus: (key: string) => void
  onToggle: (id: string, open?: boolean) => void
}

export const TreeContext = createContext<TreeState | null>(null)

export function useTree(): TreeState {
  const state = useContext(TreeContext)
  if (!state) throw new Error('FolderTreeItem outside FolderTree')
  return state
}

/** The no-folder item's key; folder ids never contain "*". */
export const NO_FOLDER_KEY = '*'

/**
 * An item's place: the folder ids from its root down. Keys, not ids, tell items apart, because a folder
 * may be shown twice (the search panel's "My folder" is also under People).
 */
export const nodeKey = (ids: readonly string[]) => ids.join('/')
