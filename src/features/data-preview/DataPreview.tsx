import MenuItem from '@mui/material/MenuItem'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import { lookQueries } from '../../api/looks'
import { useQueryTaskFor, type JsonDetailResult } from '../../api/queryTasks'
import { ErrorPanel } from '../../components/ErrorPanel'
import { DataTable } from './DataTable'
import { ExportMenu } from './ExportMenu'
import { useQueryTaskResult } from './useQueryTaskResult'

export const ROW_LIMITS = [10, 50, 100, 500, 1000] as const
const DEFAULT_LIMIT = 50

function parseLimit(raw: string | null): number {
  const n = Number(raw)
  return (ROW_LIMITS as readonly number[]).includes(n) ? n : DEFAULT_LIMIT
}

/** The data tab: the look's query run as a query task (json_detail), shown as a table, exportable. */
export function DataPreview({ lookId }: { lookId: string }) {
  const [params, setParams] = useSearchParams()
  const limit = parseLimit(params.get('rows'))
  const look = useQuery(lookQueries.detail(lookId))
  const queryId = look.data?.query_id ?? look.data?.query?.id ?? null
  const request = {
    queryId: String(queryId ?? ''),
    lookId,
    limit,
    format: 'json_detail' as const,
    applyFormatting: true,
  }
  const started = useQueryTaskFor(queryId != null ? request : null)
  const taskId = started.task?.id != null ? String(started.task.id) : null
  const view = useQueryTaskResult<JsonDetailResult>(taskId, 'json_detail')
  const rerun = started.restart
  const title = look.data?.title ?? `Look ${lookId}`

  if (look.isError)
    return (
      <ErrorPanel
        variant="inline"
        lead="Could not load the look:"
        error={look.error}
        onRetry={() => void look.refetch()}
      />
    )
  const sqlErrors = view.phase === 'done' ? (view.data.errors ?? []) : []

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
        <TextField
          select
          size="small"
          label="Rows"
          value={limit}
          onChange={(e) =>
            setParams({ rows: String(e.target.value) }, { replace: true, preventScrollReset: true })
          }
          sx={{ width: 140 }}
        >
          {ROW_LIMITS.map((n) => (
            <MenuItem key={n} value={n}>
              {n} rows
            </MenuItem>
          ))}
        </TextField>
        <Typography color="text.secondary" sx={{ flexGrow: 1 }}>
          {view.phase === 'done' && sqlErrors.length === 0 ? `${view.data.data.length} rows` : null}
        </Typography>
        {queryId != null && (
          <ExportMenu queryId={String(queryId)} lookId={lookId} limit={limit} title={title} />
        )}
      </Stack>
      {started.error && (
        <ErrorPanel
          variant="inline"
          lead="The query could not start:"
          error={started.error}
          onRetry={rerun}
        />
      )}
      {view.phase === 'failed' && (
        <ErrorPanel variant="inline" lead="The query failed:" detail={view.reason} onRetry={rerun} />
      )}
      {sqlErrors.length > 0 && (
        <ErrorPanel
          variant="inline"
          lead="The query failed:"
          detail={sqlErrors.map((e) => e.message ?? 'unknown error').join('; ')}
          onRetry={rerun}
        />
      )}
      {view.phase === 'expired' && (
        <ErrorPanel
          variant="inline"
          severity="warning"
          detail="These results have expired on the server."
          onRetry={rerun}
          retryLabel="Run again"
        />
      )}
      {view.phase === 'error' && (
        <ErrorPanel variant="inline" lead="We lost track of the query:" error={view.error} onRetry={rerun} />
      )}
      {(look.isPending || !started.task || view.phase === 'running') && !started.error && (
        <Stack spacing={1} role="status" aria-label="Loading data">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} variant="rectangular" height={28} />
          ))}
        </Stack>
      )}
      {view.phase === 'done' && sqlErrors.length === 0 && (
        <DataTable result={view.data} caption={`Data for ${title}`} />
      )}
    </Stack>
  )
}
