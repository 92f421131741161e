import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import Typography from '@mui/material/Typography'
import type { SkipReason } from '../../api/lookBackup'
import { ErrorPanel } from '../../components/ErrorPanel'
import { plural } from '../../lib/counts'
import { describeError } from '../../lib/errors'
import type { BackupState, SavedBackup } from './useDeleteBackup'

const SKIPPED: Record<SkipReason, string> = {
  gone: 'already deleted by someone else',
  restored: 'restored since you selected it, so it will not be deleted',
}

const size = (blob: Blob) => `${Math.max(1, Math.round(blob.size / 1024)).toLocaleString()} KB`

/** In the delete confirmation: the backup being read, ready (and what it leaves out), or why there is none. */
export function BackupStatus({ state, saveError }: { state: BackupState; saveError: string | null }) {
  if (state.status === 'reading') {
    return (
      <>
        <Typography variant="body2" role="status" sx={{ mt: 2 }}>
          Backing up {plural(state.total, 'look')} before anything is deleted: {state.read} of {state.total}{' '}
          read…
        </Typography>
        <LinearProgress
          variant="determinate"
          value={state.total ? (state.read / state.total) * 100 : 0}
          aria-label="Backup progress"
          sx={{ mt: 1 }}
        />
      </>
    )
  }
  if (state.status === 'failed') {
    return (
      <ErrorPanel
        variant="inline"
        lead="No backup, so nothing will be deleted."
        detail={describeError(state.error)}
        onRetry={state.retry}
        retryLabel="Try the backup again"
      />
    )
  }
  const { built, blob, fileName } = state.saved
  return (
    <>
      <Alert severity={saveError ? 'error' : 'success'} sx={{ mt: 2 }} role={saveError ? 'alert' : 'status'}>
        {saveError ??
          `Backup ready: ${plural(built.included.length, 'look')} (${size(blob)}). It downloads as “${fileName}” when you confirm, before anything is deleted.`}
      </Alert>
      {built.skipped.length > 0 && (
        <Typography component="ul" variant="body2" sx={{ mt: 1, mb: 0, pl: 3 }}>
          {built.skipped.map(({ look, reason }) => (
            <li key={look.id}>
              “{look.title}”: {SKIPPED[reason]}.
            </li>
          ))}
        </Typography>
      )}
    </>
  )
}

/** Above a delete run's outcome: which file holds what was deleted, and a way to save it again. */
export function BackupSavedNotice({
  saved,
  onSave,
  error,
}: {
  saved: SavedBackup
  onSave: () => void
  /** Why "Download again" did not start. */
  error: string | null
}) {
  return (
    <Alert
      severity={error ? 'error' : 'info'}
      sx={{ mb: 2, overflowWrap: 'anywhere' }}
      action={
        <Button color="inherit" size="small" onClick={onSave} sx={{ whiteSpace: 'nowrap' }}>
          Download again
        </Button>
      }
    >
      Backup saved first: “{saved.fileName}” ({plural(saved.built.included.length, 'look')}). Re-create looks
      from it under Trash › Re-create from a backup.
      {error && ` ${error}`}
    </Alert>
  )
}
