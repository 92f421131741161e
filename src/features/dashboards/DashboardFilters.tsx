import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { folderPickerSource } from '../../api/folders'
import { FolderFilter } from '../../components/FolderPicker'
import { SearchTextField } from '../../components/SearchTextField'
import { MAX_TEXT_LENGTH } from '../../lib/urlState'
import {
  LOOKML_SORTS,
  USER_SORTS,
  type DashboardListState,
  type LookmlSort,
  type UserSort,
} from './dashboardParams'

interface Props {
  state: DashboardListState
  onChange: (patch: Partial<DashboardListState>, options?: { replace?: boolean }) => void
}

/** Title, order and (for user-defined dashboards) folder of the list; every change lands in the URL. */
export function DashboardFilters({ state, onChange }: Props) {
  const user = state.kind === 'user'
  const sorts: Record<string, string> = user ? USER_SORTS : LOOKML_SORTS
  return (
    <Stack
      direction="row"
      useFlexGap
      spacing={2}
      sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'flex-start', mb: 2 }}
    >
      <SearchTextField
        value={state.q}
        onSearch={(q) => onChange({ q }, { replace: true })}
        size="small"
        type="search"
        label="Search dashboards"
        helperText="Words in the title; % and _ are wildcards"
        inputProps={{ maxLength: MAX_TEXT_LENGTH }}
        sx={{ minWidth: 240, flex: 1 }}
      />
      <TextField
        select
        size="small"
        label="Sort by"
        value={user ? state.userSort : state.lookmlSort}
        onChange={(e) =>
          onChange(
            user ? { userSort: e.target.value as UserSort } : { lookmlSort: e.target.value as LookmlSort },
          )
        }
        sx={{ minWidth: 200 }}
        helperText=" "
      >
        {Object.entries(sorts).map(([value, label]) => (
          <MenuItem key={value} value={value}>
            {label}
          </MenuItem>
        ))}
      </TextField>
      {user && (
        <FolderFilter
          source={folderPickerSource}
          folderId={state.folder}
          onChange={(folder) => onChange({ folder })}
          dialogTitle="Show dashboards from folder"
          confirmLabel="Show this folder"
        />
      )}
    </Stack>
  )
}
