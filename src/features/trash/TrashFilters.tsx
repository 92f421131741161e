import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { folderPickerSource } from '../../api/folders'
import { userPickerSource } from '../../api/users'
import { FolderFilter } from '../../components/FolderPicker'
import { SearchTextField } from '../../components/SearchTextField'
import { UserPicker } from '../../components/UserPicker'
import { TRASH_SORTS, type TrashParams, type TrashSort } from './trashParams'

interface Props {
  params: TrashParams
  onChange: (patch: Partial<TrashParams>) => void
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
      <FolderFilter
        source={folderPickerSource}
        folderId={params.folder}
        onChange={(folder) => onChange({ folder })}
        dialogTitle="Show trashed looks from folder"
        confirmLabel="Show this folder"
      />
    </Stack>
  )
}
