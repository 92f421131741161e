import { queryOptions, type QueryKey } from '@tanstack/react-query'
import { pollUntilDone, type PollResponse, type TaskProgress } from '../lib/polling'
import { taskDeadline } from '../lib/taskDeadline'

/**
 * A render or query task followed until it is done, as one query (decision 0008): THE polling loop
 * (lib/polling.ts, with its policy) is the queryFn, so React Query owns pending, error and stopping
 * (the loop ends when no one watches: Cancel, a new task, leaving the page). Each status read on the way
 * becomes the query's data at once (the stepper shows it); the final one settles it, for good.
 */
export function taskProgressQuery<T, K extends QueryKey>(
  queryKey: K,
  taskId: string,
  read: (taskId: string, signal: AbortSignal) => Promise<PollResponse<T>>,
  isDone: (value: T) => boolean,
  /** What the task's creation said of it, so the pacing can plan the first look too. */
  initial: TaskProgress | null = null,
) {
  // The key names the task (renderTaskKeys/queryTaskKeys.progress(taskId)); `read` and `isDone` are
  // the same for every task of a kind, so they are not part of it.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey,
    queryFn: ({ signal, client }) =>
      pollUntilDone({
        request: (s) => read(taskId, s),
        isDone,
        initial,
        onUpdate: (value) => client.setQueryData<T>(queryKey, value),
        signal,
        // Past the deadline (a setting) the loop pauses until the user keeps waiting (useTaskOverdue).
        deadline: taskDeadline(taskId),
      }),
    // A finished task never changes; a running one is followed by the loop, not by refetches.
    staleTime: Infinity,
    // The loop waits out transient failures itself; what it gives up on (404, 403) will not heal.
    retry: false,
    refetchOnReconnect: false,
  })
}
