import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { describeError } from '../../lib/errors'
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
      <Alert severity="error" action={<Button onClick={onRetry}>Retry</Button>}>
        The render could not start: {describeError(startError)}
      </Alert>
    )
  switch (job.phase) {
    case 'failed':
      return (
        <Alert severity="error" action={<Button onClick={onRetry}>Retry</Button>}>
          <Typography component="span" sx={{ fontWeight: 600 }}>
            The render failed.
          </Typography>{' '}
          {job.task.status_detail ?? 'Looker did not say why.'}
        </Alert>
      )
    case 'expired':
      return (
        <Alert severity="warning" action={<Button onClick={onRetry}>Render again</Button>}>
          This render's result has expired on the server.
        </Alert>
      )
    case 'error':
      return (
        <Alert severity="error" action={<Button onClick={onRetry}>Retry</Button>}>
          We lost track of the render: {describeError(job.error)}
        </Alert>
      )
    default:
      return null
  }
}
