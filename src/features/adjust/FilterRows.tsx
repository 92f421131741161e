import CloseIcon from '@mui/icons-material/Close'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import IconButton from '@mui/material/IconButton'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import type { FilterRow } from './adjustDraft'

/**
 * One line per filter: its value (a Looker filter expression) and Remove; a saved filter taken off says
 * so and can be put back. A value that differs from the saved one says what the saved one was.
 */
export function FilterRows({
  rows,
  errors,
  labelOf,
  focusField,
  onChange,
}: {
  rows: FilterRow[]
  errors: Record<string, string>
  labelOf: (field: string) => string
  /** A filter just added: its value box takes the focus. */
  focusField: string | null
  onChange: (rows: FilterRow[]) => void
}) {
  const set = (field: string, patch: Partial<FilterRow>) =>
    onChange(rows.map((r) => (r.field === field ? { ...r, ...patch } : r)))
  const remove = (row: FilterRow) =>
    row.saved === null
      ? onChange(rows.filter((r) => r.field !== row.field))
      : set(row.field, { removed: true, value: row.saved })
  if (rows.length === 0)
    return <Typography color="text.secondary">The look has no filters. Add one below.</Typography>
  return (
    <Stack component="ul" spacing={1.5} sx={{ m: 0, p: 0, listStyle: 'none' }}>
      {rows.map((row) => {
        const label = labelOf(row.field)
        if (row.removed)
          return (
            <Stack component="li" key={row.field} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography sx={{ flexGrow: 1 }}>
                <Box component="span" sx={{ textDecoration: 'line-through' }}>
                  {label}
                </Box>{' '}
                <Typography component="span" variant="body2" color="text.secondary">
                  — not filtered (saved: {row.saved})
                </Typography>
              </Typography>
              <Button size="small" onClick={() => set(row.field, { removed: false })}>
                Put back
              </Button>
            </Stack>
          )
        const changed = row.saved !== null && row.value.trim() !== row.saved
        return (
          <Stack component="li" key={row.field} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              label={label}
              value={row.value}
              onChange={(e) => set(row.field, { value: e.target.value })}
              error={Boolean(errors[row.field])}
              helperText={
                errors[row.field] ??
                (row.saved === null ? `Added · ${row.field}` : changed ? `Saved: ${row.saved}` : row.field)
              }
              autoFocus={focusField === row.field}
              size="small"
              fullWidth
              sx={{ maxWidth: 520 }}
              slotProps={{ formHelperText: { sx: { overflowWrap: 'anywhere' } } }}
            />
            <IconButton
              aria-label={`Remove the filter on ${label}`}
              onClick={() => remove(row)}
              sx={{ mt: 0.5 }}
            >
              <CloseIcon fontSize="small" />
            </IconButton>
          </Stack>
        )
      })}
    </Stack>
  )
}
