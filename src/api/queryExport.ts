import { pollUntilDone } from '../lib/polling'
import {
  createQueryTask,
  getQueryTask,
  getQueryTaskResults,
  isQueryTaskDone,
  queryTaskProgress,
  queryTaskState,
} from './queryTasks'
import { taskDeadline } from '../lib/taskDeadline'

/** The formats a query-task export writes as files (the data preview's Export, large downloads). */
export const EXPORT_FORMATS = ['csv', 'json', 'md', 'txt', 'html'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv',
  json: 'application/json',
  md: 'text/markdown',
  txt: 'text/plain',
  html: 'text/html',
}

export const isExportFormat = (format: string): format is ExportFormat =>
  (EXPORT_FORMATS as readonly string[]).includes(format)

/**
 * Runs the query once more as a task in the export format (so Looker writes the file), polls it
 * with THE policy and returns the file's contents. Asynchronous, so it suits results too large for a
 * synchronous run_look/run_query download. `onTask` learns the task's id: past the deadline (Settings)
 * polling pauses, keyed by it (useTaskOverdue), until the user keeps waiting or aborts.
 */
export async function exportQuery(
  req: { queryId: string; lookId?: string; limit: number; format: ExportFormat },
  signal: AbortSignal,
  onTask?: (taskId: string) => void,
): Promise<Blob> {
  const task = await createQueryTask(
    // Formatted text for the files people read (csv, md, …); JSON is for programs, so it keeps raw values.
    { ...req, applyFormatting: req.format !== 'json' },
    { signal },
  )
  const taskId = String(task.id)
  onTask?.(taskId)
  const done = await pollUntilDone({
    request: (s) => getQueryTask(taskId, s),
    isDone: isQueryTaskDone,
    initial: queryTaskProgress(task),
    signal,
    deadline: taskDeadline(taskId),
  })
  if (queryTaskState(done.status) === 'expired')
    throw new Error('The export expired before it could be downloaded.')
  const result = await getQueryTaskResults<unknown>(taskId, req.format, signal)
  if (result.kind === 'expired') throw new Error('The export expired before it could be downloaded.')
  if (result.kind === 'not-ready') throw new Error('Looker said the export was not ready. Try again.')
  const text = typeof result.data === 'string' ? result.data : JSON.stringify(result.data, null, 2)
  return new Blob([text], { type: EXPORT_TYPES[req.format] })
}
