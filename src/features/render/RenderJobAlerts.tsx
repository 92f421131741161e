import { ErrorPanel } from '../../components/ErrorPanel'
import { TaskDeadlineNotice } from '../../components/TaskDeadlineNotice'
import type { RenderJobState } from './useRenderJob'

/**
 * What went wrong with a render, each with its way forward: the task could not start (Retry), it failed
 * (Looker's status_detail and Retry), its result expired (Render again), or we lost track of it (Retry).
 * While it runs: past the deadline (Settings), the question whether to keep waiting or cancel.
 */
export function RenderJobAlerts({
  startError,
  job,
  onRetry,
  onCancel,
  what = 'render',
}: {
  startError: unknown
  job: RenderJobState
  onRetry: () => void
  onCancel: () => void
  /** Completes "This … is taking unusually long". */
  what?: string
}) {
  if (startError)
    return (
      <ErrorPanel variant="inline" lead="The render could not start:" error={startError} onRetry={onRetry} />
    )
  switch (job.phase) {
    case 'running':
      return (
        <TaskDeadlineNotice
          overdue={job.overdue}
          what={what}
          onKeepWaiting={job.keepWaiting}
          onCancel={onCancel}
        />
      )
    case 'failed':
      return (
        <ErrorPanel
          variant="inline"
          lead={<strong>The render failed.</strong>}
          detail={job.task.status_detail ?? 'Looker did not say why.'}
          onRetry={onRetry}
        />
      )
    case 'expired':
      return (
        <ErrorPanel
          variant="inline"
          severity="warning"
          detail="This render's result has expired on the server."
          onRetry={onRetry}
          retryLabel="Render again"
        />
      )
    case 'error':
      return (
        <ErrorPanel
          variant="inline"
          lead="We lost track of the render:"
          error={job.error}
          onRetry={onRetry}
        />
      )
    default:
      return null
  }
}
