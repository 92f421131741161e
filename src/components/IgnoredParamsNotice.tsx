import Alert from '@mui/material/Alert'

/**
 * What a page did with the URL values it could not use: one sentence each (lib/urlState
 * `describeIgnoredParam`), dismissible. Nothing when every value was used.
 */
export function IgnoredParamsNotice({
  sentences,
  onDismiss,
}: {
  sentences: string[]
  onDismiss: () => void
}) {
  if (sentences.length === 0) return null
  return (
    <Alert severity="info" onClose={onDismiss} sx={{ mb: 2 }}>
      {sentences.join(' ')}
    </Alert>
  )
}
