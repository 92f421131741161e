import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { folderPickerSource } from '../../api/folders'
import { userQueries } from '../../api/users'
// From the files, not the folder's index: the index also brings the picker dialog, which /looks never opens.
import { FolderTree } from '../../components/FolderPicker/FolderTree'
import type { TreeRoot } from '../../components/FolderPicker/folderTreeState'
import { useFolderExpansion } from '../../components/FolderPicker/useFolderExpansion'
import { USERS_ROOT_NAME } from './folderScope'

interface Props {
  selected: string | null
  onSelect: (folderId: string | null) => void
}

const ALL_FOLDERS: TreeRoot = { folder: null, name: 'All folders' }

/**
 * The search's folder filter: the shared folder tree with "All folders" (no filter) first, Shared, People
 * (personal folders) and My folder, each level loaded when it opens. The chosen folder's ancestors open
 * by themselves, so a shared link shows where it points.
 */
export function FolderPanel({ selected, onSelect }: Props) {
  const labelId = useId()
  const me = useQuery(userQueries.me())
  const personal = me.data?.personal_folder_id
  const { expanded, toggle, revealedKey, alreadyShown } = useFolderExpansion(folderPickerSource, selected)
  const [focusedKey, setFocusedKey] = useState<string | null>(null)
  // Known by id only: its child count is unknown, so it offers to open and says if it is empty.
  const myFolder: TreeRoot[] = personal ? [{ folder: { id: personal, name: 'My folder' } }] : []

  return (
    <nav aria-labelledby={labelId}>
      <Typography
        id={labelId}
        variant="overline"
        component="h2"
        sx={{ display: 'block', px: 1, color: 'text.secondary' }}
      >
        Folders
      </Typography>
      <FolderTree
        source={folderPickerSource}
        labelId={labelId}
        rootNames={{ users: USERS_ROOT_NAME }}
        before={[ALL_FOLDERS]}
        after={myFolder}
        selectedId={selected}
        // Until the user moves in the tree, Tab lands on the chosen folder (or All folders).
        focusedKey={focusedKey ?? revealedKey}
        expanded={expanded}
        onSelect={(folder) => {
          const id = folder?.id ?? null
          if (id !== null) alreadyShown(id)
          onSelect(id)
        }}
        onFocus={setFocusedKey}
        onToggle={toggle}
      />
    </nav>
  )
}
