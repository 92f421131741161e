import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete'
import Box from '@mui/material/Box'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import type { ILookmlModelExplore } from '@looker/sdk/lib/4.0/models'
import { useMemo, useState } from 'react'

export interface PickableField {
  name: string
  label: string
  category: 'Dimensions' | 'Measures'
}

/** The explore's fields that may be filtered on, dimensions first, each group in the explore's order. */
export function pickableFields(explore: ILookmlModelExplore | undefined): PickableField[] {
  const of = (list: typeof dimensions, category: PickableField['category']) =>
    list
      .filter((f) => f.name && f.hidden !== true && f.can_filter !== false)
      .map((f) => ({ name: f.name as string, label: f.label ?? (f.name as string), category }))
  const dimensions = explore?.fields?.dimensions ?? []
  return [...of(dimensions, 'Dimensions'), ...of(explore?.fields?.measures ?? [], 'Measures')]
}

// Typed words match the label ("Ledger Region") or the field name ("ledger.region").
const filterOptions = createFilterOptions<PickableField>({ stringify: (f) => `${f.label} ${f.name}` })

/**
 * "Add a filter on…": the explore's dimensions and measures by label, searchable by label or name, with
 * the keyboard (arrows, Enter, Escape). Fields already filtered are left out. Picking one hands it over
 * and empties the box for the next.
 */
export function FieldPicker({
  fields,
  exclude,
  loading,
  error,
  onPick,
}: {
  fields: PickableField[]
  exclude: ReadonlySet<string>
  loading: boolean
  error: string | null
  onPick: (field: PickableField) => void
}) {
  const options = useMemo(() => fields.filter((f) => !exclude.has(f.name)), [fields, exclude])
  const [input, setInput] = useState('')
  return (
    <Autocomplete
      options={options}
      groupBy={(f) => f.category}
      getOptionLabel={(f) => f.label}
      filterOptions={filterOptions}
      isOptionEqualToValue={(a, b) => a.name === b.name}
      value={null}
      inputValue={input}
      onInputChange={(_, value, reason) => setInput(reason === 'reset' ? '' : value)}
      onChange={(_, picked) => {
        if (picked) onPick(picked)
        setInput('')
      }}
      loading={loading}
      noOptionsText={input ? 'No field matches' : 'No fields left to filter on'}
      blurOnSelect
      size="small"
      sx={{ maxWidth: 420 }}
      renderOption={({ key, ...props }, f) => (
        <Box component="li" key={key} {...props} sx={{ display: 'block !important' }}>
          <Typography variant="body2">{f.label}</Typography>
          <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
            {f.name}
          </Typography>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label="Add a filter on…"
          placeholder="Search fields by name"
          error={error !== null}
          helperText={error ?? undefined}
        />
      )}
    />
  )
}
