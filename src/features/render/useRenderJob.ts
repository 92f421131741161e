import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { isRenderDone, renderTaskQueries, type RenderResult, type RenderTask } from '../../api/renderTasks'
import { hasStatus } from '../../lib/errors'
import { keepWaiting, useTaskOverdue } from '../../lib/taskDeadline'

export interface RenderJobTarget {
  taskId: string
  /** The task as its creation answered: what it is lets the pacing plan even the first look. */
  created?: RenderTask
  /** Client time the task was created, for the elapsed-time display. */
  startedAt: number
}

export type RenderJobState =
  | { phase: 'idle' }
  | {
      phase: 'running'
      task: RenderTask | undefined
      startedAt: number
      /** Past the deadline: polling waits for `keepWaiting()` (or a Cancel). */
      overdue: boolean
      keepWaiting: () => void
    }
  | { phase: 'fetching'; task: RenderTask; startedAt: number }
  | { phase: 'done'; task: RenderTask; blob: Blob }
  | { phase: 'failed'; task: RenderTask }
  | { phase: 'expired'; task: RenderTask | undefined }
  | { phase: 'error'; error: unknown }

/**
 * Follows one render task: polls its status with THE policy, then fetches the image once, right after
 * `success`. Passing `null` (Cancel, unmount) stops polling; a late answer for an old task is ignored.
 */
export function useRenderJob(target: RenderJobTarget | null): RenderJobState {
  const taskId = target?.taskId ?? null
  const poll = useQuery({
    ...renderTaskQueries.progress(taskId ?? '', target?.created),
    enabled: taskId !== null,
  })
  const overdue = useTaskOverdue(taskId)
  const succeeded = poll.data?.status === 'success'
  const result = useQuery({
    ...renderTaskQueries.result(taskId ?? ''),
    enabled: taskId !== null && succeeded,
    retry: false,
  })
  if (!target) return { phase: 'idle' }
  if (poll.error) {
    return hasStatus(poll.error, 404)
      ? { phase: 'expired', task: poll.data }
      : { phase: 'error', error: poll.error }
  }
  const task = poll.data
  if (!task || !isRenderDone(task)) {
    const resume = () => keepWaiting(target.taskId)
    return { phase: 'running', task, startedAt: target.startedAt, overdue, keepWaiting: resume }
  }
  if (task.status === 'failure') return { phase: 'failed', task }
  if (result.error) return { phase: 'error', error: result.error }
  const data: RenderResult | undefined = result.data
  if (!data || data.kind === 'not-ready') return { phase: 'fetching', task, startedAt: target.startedAt }
  if (data.kind === 'expired') return { phase: 'expired', task }
  return { phase: 'done', task, blob: data.blob }
}

/** Seconds since `startedAt`, ticking every 100 ms while `running`. */
export function useElapsed(startedAt: number | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (startedAt === null) return
    const timer = setInterval(() => setNow(Date.now()), 100)
    return () => clearInterval(timer)
  }, [startedAt])
  return startedAt === null ? 0 : Math.max(0, (now - startedAt) / 1000)
}
