import ChevronRightIcon from '@mui/icons-material/ChevronRight'
import ExpandMoreIcon from '@mui/icons-material/ExpandMore'
import AllFoldersIcon from '@mui/icons-material/FolderCopyOutlined'
import FolderIcon from '@mui/icons-material/FolderOutlined'
import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import type { IFolder } from '@looker/sdk/lib/4.0/models'
import { useEffect, useId, useRef } from 'react'
import { ErrorPanel } from '../ErrorPanel'
import { disabledReasonFor } from './folderRules'
import { NO_FOLDER_KEY, nodeKey, useTree } from './folderTreeState'
import { revealInScrollBox } from './revealInScrollBox'

// Each level indents by the width of the expand chevron, so a child's chevron sits under its parent's icon.
const INDENT = 2.5

interface Props {
  /** null: the no-folder item ("All folders"). */
  folder: IFolder | null
  name?: string
  level: number
  /** The folder ids above this item in the tree. */
  path: readonly string[]
}

export function FolderTreeItem({ folder, name, level, path }: Props) {
  const tree = useTree()
  const id = folder?.id ?? ''
  const key = folder ? nodeKey([...path, id]) : NO_FOLDER_KEY
  // An unknown count (e.g. a root known only by id) may have children: opening it tells.
  const hasChildren = folder !== null && (folder.child_count == null || folder.child_count > 0)
  const open = hasChildren && tree.expanded.has(id)
  const reason = folder ? disabledReasonFor(folder, tree.rules) : null
  const selected = folder ? tree.selectedId === id : tree.selectedId === null
  const label = name ?? folder?.name ?? `Folder ${id}`
  const itemRef = useRef<HTMLDivElement>(null)
  const labelId = useId()
  const reasonId = useId()

  // The preselected folder is revealed in its scrolling list, not just highlighted.
  useEffect(() => {
    if (selected && itemRef.current) revealInScrollBox(itemRef.current)
  }, [selected])

  const focusHere = () => {
    tree.onFocus(key)
    itemRef.current?.focus()
  }

  // The row is the treeitem and its subfolders' group sits beside it, not inside: aria-disabled on a
  // treeitem would also disable every folder nested in it, though those may well be selectable.
  return (
    <li role="none">
      <Box
        ref={itemRef}
        role="treeitem"
        data-node-key={key}
        data-folder-id={id}
        aria-level={level}
        aria-expanded={hasChildren ? open : undefined}
        aria-selected={selected}
        aria-disabled={reason ? true : undefined}
        aria-labelledby={labelId}
        aria-describedby={reason ? reasonId : undefined}
        tabIndex={tree.focusedKey === key ? 0 : -1}
        onFocus={(event) => {
          if (event.target === event.currentTarget) tree.onFocus(key)
        }}
        onKeyDown={(event) => {
          if (event.target !== event.currentTarget) return
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault()
            if (!reason) tree.onSelect(folder)
          }
        }}
        onClick={() => {
          focusHere()
          if (!reason) tree.onSelect(folder)
        }}
        sx={(theme) => {
          // Tinted like MUI's selected list items, so the choice stands apart from a hovered row.
          const { primary, action } = theme.palette
          const tint = (opacity: number) => theme.alpha(primary.main, opacity)
          return {
            display: 'flex',
            alignItems: 'center',
            gap: 0.5,
            pl: (level - 1) * INDENT,
            pr: 1,
            minHeight: 36,
            borderRadius: 1,
            cursor: reason ? 'not-allowed' : 'pointer',
            color: reason ? 'text.disabled' : 'text.primary',
            bgcolor: selected ? tint(action.selectedOpacity) : undefined,
            '&:hover': {
              bgcolor: selected ? tint(action.selectedOpacity + action.hoverOpacity) : 'action.hover',
            },
            outline: 'none',
            '&:focus-visible': { outline: `2px solid ${primary.main}`, outlineOffset: -2 },
          }
        }}
      >
        <Box
          component="span"
          aria-hidden
          onClick={(event) => {
            if (!hasChildren) return
            event.stopPropagation()
            // Focus follows the click, so the item that takes Tab is never one a collapse just hid.
            focusHere()
            tree.onToggle(id)
          }}
          sx={{ display: 'inline-flex', flex: 'none', width: 24, color: 'text.secondary', cursor: 'pointer' }}
        >
          {hasChildren &&
            (open ? <ExpandMoreIcon fontSize="small" /> : <ChevronRightIcon fontSize="small" />)}
        </Box>
        {folder ? (
          <FolderIcon fontSize="small" aria-hidden sx={{ color: 'text.secondary' }} />
        ) : (
          <AllFoldersIcon fontSize="small" aria-hidden sx={{ color: 'text.secondary' }} />
        )}
        <Typography id={labelId} component="span" title={label} sx={{ flex: '0 1 auto' }} noWrap>
          {label}
        </Typography>
        {reason && (
          <Typography id={reasonId} component="span" variant="caption" sx={{ ml: 1 }} noWrap>
            {reason}
          </Typography>
        )}
      </Box>
      {open && <FolderChildren parentId={id} path={[...path, id]} level={level + 1} />}
    </li>
  )
}

function FolderChildren({ parentId, path, level }: { parentId: string; path: string[]; level: number }) {
  const children = useTree().source.useChildren(parentId)
  if (children.isPending) {
    return (
      <Box role="group" sx={{ pl: level * INDENT }} aria-busy="true">
        <Skeleton height={28} width="50%" />
      </Box>
    )
  }
  if (children.isError || !children.data) {
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
  if (children.data.length === 0) {
    return (
      <Box role="group" sx={{ pl: (level - 1) * INDENT + 3, py: 0.5 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          No subfolders
        </Typography>
      </Box>
    )
  }
  return (
    <Box component="ul" role="group" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {children.data.map((child) => (
        <FolderTreeItem key={child.id} folder={child} level={level} path={path} />
      ))}
    </Box>
  )
}
