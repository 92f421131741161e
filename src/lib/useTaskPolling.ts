import { useEffect, useState } from 'react'
import { isAbortError, pollUntilDone, type PollResponse } from './polling'

export interface TaskPollState<T> {
  /** The latest status seen, or undefined before the first answer. */
  latest: T | undefined
  /** Why polling stopped early (404, 403, repeated network loss); null while fine. */
  error: unknown
}

const IDLE = { latest: undefined, error: null }

/**
 * Polls one task with THE policy (lib/polling.ts) while the component is mounted. A new `taskId`
 * restarts; `null` or unmount stops at once (the AbortSignal ends the sleep: no further request).
 */
export function useTaskPolling<T>(
  taskId: string | null,
  request: (taskId: string, signal: AbortSignal) => Promise<PollResponse<T>>,
  isDone: (value: T) => boolean,
): TaskPollState<T> {
  const [state, setState] = useState<TaskPollState<T> & { taskId: string | null }>({ taskId: null, ...IDLE })

  useEffect(() => {
    if (!taskId) return
    const controller = new AbortController()
    pollUntilDone({
      request: (signal) => request(taskId, signal),
      isDone,
      onUpdate: (latest) => setState({ taskId, latest, error: null }),
      signal: controller.signal,
    }).catch((error: unknown) => {
      if (isAbortError(error)) return
      setState((s) => ({ taskId, latest: s.taskId === taskId ? s.latest : undefined, error }))
    })
    return () => controller.abort()
    // request and isDone are module-level functions in practice; only a new task restarts polling.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [taskId])

  return state.taskId === taskId ? state : IDLE
}
