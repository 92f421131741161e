import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import FormControlLabel from '@mui/material/FormControlLabel'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Switch from '@mui/material/Switch'
import Typography from '@mui/material/Typography'
import { PageLayout } from '../../components/PageLayout'
import { FolderPanel } from './FolderPanel'
import { LookResults } from './LookResults'
import { OwnerFilter } from './OwnerFilter'
import { DEFAULT_STATE, searchesTitlesOnly, toLookSearch } from './searchParams'
import { SearchField } from './SearchField'
import { SortControl } from './SortControl'
import { useFolderScope } from './useFolderScope'
import { PARAM_LABELS, useSearchState } from './useSearchState'
import { useUnknownIds } from './useUnknownIds'

/** /looks: search, filter, sort and page through looks; every view is a shareable URL. */
export function LookSearchPage() {
  const { state, update, notice, dismissNotice } = useSearchState()
  const { folderName } = useUnknownIds(state, update)
  const scope = useFolderScope(state.folder, state.sub)
  const search = scope.status === 'ready' ? toLookSearch(state, scope.folderIds) : null

  return (
    <PageLayout title="Looks">
      {notice.length > 0 && (
        <Alert severity="warning" onClose={dismissNotice} sx={{ mb: 2 }}>
          The link had an invalid or unknown {notice.map((name) => PARAM_LABELS[name] ?? name).join(', ')}:
          showing the default instead.
        </Alert>
      )}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '260px minmax(0, 1fr)' } }}>
        <Paper variant="outlined" component="aside" sx={{ alignSelf: 'start', p: 1, minWidth: 0 }}>
          <FolderPanel
            selected={state.folder}
            onSelect={(folder) => update({ folder, sub: folder ? state.sub : false })}
          />
          <FormControlLabel
            sx={{ ml: 0, px: 1, pt: 1 }}
            disabled={state.folder === null}
            control={<Switch size="small" checked={state.sub} onChange={(_, sub) => update({ sub })} />}
            label="Include subfolders"
          />
        </Paper>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <SearchField
              value={state.q}
              onSearch={(q) => update({ q }, { replace: true })}
              hint={searchesTitlesOnly(state) ? 'With filters on, the text matches titles only.' : undefined}
            />
            <OwnerFilter owner={state.owner} onChange={(owner) => update({ owner })} />
            <SortControl sort={state.sort} onChange={(sort) => update({ sort })} />
            <FormControlLabel
              control={
                <Switch checked={state.favorites} onChange={(_, favorites) => update({ favorites })} />
              }
              label="Favorites only"
            />
          </Stack>
          {state.folder !== null && (
            <Typography color="text.secondary">
              In {folderName ? `“${folderName}”` : `folder ${state.folder}`}
              {state.sub ? ' and its subfolders' : ''}
            </Typography>
          )}
          {scope.status === 'ready' && scope.note && <Alert severity="info">{scope.note}</Alert>}
          <LookResults
            state={state}
            search={search}
            onPage={(page) => update({ page })}
            onSize={(size) => update({ size })}
            onClear={() => update({ ...DEFAULT_STATE, sort: state.sort, size: state.size })}
          />
        </Stack>
      </Box>
    </PageLayout>
  )
}
