import type { UseMutationResult } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { RenderTask } from '../../api/renderTasks'
import { useRenderJob, type RenderJobState, type RenderJobTarget } from './useRenderJob'

export interface RenderRun<S> {
  job: RenderJobState
  /** What the current (or last) task was asked with. */
  settings: S | null
  /** Client time the user asked for the render (the progress counts from it). */
  requestedAt: number
  /** Creating the task, polling it, or fetching its result. */
  running: boolean
  /** Why the task could not be created. */
  startError: Error | null
  render: (settings: S) => void
  /** Stops following the task; an answer that arrives later is ignored. */
  cancel: () => void
  /** Renders again with the last settings (or `fallback` before any render). */
  retry: (fallback: S) => void
}

/**
 * One render at a time, shared by the look and dashboard render panels: create the task (a POST, sent
 * once per press), follow it (useRenderJob), and Cancel or Retry. A newer render or a Cancel makes an
 * older task's late creation answer count for nothing.
 */
export function useRenderRun<S, R>(
  create: UseMutationResult<RenderTask, Error, R>,
  toRequest: (settings: S) => R,
): RenderRun<S> {
  const [target, setTarget] = useState<(RenderJobTarget & { settings: S }) | null>(null)
  const job = useRenderJob(target)
  const attempt = useRef(0)
  const [requestedAt, setRequestedAt] = useState(0)

  const render = (settings: S) => {
    const mine = ++attempt.current
    setRequestedAt(Date.now())
    setTarget(null)
    create.mutate(toRequest(settings), {
      onSuccess: (task) => {
        if (attempt.current === mine)
          setTarget({ taskId: task.id, created: task, startedAt: Date.now(), settings })
      },
    })
  }

  return {
    job,
    settings: target?.settings ?? null,
    requestedAt,
    running: create.isPending || job.phase === 'running' || job.phase === 'fetching',
    startError: create.isError ? create.error : null,
    render,
    cancel: () => {
      attempt.current++
      create.reset()
      setTarget(null)
    },
    retry: (fallback) => render(target?.settings ?? fallback),
  }
}
