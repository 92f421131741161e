import AddIcon from '@mui/icons-material/Add'
import CloseIcon from '@mui/icons-material/Close'
import Button from '@mui/material/Button'
import FormHelperText from '@mui/material/FormHelperText'
import IconButton from '@mui/material/IconButton'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { sortRow, type SortRow } from './adjustDraft'

/**
 * The sorts, first one first: each a field the look shows (Looker sorts only on selected fields) and a
 * direction. Sorts can be added (on a field not yet sorted on) and removed.
 */
export function SortRows({
  rows,
  fields,
  labelOf,
  error,
  onChange,
}: {
  rows: SortRow[]
  /** The query's fields, in its order. */
  fields: readonly string[]
  labelOf: (field: string) => string
  error?: string
  onChange: (rows: SortRow[]) => void
}) {
  const set = (key: number, patch: Partial<SortRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)))
  const unsorted = fields.filter((f) => !rows.some((r) => r.field === f))
  return (
    <Stack spacing={1.5}>
      {rows.map((row, index) => {
        const label = labelOf(row.field)
        return (
          <Stack
            key={row.key}
            role="group"
            aria-label={`Sort ${index + 1}: ${label}`}
            direction={{ xs: 'column', sm: 'row' }}
            spacing={1}
            sx={{ alignItems: { sm: 'center' } }}
          >
            <TextField
              select
              size="small"
              label={index === 0 ? 'Sort by' : 'Then by'}
              value={row.field}
              onChange={(e) => set(row.key, { field: e.target.value })}
              sx={{ minWidth: 240 }}
            >
              {fields.map((f) => (
                <MenuItem key={f} value={f}>
                  {labelOf(f)}
                </MenuItem>
              ))}
            </TextField>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <TextField
                select
                size="small"
                label="Order"
                value={row.desc ? 'desc' : 'asc'}
                onChange={(e) => set(row.key, { desc: e.target.value === 'desc' })}
                sx={{ minWidth: 160 }}
              >
                <MenuItem value="asc">Ascending</MenuItem>
                <MenuItem value="desc">Descending</MenuItem>
              </TextField>
              <IconButton
                aria-label={`Remove the sort on ${label}`}
                onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
              >
                <CloseIcon fontSize="small" />
              </IconButton>
            </Stack>
          </Stack>
        )
      })}
      {error && <FormHelperText error>{error}</FormHelperText>}
      {unsorted.length > 0 && (
        <div>
          <Button
            size="small"
            startIcon={<AddIcon />}
            onClick={() => onChange([...rows, sortRow(unsorted[0] ?? '', true)])}
          >
            Add a sort
          </Button>
        </div>
      )}
    </Stack>
  )
}
