import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import { describeError } from '../lib/errors'

interface Props {
  error: unknown
  title?: string
  onRetry?: () => void
}

/** The one way a failed read is shown: what happened, in words, and a Retry when retrying can help. */
export function ErrorPanel({ error, title = 'Something went wrong', onRetry }: Props) {
  return (
    <Alert
      severity="error"
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        )
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {describeError(error)}
    </Alert>
  )
}
