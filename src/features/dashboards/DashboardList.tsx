import type { IDashboard } from '@looker/sdk/lib/4.0/models'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TablePagination from '@mui/material/TablePagination'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import visuallyHidden from '@mui/utils/visuallyHidden'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Link as RouterLink } from 'react-router'
import { dashboardQueries } from '../../api/dashboards'
import { thumbnailSource } from '../../api/thumbnails'
import { ContentThumbnail, ThumbnailBox } from '../../components/ContentThumbnail'
import { ErrorPanel } from '../../components/ErrorPanel'
import { PastLastPage } from '../../components/PastLastPage'
import { markContentShown } from '../../lib/contentShown'
import { formatCount } from '../../lib/counts'
import { PAGE_SIZES, type PageSize } from '../../lib/urlState'
import { dashboardHref, dashboardTitle } from '../../lib/dashboardLinks'
import {
  LOOKML_LIST_FIELDS,
  lookmlDashboardSearch,
  USER_LIST_FIELDS,
  userDashboardSearch,
  type DashboardListState,
} from './dashboardParams'

const THUMBNAIL_WIDTH = 64

interface Props {
  state: DashboardListState
  onChange: (patch: Partial<DashboardListState>) => void
}

/** One page of dashboards of the chosen kind: skeletons, then the table; the previous page stays (dimmed). */
export function DashboardList({ state, onChange }: Props) {
  const user = state.kind === 'user'
  // One query per kind (their keys differ in type); only the shown kind's is enabled.
  const userResults = useQuery({
    ...dashboardQueries.search(userDashboardSearch(state), USER_LIST_FIELDS),
    placeholderData: keepPreviousData,
    enabled: user,
  })
  const lookmlResults = useQuery({
    ...dashboardQueries.lookmlSearch(lookmlDashboardSearch(state), LOOKML_LIST_FIELDS),
    placeholderData: keepPreviousData,
    enabled: !user,
  })
  const results = user ? userResults : lookmlResults
  const answered = results.data !== undefined || results.isError
  useEffect(() => {
    if (answered) markContentShown()
  }, [answered])

  if (results.isError)
    return (
      <ErrorPanel
        title="Could not search dashboards"
        error={results.error}
        onRetry={() => void results.refetch()}
      />
    )
  if (!results.data)
    return (
      <Box role="status" aria-label="Loading dashboards" aria-busy="true">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} variant="rounded" height={56} sx={{ mb: 0.75 }} />
        ))}
      </Box>
    )

  const { dashboards, total } = results.data
  const stale = results.isPlaceholderData
  const filtered = state.q !== '' || state.folder !== null
  return (
    <Paper variant="outlined">
      <Box sx={{ height: 4 }}>{results.isFetching && <LinearProgress aria-label="Loading dashboards" />}</Box>
      {dashboards.length === 0 && !stale ? (
        state.page > 1 ? (
          <PastLastPage
            onPage={(page) => onChange({ page })}
            lastPage={total !== null ? Math.ceil(total / state.size) : null}
          />
        ) : (
          <Empty filtered={filtered} lookml={!user} onClear={() => onChange({ q: '', folder: null })} />
        )
      ) : (
        <DashboardTable dashboards={dashboards} lookml={!user} stale={stale} />
      )}
      {(dashboards.length > 0 || state.page > 1) && (
        <TablePagination
          component="div"
          count={total ?? -1}
          page={state.page - 1}
          rowsPerPage={state.size}
          rowsPerPageOptions={[...PAGE_SIZES]}
          onPageChange={(_, page) => onChange({ page: page + 1 })}
          onRowsPerPageChange={(e) => onChange({ size: Number(e.target.value) as PageSize })}
          // Without a total (no X-Total-Count), Next stays on while pages come back full.
          slotProps={{
            actions: {
              nextButton: { disabled: total === null ? dashboards.length < state.size : undefined },
            },
          }}
        />
      )}
    </Paper>
  )
}

function DashboardTable({
  dashboards,
  lookml,
  stale,
}: {
  dashboards: IDashboard[]
  lookml: boolean
  stale: boolean
}) {
  return (
    <TableContainer sx={{ opacity: stale ? 0.55 : 1, transition: 'opacity 120ms' }}>
      <Table size="small" aria-label={lookml ? 'LookML dashboards' : 'Dashboards'} aria-busy={stale}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: THUMBNAIL_WIDTH }}>
              <span style={visuallyHidden}>Thumbnail</span>
            </TableCell>
            <TableCell>Title</TableCell>
            <TableCell>{lookml ? 'Model' : 'Folder'}</TableCell>
            {!lookml && <TableCell align="right">Views</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {dashboards.map((d) => (
            <TableRow key={d.id} hover>
              <TableCell sx={{ py: 0.75 }}>
                {d.id ? (
                  <ContentThumbnail
                    source={thumbnailSource}
                    type="dashboard"
                    id={d.id}
                    version={d.updated_at}
                    width={THUMBNAIL_WIDTH}
                  />
                ) : (
                  <ThumbnailBox width={THUMBNAIL_WIDTH} />
                )}
              </TableCell>
              <TableCell sx={{ maxWidth: 480, minWidth: '12rem', overflowWrap: 'anywhere' }}>
                <Link component={RouterLink} to={dashboardHref(d.id ?? '')} underline="hover">
                  {dashboardTitle(d)}
                </Link>
                {d.description && (
                  <Typography variant="body2" color="text.secondary" noWrap title={d.description}>
                    {d.description}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {lookml ? (d.model?.label ?? d.model?.id ?? '—') : (d.folder?.name ?? '—')}
              </TableCell>
              {!lookml && <TableCell align="right">{formatCount(d.view_count ?? 0)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}

function Empty({ filtered, lookml, onClear }: { filtered: boolean; lookml: boolean; onClear: () => void }) {
  return (
    <Box sx={{ p: 4, textAlign: 'center' }}>
      <Typography variant="h2" sx={{ fontSize: '1.1rem', mb: 1 }}>
        {filtered ? 'No dashboards match' : lookml ? 'No LookML dashboards' : 'No dashboards yet'}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {filtered
          ? 'Try fewer words or another folder.'
          : lookml
            ? 'LookML dashboards are defined in a LookML project; none you can see is deployed.'
            : 'Dashboards saved in Looker appear here.'}
      </Typography>
      {filtered && (
        <Button variant="outlined" onClick={onClear}>
          Clear search and folder
        </Button>
      )}
    </Box>
  )
}
