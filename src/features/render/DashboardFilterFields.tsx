import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import type { IDashboardFilter } from '@looker/sdk/lib/4.0/models'

/**
 * The dashboard's filters, each prefilled with its default; a value is a Looker filter expression as the
 * dashboard takes it ("6 months", "EMEA,APAC"). Emptied, a filter matches any value.
 */
export function DashboardFilterFields({
  filters,
  values,
  onChange,
}: {
  filters: readonly IDashboardFilter[]
  values: Record<string, string>
  onChange: (name: string, value: string) => void
}) {
  const named = filters.filter((f) => f.name)
  if (named.length === 0) return null
  return (
    <Stack component="fieldset" spacing={1} sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
        Filters
      </Typography>
      <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        {named.map((filter) => {
          const name = filter.name ?? ''
          const value = Object.hasOwn(values, name) ? values[name] : (filter.default_value ?? '')
          return (
            <TextField
              key={name}
              size="small"
              label={filter.title || name}
              value={value}
              onChange={(e) => onChange(name, e.target.value)}
              helperText={
                filter.default_value ? `Default: ${filter.default_value}` : 'Empty matches any value'
              }
              slotProps={{ htmlInput: { maxLength: 500 } }}
              sx={{ width: 220 }}
            />
          )
        })}
      </Stack>
    </Stack>
  )
}
