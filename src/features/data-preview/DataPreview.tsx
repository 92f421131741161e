import MenuItem from '@mui/material/MenuItem'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { lookQueries } from '../../api/looks'
import { useQueryTaskFor, type JsonDetailResult } from '../../api/queryTasks'
import type { QueryVariant } from '../../api/queryVariants'
import { ErrorPanel } from '../../components/ErrorPanel'
import { TaskDeadlineNotice } from '../../components/TaskDeadlineNotice'
import { DataTable } from './DataTable'
import { ExportMenu } from './ExportMenu'
import { useQueryTaskResult } from './useQueryTaskResult'

export const ROW_LIMITS = [10, 50, 100, 500, 1000] as const
const DEFAULT_LIMIT = 50

function parseLimit(raw: string | null): number {
  const n = Number(raw)
  return (ROW_LIMITS as readonly number[]).includes(n) ? n : DEFAULT_LIMIT
}

/** A query's own row limit, when it has one. */
function queryLimit(raw: string | null | undefined): number | null {
  const n = Number(raw)
  return Number.isInteger(n) && n > 0 ? n : null
}

/**
 * The data tab: the look's query run as a query task (json_detail), shown as a table, exportable. With an
 * adjusted `variant` (from the look's Adjust panel) it runs the variant's query instead.
 */
export function DataPreview({ lookId, variant = null }: { lookId: string; variant?: QueryVariant | null }) {
  const [params, setParams] = useSearchParams()
  const rows = parseLimit(params.get('rows'))
  const look = useQuery(lookQueries.detail(lookId))
  const queryId = variant ? variant.queryId : (look.data?.query_id ?? look.data?.query?.id ?? null)
  // The preview shows the first rows of the query's results, which never has more than its own limit.
  const ownLimit = variant ? variant.limit : queryLimit(look.data?.query?.limit)
  const limit = ownLimit !== null ? Math.min(rows, ownLimit) : rows
  const request = {
    queryId: String(queryId ?? ''),
    // A variant's query belongs to no look.
    lookId: variant ? undefined : lookId,
    limit,
    format: 'json_detail' as const,
    applyFormatting: true,
  }
  const started = useQueryTaskFor(queryId != null ? request : null)
  const taskId = started.task?.id != null ? String(started.task.id) : null
  // Past the deadline the user may stop waiting for this task (Looker may still finish it).
  const [abandoned, setAbandoned] = useState<string | null>(null)
  const view = useQueryTaskResult<JsonDetailResult>(taskId === abandoned ? null : taskId, 'json_detail')
  const rerun = started.restart
  const title = variant?.title ?? look.data?.title ?? `Look ${lookId}`

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
          value={rows}
          onChange={(e) =>
            setParams(
              // Only the row count changes: the rest of the URL (an adjusted variant) stays.
              (previous) => {
                const next = new URLSearchParams(previous)
                next.set('rows', String(e.target.value))
                return next
              },
              { replace: true, preventScrollReset: true },
            )
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
          <ExportMenu
            queryId={String(queryId)}
            lookId={variant ? undefined : lookId}
            limit={limit}
            title={title}
          />
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
      {view.phase === 'running' && (
        <TaskDeadlineNotice
          overdue={view.overdue === true}
          what="query"
          onKeepWaiting={() => view.keepWaiting?.()}
          onCancel={() => setAbandoned(taskId)}
        />
      )}
      {abandoned !== null && taskId === abandoned && (
        <ErrorPanel
          variant="inline"
          severity="warning"
          detail="Stopped waiting for the query."
          onRetry={rerun}
          retryLabel="Run again"
        />
      )}
      {view.phase === 'error' && (
        <ErrorPanel variant="inline" lead="We lost track of the query:" error={view.error} onRetry={rerun} />
      )}
      {variant?.blockedReason && <Typography color="text.secondary">{variant.blockedReason}</Typography>}
      {(look.isPending || !started.task || view.phase === 'running') &&
        !started.error &&
        variant?.status !== 'failed' && (
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
