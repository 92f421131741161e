import { ErrorPanel } from '../../components/ErrorPanel'
import type { RenderJobState } from './useRenderJob'

/**
 * What went wrong with a render, each with its way forward: the task could not start (Retry), it failed
 * (Looker's status_detail and Retry), its result expired (Render again), or we lost track of it (Retry).
 */
export function RenderJobAlerts({
  startError,
  job,
  onRetry,
}: {
  startError: unknown
  job: RenderJobState
  onRetry: () => void
}) {
  if (startError)
    return (
      <ErrorPanel variant="inline" lead="The render could not start:" error={startError} onRetry={onRetry} />
    )
  switch (job.phase) {
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
