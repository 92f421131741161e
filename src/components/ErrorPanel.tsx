import { Alert } from './LazyAlert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import type { ReactNode } from 'react'
import { describeError } from '../lib/errors'

interface Props {
  /** What failed: described in words (lib/errors.ts `describeError`). */
  error?: unknown
  /** Said instead of the error's own description (Looker's reason, a sentence of ours). */
  detail?: ReactNode
  /**
   * `panel`: a titled block where the content would be (a failed read). `inline`: one sentence that starts
   * with `lead` (a step that failed inside a page). `stale`: a refresh failed and older data stays on screen.
   */
  variant?: 'panel' | 'inline' | 'stale'
  /** The panel's heading. */
  title?: string
  /** The inline sentence's start, e.g. "The render could not start:". */
  lead?: ReactNode
  /** `stale`: what could not be refreshed, e.g. "this look". */
  what?: string
  severity?: 'error' | 'warning'
  /** The way forward, when there is one: Retry, Render again… */
  onRetry?: () => void
  retryLabel?: string
}

/**
 * The one way a failure is shown: what happened, in words, and a way forward when retrying can help.
 * Every variant is an alert, so a screen reader hears it when it appears.
 */
export function ErrorPanel({
  error,
  detail,
  variant = 'panel',
  title = 'Something went wrong',
  lead,
  what = 'this page',
  severity = variant === 'stale' ? 'warning' : 'error',
  onRetry,
  retryLabel = 'Retry',
}: Props) {
  const action = onRetry && (
    <Button color="inherit" size="small" onClick={onRetry} sx={{ whiteSpace: 'nowrap' }}>
      {retryLabel}
    </Button>
  )
  const said = detail ?? (error === undefined ? null : describeError(error))
  if (variant === 'stale') {
    return (
      <Alert severity={severity} action={action} sx={{ mb: 2 }}>
        Could not refresh {what}; showing what was loaded before.
      </Alert>
    )
  }
  if (variant === 'inline') {
    return (
      <Alert severity={severity} action={action}>
        {lead}
        {lead && said ? ' ' : null}
        {said}
      </Alert>
    )
  }
  return (
    <Alert severity={severity} action={action}>
      <AlertTitle>{title}</AlertTitle>
      {said}
    </Alert>
  )
}
