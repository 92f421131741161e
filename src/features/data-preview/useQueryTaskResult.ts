import { useQuery } from '@tanstack/react-query'
import { queryTaskQueries, queryTaskState, type QueryResultFormat } from '../../api/queryTasks'
import { hasStatus } from '../../lib/errors'
import { keepWaiting, useTaskOverdue } from '../../lib/taskDeadline'

export type QueryTaskView<T> =
  | { phase: 'idle' }
  | { phase: 'running'; overdue?: boolean; keepWaiting?: () => void }
  | { phase: 'done'; data: T }
  | { phase: 'failed'; reason: string }
  | { phase: 'expired' }
  | { phase: 'error'; error: unknown }

/** Polls a query task with THE policy, then reads its results once it is complete. */
export function useQueryTaskResult<T>(taskId: string | null, format: QueryResultFormat): QueryTaskView<T> {
  const poll = useQuery({ ...queryTaskQueries.progress(taskId ?? ''), enabled: taskId !== null })
  // Past the deadline (Settings) polling pauses until the user keeps waiting.
  const overdue = useTaskOverdue(taskId)
  const state = queryTaskState(poll.data?.status)
  const result = useQuery({
    ...queryTaskQueries.result<T>(taskId ?? '', format),
    enabled: taskId !== null && (state === 'complete' || state === 'error'),
    retry: false,
  })
  if (!taskId) return { phase: 'idle' }
  if (poll.error) {
    return hasStatus(poll.error, 404) ? { phase: 'expired' } : { phase: 'error', error: poll.error }
  }
  if (state === 'running')
    return { phase: 'running', overdue, keepWaiting: () => taskId && keepWaiting(taskId) }
  if (state === 'expired') return { phase: 'expired' }
  if (result.error) {
    // Non-json formats report a SQL error as a 400 with the reason.
    const message = result.error instanceof Error ? result.error.message : 'The query failed.'
    return state === 'error' ? { phase: 'failed', reason: message } : { phase: 'error', error: result.error }
  }
  if (!result.data || result.data.kind === 'not-ready') return { phase: 'running' }
  if (result.data.kind === 'expired') return { phase: 'expired' }
  return { phase: 'done', data: result.data.data }
}
