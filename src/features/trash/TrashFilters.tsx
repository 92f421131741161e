import FolderIcon from '@mui/icons-material/FolderOutlined'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { folderPickerSource, folderQueries } from '../../api/folders'
import { userPickerSource } from '../../api/users'
import { FolderPickerDialog } from '../../components/FolderPicker'
import { SearchTextField } from '../../components/SearchTextField'
import { UserPicker } from '../../components/UserPicker'
import { TRASH_SORTS, type TrashParams, type TrashSort } from './trashParams'

interface Props {
  params: TrashParams
  onChange: (patch: Partial<TrashParams>) => void
}

function FolderFilter({
  folderId,
  onChange,
}: {
  folderId: string | null
  onChange: (id: string | null) => void
}) {
  const [open, setOpen] = useState(false)
  const folder = useQuery({ ...folderQueries.detail(folderId ?? ''), enabled: folderId !== null })
  // Choosing a folder replaces the "Any folder" button with the chip (and removing the chip brings the
  // button back): the control that had focus is gone, so focus its replacement once it is on screen.
  const control = useRef<HTMLDivElement & HTMLButtonElement>(null)
  const refocus = useRef(false)
  useEffect(() => {
    if (!refocus.current) return
    refocus.current = false
    control.current?.focus()
  }, [folderId])
  const change = (id: string | null) => {
    refocus.current = id !== folderId
    onChange(id)
  }
  return (
    <>
      {folderId ? (
        <Chip
          ref={control}
          icon={<FolderIcon />}
          label={`Folder: ${folder.data?.name ?? (folder.isError ? `#${folderId} (no longer exists)` : '…')}`}
          onClick={() => setOpen(true)}
          onDelete={() => change(null)}
          sx={{ mt: 0.5 }}
        />
      ) : (
        <Button
          ref={control}
          startIcon={<FolderIcon />}
          onClick={() => setOpen(true)}
          sx={{ alignSelf: 'flex-start', mt: 0.5 }}
        >
          Any folder
        </Button>
      )}
      <FolderPickerDialog
        source={folderPickerSource}
        open={open}
        title="Show trashed looks from folder"
        confirmLabel="Show this folder"
        initialFolderId={folderId}
        onCancel={() => setOpen(false)}
        onConfirm={(f) => {
          setOpen(false)
          change(f.id ?? null)
        }}
      />
    </>
  )
}

/** Title, owner, folder and order of the trash list; every change lands in the URL. */
export function TrashFilters({ params, onChange }: Props) {
  return (
    // useFlexGap: with margins instead of gap, a wrapped row starts indented by the spacing.
    <Stack
      direction="row"
      useFlexGap
      spacing={2}
      sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'flex-start' }}
    >
      <SearchTextField
        value={params.q}
        onSearch={(q) => onChange({ q })}
        size="small"
        label="Search titles"
        helperText="Plain words match anywhere; % and _ are wildcards"
        inputProps={{ maxLength: 200 }}
        sx={{ minWidth: 240, flex: 1 }}
      />
      <UserPicker
        source={userPickerSource}
        label="Owner"
        helperText=" "
        value={params.owner}
        onChange={(owner) => onChange({ owner })}
      />
      <TextField
        select
        size="small"
        label="Sort by"
        value={params.sort}
        onChange={(e) => onChange({ sort: e.target.value as TrashSort })}
        sx={{ minWidth: 200 }}
        helperText=" "
      >
        {Object.entries(TRASH_SORTS).map(([value, label]) => (
          <MenuItem key={value} value={value}>
            {label}
          </MenuItem>
        ))}
      </TextField>
      <FolderFilter folderId={params.folder} onChange={(folder) => onChange({ folder })} />
    </Stack>
  )
}
