import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useEffect } from 'react'
import { lookQueries, type LookSearch } from '../../api/looks'
import { markContentShown } from '../../lib/contentShown'
import { Pager } from './Pager'
import { ResultsSkeleton, ResultsTable } from './ResultsTable'
import type { PageSize } from '../../lib/urlState'
import type { SearchState } from './searchParams'

// Shown only when a search fails or a link points past the end: their code stays out of the first load
// (decision 0012) and arrives with the first one shown.
const ErrorPanel = lazy(() => import('../../components/ErrorPanel').then((m) => ({ default: m.ErrorPanel })))
const PastLastPage = lazy(() =>
  import('../../components/PastLastPage').then((m) => ({ default: m.PastLastPage })),
)

interface Props {
  state: SearchState
  /** The search_looks parameters, or null while the folder scope is still being worked out. */
  search: LookSearch | null
  onPage: (page: number) => void
  onSize: (size: PageSize) => void
  onClear: () => void
}

// Never sent: `enabled` is false whenever the real parameters are not known yet.
const WAITING: LookSearch = { deleted: false }

/** One page of results: skeletons first, then the table; the previous page stays (dimmed) while the next loads. */
export function LookResults({ state, search, onPage, onSize, onClear }: Props) {
  const results = useQuery({
    ...lookQueries.search(search ?? WAITING),
    enabled: search !== null,
    placeholderData: keepPreviousData,
  })
  const answered = results.data !== undefined || results.isError
  // The first results (or the error) are what /looks is for; code for the rest may load after them.
  useEffect(() => {
    if (answered) markContentShown()
  }, [answered])

  if (results.isError) {
    return (
      <Suspense fallback={null}>
        <ErrorPanel
          title="Could not search looks"
          error={results.error}
          onRetry={() => void results.refetch()}
        />
      </Suspense>
    )
  }
  if (!results.data) return <ResultsSkeleton rows={state.size} />

  const { looks, total } = results.data
  const stale = results.isPlaceholderData
  const filtered = state.q !== '' || state.folder !== null || state.owner !== null || state.favorites
  return (
    <Paper variant="outlined">
      <Box sx={{ height: 4 }}>{results.isFetching && <LinearProgress aria-label="Loading results" />}</Box>
      {looks.length === 0 && !stale ? (
        <EmptyState
          pastEnd={state.page > 1}
          filtered={filtered}
          lastPage={total !== null ? Math.ceil(total / state.size) : null}
          onPage={onPage}
          onClear={onClear}
        />
      ) : (
        <ResultsTable looks={looks} stale={stale} />
      )}
      {(looks.length > 0 || state.page > 1) && (
        <Pager
          page={state.page}
          size={state.size}
          count={looks.length}
          total={total}
          onPage={onPage}
          onSize={onSize}
        />
      )}
    </Paper>
  )
}

function EmptyState(props: {
  pastEnd: boolean
  filtered: boolean
  lastPage: number | null
  onPage: (page: number) => void
  onClear: () => void
}) {
  if (props.pastEnd) {
    return (
      <Suspense fallback={null}>
        <PastLastPage onPage={props.onPage} lastPage={props.lastPage} />
      </Suspense>
    )
  }
  return (
    <Box sx={{ p: 4, textAlign: 'center' }}>
      <Typography variant="h2" sx={{ fontSize: '1.1rem', mb: 1 }}>
        {props.filtered ? 'No looks match' : 'No looks yet'}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {props.filtered
          ? 'Try fewer words, another folder, or clear the filters.'
          : 'Looks saved in Looker appear here.'}
      </Typography>
      {props.filtered && (
        <Button variant="outlined" onClick={props.onClear}>
          Clear search and filters
        </Button>
      )}
    </Box>
  )
}
