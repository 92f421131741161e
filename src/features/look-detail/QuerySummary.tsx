import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import Typography from '@mui/material/Typography'
import type { IQuery } from '@looker/sdk/lib/4.0/models'
import { MetaList, MetaRow } from './MetaList'

function Chips({ values }: { values: readonly string[] | null | undefined }) {
  if (!values || values.length === 0) return <span>None</span>
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 0.5 }}>
      {values.map((value) => (
        <Chip key={value} label={value} size="small" variant="outlined" sx={{ fontFamily: 'monospace' }} />
      ))}
    </Box>
  )
}

/** What the look asks of the model: explore, fields, filters, sorts, limit, and how it is drawn. */
export function QuerySummary({ query }: { query: IQuery | undefined }) {
  if (!query) return <Typography sx={{ color: 'text.secondary' }}>This look has no query details.</Typography>
  const filters = Object.entries(query.filters ?? {})
  const visType = typeof query.vis_config?.type === 'string' ? query.vis_config.type : null
  return (
    <MetaList label="Query">
      <MetaRow label="Model">{query.model || '—'}</MetaRow>
      <MetaRow label="Explore">{query.view || '—'}</MetaRow>
      <MetaRow label="Fields">
        <Chips values={query.fields} />
      </MetaRow>
      {query.pivots && query.pivots.length > 0 && (
        <MetaRow label="Pivots">
          <Chips values={query.pivots} />
        </MetaRow>
      )}
      <MetaRow label="Filters">
        {filters.length === 0 ? (
          'None'
        ) : (
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {filters.map(([field, value]) => (
              <li key={field}>
                <Box component="code">{field}</Box> is <Box component="code">{String(value)}</Box>
              </li>
            ))}
          </Box>
        )}
      </MetaRow>
      {query.filter_expression && (
        <MetaRow label="Custom filter">
          <Box component="code">{query.filter_expression}</Box>
        </MetaRow>
      )}
      <MetaRow label="Sorts">
        <Chips values={query.sorts} />
      </MetaRow>
      <MetaRow label="Row limit">{query.limit || 'Default'}</MetaRow>
      <MetaRow label="Visualization">{visType ?? 'Default'}</MetaRow>
    </MetaList>
  )
}
