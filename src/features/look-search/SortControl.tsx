import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { SORT_KEYS, SORT_LABELS, type SearchState, type SortDirection, type SortKey } from './searchParams'

type Sort = SearchState['sort']

/** Direction in words that fit the key: "A–Z", "Newest first", "Most first". */
function directionLabel(key: SortKey, direction: SortDirection): string {
  if (key === 'title') return direction === 'asc' ? 'A–Z' : 'Z–A'
  if (key === 'updated_at' || key === 'last_viewed_at')
    return direction === 'desc' ? 'Newest first' : 'Oldest first'
  return direction === 'desc' ? 'Most first' : 'Fewest first'
}

/** The natural first direction when a key is picked: titles A–Z, everything else highest first. */
const naturalDirection = (key: SortKey): SortDirection => (key === 'title' ? 'asc' : 'desc')

export function SortControl({ sort, onChange }: { sort: Sort; onChange: (sort: Sort) => void }) {
  return (
    <Stack direction="row" spacing={1}>
      <TextField
        select
        size="small"
        label="Sort by"
        value={sort.key}
        onChange={(event) => {
          const key = event.target.value as SortKey
          onChange({ key, direction: naturalDirection(key) })
        }}
        sx={{ minWidth: 150 }}
      >
        {SORT_KEYS.map((key) => (
          <MenuItem key={key} value={key}>
            {SORT_LABELS[key]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label="Order"
        value={sort.direction}
        onChange={(event) => onChange({ key: sort.key, direction: event.target.value as SortDirection })}
        sx={{ minWidth: 140 }}
      >
        {(['asc', 'desc'] as const).map((direction) => (
          <MenuItem key={direction} value={direction}>
            {directionLabel(sort.key, direction)}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  )
}
