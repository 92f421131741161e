import ChevronRightIcon from '@mui/icons-material/ChevronRight'
import ExpandMoreIcon from '@mui/icons-material/ExpandMore'
import FolderIcon from '@mui/icons-material/FolderOutlined'
import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import type { IFolder } from '@looker/sdk/lib/4.0/models'
import { useQuery } from '@tanstack/react-query'
import { createContext, useContext, useEffect, useRef, type KeyboardEvent } from 'react'
import { folderQueries } from '../../api/folders'
import { ErrorPanel } from '../ErrorPanel'
import { disabledReasonFor, type FolderRules } from './folderRules'

interface TreeState {
  rules: FolderRules
  selectedId: string | null
  focusedId: string | null
  expanded: ReadonlySet<string>
  onSelect: (folder: IFolder) => void
  onFocus: (id: string) => void
  onToggle: (id: string, open?: boolean) => void
}

const TreeContext = createContext<TreeState | null>(null)

function useTree(): TreeState {
  const state = useContext(TreeContext)
  if (!state) throw new Error('FolderTreeItem outside FolderTree')
  return state
}

interface Props extends TreeState {
  labelId: string
}

/**
 * A WAI-ARIA tree of folders, loaded one level at a time as nodes open. Keyboard: Up/Down move,
 * Right opens or enters, Left closes or goes to the parent, Home/End, Enter or Space chooses.
 */
export function FolderTree({ labelId, ...state }: Props) {
  const shared = useQuery(folderQueries.search({ is_shared_root: true }))
  const users = useQuery(folderQueries.search({ is_users_root: true }))
  const treeRef = useRef<HTMLUListElement>(null)
  const roots = [...(shared.data ?? []), ...(users.data ?? [])]
  const firstRootId = roots[0]?.id ?? null
  const focusedId = state.focusedId ?? firstRootId

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = Array.from(treeRef.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])
    const current = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]')
    if (!current) return
    const index = items.indexOf(current)
    const id = current.dataset.folderId ?? ''
    const focusItem = (item: HTMLElement | undefined) => {
      if (!item?.dataset.folderId) return
      state.onFocus(item.dataset.folderId)
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
        if (expandable === 'true') state.onToggle(id, false)
        else focusItem(items.find((item) => item.dataset.folderId === current.dataset.parentId))
        break
      default:
        return
    }
    event.preventDefault()
  }

  if (shared.isError || users.isError) {
    return (
      <ErrorPanel
        title="Could not load folders"
        error={shared.error ?? users.error}
        onRetry={() => {
          void shared.refetch()
          void users.refetch()
        }}
      />
    )
  }
  if (shared.isPending || users.isPending) return <TreeSkeleton />
  return (
    <TreeContext.Provider value={{ ...state, focusedId }}>
      <Box
        component="ul"
        role="tree"
        aria-labelledby={labelId}
        ref={treeRef}
        onKeyDown={onKeyDown}
        sx={{ listStyle: 'none', m: 0, p: 0 }}
      >
        {roots.map((folder) => (
          <FolderTreeItem key={folder.id} folder={folder} level={1} />
        ))}
      </Box>
    </TreeContext.Provider>
  )
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

function FolderTreeItem({ folder, level }: { folder: IFolder; level: number }) {
  const tree = useTree()
  const id = folder.id ?? ''
  const hasChildren = (folder.child_count ?? 0) > 0
  const open = hasChildren && tree.expanded.has(id)
  const reason = disabledReasonFor(folder, tree.rules)
  const selected = tree.selectedId === id
  const focused = tree.focusedId === id
  const itemRef = useRef<HTMLLIElement>(null)
  const labelId = `folder-tree-label-${id}`
  const reasonId = `folder-tree-reason-${id}`

  // The preselected folder is revealed, not just highlighted.
  useEffect(() => {
    if (selected) itemRef.current?.scrollIntoView?.({ block: 'nearest' })
  }, [selected])

  return (
    <li
      ref={itemRef}
      role="treeitem"
      data-folder-id={id}
      data-parent-id={folder.parent_id ?? ''}
      aria-level={level}
      aria-expanded={hasChildren ? open : undefined}
      aria-selected={selected}
      aria-disabled={reason ? true : undefined}
      aria-labelledby={labelId}
      aria-describedby={reason ? reasonId : undefined}
      tabIndex={focused ? 0 : -1}
      onFocus={(event) => {
        if (event.target === event.currentTarget) tree.onFocus(id)
      }}
      onKeyDown={(event) => {
        if (event.target !== event.currentTarget) return
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault()
          if (!reason) tree.onSelect(folder)
        }
      }}
      style={{ outline: 'none' }}
    >
      <Box
        onClick={() => {
          tree.onFocus(id)
          itemRef.current?.focus()
          if (!reason) tree.onSelect(folder)
        }}
        sx={(theme) => ({
          display: 'flex',
          alignItems: 'center',
          gap: 0.5,
          pl: (level - 1) * 2.5,
          pr: 1,
          minHeight: 36,
          borderRadius: 1,
          cursor: reason ? 'not-allowed' : 'pointer',
          color: reason ? 'text.disabled' : 'text.primary',
          bgcolor: selected ? 'action.selected' : undefined,
          '&:hover': { bgcolor: selected ? 'action.selected' : 'action.hover' },
          'li:focus-visible > &': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -2 },
        })}
      >
        <Box
          component="span"
          aria-hidden
          onClick={(event) => {
            if (!hasChildren) return
            event.stopPropagation()
            tree.onToggle(id)
          }}
          sx={{ display: 'inline-flex', width: 24, color: 'text.secondary', cursor: 'pointer' }}
        >
          {hasChildren &&
            (open ? <ExpandMoreIcon fontSize="small" /> : <ChevronRightIcon fontSize="small" />)}
        </Box>
        <FolderIcon fontSize="small" aria-hidden sx={{ color: 'text.secondary' }} />
        <Typography id={labelId} component="span" sx={{ flex: '0 1 auto' }} noWrap>
          {folder.name ?? `Folder ${id}`}
        </Typography>
        {reason && (
          <Typography id={reasonId} component="span" variant="caption" sx={{ ml: 1 }} noWrap>
            {reason}
          </Typography>
        )}
      </Box>
      {open && <FolderChildren parentId={id} level={level + 1} />}
    </li>
  )
}

function FolderChildren({ parentId, level }: { parentId: string; level: number }) {
  const children = useQuery(folderQueries.children(parentId))
  if (children.isPending) {
    return (
      <Box role="group" sx={{ pl: level * 2.5 }} aria-busy="true">
        <Skeleton height={28} width="50%" />
      </Box>
    )
  }
  if (children.isError) {
    return (
      <Box role="group" sx={{ pl: level * 2 }}>
        <ErrorPanel
          title="Could not load subfolders"
          error={children.error}
          onRetry={() => void children.refetch()}
        />
      </Box>
    )
  }
  return (
    <Box component="ul" role="group" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {children.data.map((child) => (
        <FolderTreeItem key={child.id} folder={child} level={level} />
      ))}
    </Box>
  )
}
