import ChevronRight from '@mui/icons-material/ChevronRight'
import ExpandMore from '@mui/icons-material/ExpandMore'
import Button from '@mui/material/Button'
import Collapse from '@mui/material/Collapse'
import IconButton from '@mui/material/IconButton'
import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemButton from '@mui/material/ListItemButton'
import ListItemText from '@mui/material/ListItemText'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { folderQueries } from '../../api/folders'
import { userQueries } from '../../api/users'

/** Looker's fixed roots: the Shared folder is "1" and the Users root ("People") is "2". */
const SHARED_ROOT = '1'
const USERS_ROOT = '2'

interface Props {
  selected: string | null
  onSelect: (folderId: string | null) => void
}

/**
 * The folder side panel: Shared, People (personal folders) and My folder, each level loaded when it is
 * opened (one cached `folder_children` request per opened folder). The chosen folder's ancestors open
 * by themselves, so a shared link shows where it points.
 */
export function FolderTree({ selected, onSelect }: Props) {
  const me = useQuery(userQueries.me())
  const ancestors = useQuery({ ...folderQueries.ancestors(selected ?? ''), enabled: selected !== null })
  const [toggled, setToggled] = useState<Record<string, boolean>>({})
  const openPath = new Set((ancestors.data ?? []).map((folder) => folder.id ?? ''))
  const tree: TreeContext = {
    selected,
    onSelect,
    isOpen: (id) => toggled[id] ?? openPath.has(id),
    toggle: (id, open) => setToggled((previous) => ({ ...previous, [id]: open })),
  }
  const personal = me.data?.personal_folder_id ?? null
  return (
    <nav aria-label="Folders">
      <List dense disablePadding>
        <ListItem disablePadding>
          <ListItemButton
            selected={selected === null}
            aria-current={selected === null ? 'true' : undefined}
            onClick={() => onSelect(null)}
          >
            <ListItemText primary="All folders" />
          </ListItemButton>
        </ListItem>
        <FolderNode id={SHARED_ROOT} name="Shared" depth={0} tree={tree} />
        <FolderNode id={USERS_ROOT} name="People" depth={0} tree={tree} />
        {personal && <FolderNode id={personal} name="My folder" depth={0} tree={tree} />}
      </List>
    </nav>
  )
}

interface TreeContext {
  selected: string | null
  onSelect: (folderId: string) => void
  isOpen: (id: string) => boolean
  toggle: (id: string, open: boolean) => void
}

function FolderNode({
  id,
  name,
  depth,
  tree,
  hasChildren = true,
}: {
  id: string
  name: string
  depth: number
  tree: TreeContext
  hasChildren?: boolean
}) {
  const open = tree.isOpen(id)
  const isSelected = tree.selected === id
  return (
    <>
      <ListItem
        disablePadding
        secondaryAction={
          hasChildren && (
            <IconButton
              edge="end"
              size="small"
              aria-label={`${open ? 'Collapse' : 'Expand'} ${name}`}
              aria-expanded={open}
              onClick={() => tree.toggle(id, !open)}
            >
              {open ? <ExpandMore fontSize="small" /> : <ChevronRight fontSize="small" />}
            </IconButton>
          )
        }
      >
        <ListItemButton
          selected={isSelected}
          aria-current={isSelected ? 'true' : undefined}
          onClick={() => tree.onSelect(id)}
          sx={{ pl: 2 + depth * 1.5 }}
        >
          <ListItemText primary={name} slotProps={{ primary: { noWrap: true, title: name } }} />
        </ListItemButton>
      </ListItem>
      {hasChildren && (
        <Collapse in={open} unmountOnExit>
          <FolderChildren id={id} depth={depth + 1} tree={tree} />
        </Collapse>
      )}
    </>
  )
}

function FolderChildren({ id, depth, tree }: { id: string; depth: number; tree: TreeContext }) {
  const children = useQuery(folderQueries.children(id))
  if (children.isPending) {
    return <Skeleton variant="text" sx={{ ml: 2 + depth * 1.5, mr: 2 }} aria-label="Loading folders" />
  }
  if (children.isError) {
    return (
      <Typography variant="body2" color="error" sx={{ pl: 2 + depth * 1.5, py: 0.5 }}>
        Could not load these folders.{' '}
        <Button size="small" onClick={() => void children.refetch()}>
          Retry
        </Button>
      </Typography>
    )
  }
  if (children.data.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ pl: 2 + depth * 1.5, py: 0.5 }}>
        No subfolders
      </Typography>
    )
  }
  return (
    <List dense disablePadding>
      {children.data.map((folder) => (
        <FolderNode
          key={folder.id}
          id={folder.id ?? ''}
          name={folder.name}
          depth={depth}
          tree={tree}
          hasChildren={folder.child_count == null || folder.child_count > 0}
        />
      ))}
    </List>
  )
}
