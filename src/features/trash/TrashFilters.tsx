import FolderIcon from '@mui/icons-material/FolderOutlined'
import Autocomplete from '@mui/material/Autocomplete'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import type { IUser } from '@looker/sdk/lib/4.0/models'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useEffectEvent, useRef, useState } from 'react'
import { folderQueries } from '../../api/folders'
import { userQueries } from '../../api/users'
import { FolderPickerDialog } from '../../components/FolderPicker'
import { toLikePattern } from '../../lib/likePattern'
import { TRASH_SORTS, type TrashParams, type TrashSort } from './trashParams'

interface Props {
  params: TrashParams
  onChange: (patch: Partial<TrashParams>) => void
}

const userName = (u: IUser) =>
  u.display_name ?? ([u.first_name, u.last_name].filter(Boolean).join(' ') || `User ${u.id}`)

function TitleSearch({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const [text, setText] = useState(value)
  const [seen, setSeen] = useState(value)
  // Back/Forward change the URL under us: take its value (adjusting state while rendering, no effect).
  if (value !== seen) {
    setSeen(value)
    setText(value)
  }
  const push = useEffectEvent((q: string) => onChange(q))
  useEffect(() => {
    if (text.trim() === value) return
    const timer = setTimeout(() => push(text.trim()), 300)
    return () => clearTimeout(timer)
  }, [text, value])
  return (
    <TextField
      size="small"
      label="Search titles"
      value={text}
      onChange={(e) => setText(e.target.value)}
      helperText="Plain words match anywhere; % and _ are wildcards"
      sx={{ minWidth: 240, flex: 1 }}
    />
  )
}

function OwnerFilter({
  ownerId,
  onChange,
}: {
  ownerId: string | null
  onChange: (id: string | null) => void
}) {
  const [input, setInput] = useState('')
  const term = input.trim()
  const pattern = toLikePattern(term) ?? ''
  // search_users has no display_name parameter: a term matches first, last or full name.
  const options = useQuery({
    ...userQueries.search({
      first_name: pattern,
      last_name: pattern,
      full_name: pattern,
      filter_or: true,
      limit: 20,
      sorts: 'first_name,last_name',
    }),
    enabled: term.length > 0,
  })
  const current = useQuery({ ...userQueries.detail(ownerId ?? ''), enabled: ownerId !== null })
  const value = ownerId ? (current.data ?? { id: ownerId, display_name: `User ${ownerId}` }) : null
  return (
    <Autocomplete<IUser>
      size="small"
      sx={{ minWidth: 220 }}
      options={options.data ?? []}
      loading={options.isFetching}
      value={value}
      filterOptions={(x) => x}
      getOptionLabel={userName}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onInputChange={(_, v, reason) => reason === 'input' && setInput(v)}
      onChange={(_, user) => onChange(user?.id ?? null)}
      noOptionsText={term ? 'No users match' : 'Type a name'}
      renderInput={(p) => <TextField {...p} label="Owner" helperText=" " />}
    />
  )
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
      <TitleSearch value={params.q} onChange={(q) => onChange({ q })} />
      <OwnerFilter ownerId={params.owner} onChange={(owner) => onChange({ owner })} />
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
