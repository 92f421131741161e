import { Alert } from '../../components/LazyAlert'
import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { lazy } from 'react'
import { AfterContent } from '../../components/AfterContent'
import { PageLayout } from '../../components/PageLayout'
import { LookResults } from './LookResults'
import { DEFAULT_STATE, searchesTitlesOnly, toLookSearch } from './searchParams'
import { SearchField } from './SearchField'
import { useFolderScope } from './useFolderScope'
import { PARAM_LABELS, useSearchState } from './useSearchState'
import { useUnknownIds } from './useUnknownIds'

// The filters (MUI Autocomplete, Select, Switch) load once the first results are on screen; until then,
// placeholders of their size (docs/decisions/0012).
const OwnerFilter = lazy(() => import('./OwnerFilter').then((m) => ({ default: m.OwnerFilter })))
const SortControl = lazy(() => import('./SortControl').then((m) => ({ default: m.SortControl })))
// The folder tree fetches its own folders and shows skeletons until they come: its code can come after
// the results too.
const FolderPanel = lazy(() => import('./FolderPanel').then((m) => ({ default: m.FolderPanel })))
const ToggleFilter = lazy(() => import('./ToggleFilter').then((m) => ({ default: m.ToggleFilter })))
const placeholder = (width: number, height = 40) => (
  <Skeleton variant="rounded" width={width} height={height} />
)

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
          The link had an invalid or unknown{' '}
          {notice.map(({ param }) => PARAM_LABELS[param] ?? param).join(', ')}: showing the default instead.
        </Alert>
      )}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '260px minmax(0, 1fr)' } }}>
        <Paper variant="outlined" component="aside" sx={{ alignSelf: 'start', p: 1, minWidth: 0 }}>
          <AfterContent placeholder={<FolderPanelPlaceholder />}>
            <FolderPanel
              selected={state.folder}
              onSelect={(folder) => update({ folder, sub: folder ? state.sub : false })}
            />
          </AfterContent>
          <Box sx={{ px: 1, pt: 1 }}>
            <AfterContent placeholder={placeholder(170, 30)}>
              <ToggleFilter
                sx={{ ml: 0 }}
                size="small"
                disabled={state.folder === null}
                checked={state.sub}
                onChange={(sub) => update({ sub })}
                label="Include subfolders"
              />
            </AfterContent>
          </Box>
        </Paper>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <SearchField
              value={state.q}
              onSearch={(q) => update({ q }, { replace: true })}
              hint={searchesTitlesOnly(state) ? 'With filters on, the text matches titles only.' : undefined}
            />
            <AfterContent placeholder={placeholder(220)}>
              <OwnerFilter owner={state.owner} onChange={(owner) => update({ owner })} />
            </AfterContent>
            <AfterContent placeholder={placeholder(298)}>
              <SortControl sort={state.sort} onChange={(sort) => update({ sort })} />
            </AfterContent>
            <AfterContent placeholder={placeholder(150, 38)}>
              <ToggleFilter
                checked={state.favorites}
                onChange={(favorites) => update({ favorites })}
                label="Favorites only"
              />
            </AfterContent>
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

/** The folder panel while its code loads: its heading and the tree's own loading skeleton. */
function FolderPanelPlaceholder() {
  return (
    <Box aria-busy="true" aria-label="Loading folders">
      <Typography variant="overline" sx={{ display: 'block', px: 1, color: 'text.secondary' }}>
        Folders
      </Typography>
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} height={32} width={`${60 - i * 10}%`} />
      ))}
    </Box>
  )
}
