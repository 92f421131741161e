import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'
import { useRef, type KeyboardEvent } from 'react'
import { ErrorPanel } from '../ErrorPanel'
import type { FolderRules } from './folderRules'
import { FolderTreeItem } from './FolderTreeItem'
import { NO_FOLDER_KEY, TreeContext, type TreeRoot, type TreeState } from './folderTreeState'

interface Props extends Omit<TreeState, 'rules'> {
  labelId: string
  /** Which folders may not be chosen; none when left out. */
  rules?: FolderRules
  /** Names for Looker's fixed roots instead of their own, e.g. "People" for Users. */
  rootNames?: { shared?: string; users?: string }
  /** Top-level items before and after the fixed roots, e.g. "All folders" and "My folder". */
  before?: readonly TreeRoot[]
  after?: readonly TreeRoot[]
}

/**
 * A WAI-ARIA tree of folders, loaded one level at a time as nodes open. Keyboard: Up/Down move,
 * Right opens or enters, Left closes or goes to the parent, Home/End, Enter or Space chooses.
 */
export function FolderTree({
  labelId,
  rules = {},
  rootNames = {},
  before = [],
  after = [],
  ...state
}: Props) {
  const fixedRoots = state.source.useRoots()
  const treeRef = useRef<HTMLUListElement>(null)
  const roots: TreeRoot[] = [
    ...before,
    ...(fixedRoots.data?.shared ?? []).map((folder) => ({ folder, name: rootNames.shared })),
    ...(fixedRoots.data?.users ?? []).map((folder) => ({ folder, name: rootNames.users })),
    ...after,
  ]
  const first = roots[0]?.folder
  const firstKey = first === undefined ? null : (first?.id ?? NO_FOLDER_KEY)
  const focusedKey = state.focusedKey ?? firstKey

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = Array.from(treeRef.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])
    const current = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]')
    if (!current) return
    const index = items.indexOf(current)
    const id = current.dataset.folderId ?? ''
    const focusItem = (item: HTMLElement | null | undefined) => {
      if (!item?.dataset.nodeKey) return
      state.onFocus(item.dataset.nodeKey)
      item.focus()
    }
    const expandable = current.getAttribute('aria-expanded')
    switch (event.key) {
      case 'ArrowDown':
        focusItem(items[index + 1])
        break
      case 'ArrowUp':
        focusItem(items[index - 1])
        break
      case 'Home':
        focusItem(items[0])
        break
      case 'End':
        focusItem(items[items.length - 1])
        break
      case 'ArrowRight':
        if (expandable === 'false') state.onToggle(id, true)
        else if (expandable === 'true') focusItem(items[index + 1])
        break
      case 'ArrowLeft':
        // The parent in the DOM, not by parent_id: a folder shown twice has two parents on screen.
        if (expandable === 'true') state.onToggle(id, false)
        else focusItem(parentItem(current))
        break
      default:
        return
    }
    event.preventDefault()
  }

  if (fixedRoots.isError) {
    return (
      <ErrorPanel
        title="Could not load folders"
        error={fixedRoots.error}
        onRetry={() => void fixedRoots.refetch()}
      />
    )
  }
  if (fixedRoots.isPending) return <TreeSkeleton />
  return (
    <TreeContext.Provider value={{ ...state, rules, focusedKey }}>
      <Box
        component="ul"
        role="tree"
        aria-labelledby={labelId}
        ref={treeRef}
        onKeyDown={onKeyDown}
        sx={{ listStyle: 'none', m: 0, p: 0 }}
      >
        {roots.map((root) => (
          <FolderTreeItem
            key={root.folder?.id ?? NO_FOLDER_KEY}
            folder={root.folder}
            name={root.name}
            level={1}
            path={[]}
          />
        ))}
      </Box>
    </TreeContext.Provider>
  )
}

/** The treeitem whose group holds this one: the group sits beside its parent's row, in the same <li>. */
function parentItem(item: HTMLElement) {
  return item
    .closest('[role="group"]')
    ?.parentElement?.querySelector<HTMLElement>(':scope > [role="treeitem"]')
}

function TreeSkeleton() {
  return (
    <Box aria-busy="true" aria-label="Loading folders">
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} height={32} width={`${60 - i * 10}%`} />
      ))}
    </Box>
  )
}
