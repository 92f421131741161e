import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import type { ILookWithQuery } from '@looker/sdk/lib/4.0/models'
import type { Ref } from 'react'
import { useRestoreLook } from '../../api/lookMutations'
import { useNotify } from '../../components/Notifier'
import { formatDateTime } from '../../lib/dates'
import { describeError } from '../../lib/errors'
import { canRestore } from './lookPermissions'

/** A look in the trash says so first, with Restore for those allowed to restore it. */
export function TrashBanner({
  look,
  onRestoring,
  ref,
}: {
  look: ILookWithQuery
  /** Restore has been asked for: the banner is about to go, and focus with it. */
  onRestoring?: () => void
  /** Focusable (tabIndex -1): after Delete, focus lands here, on what happened and how to undo it. */
  ref?: Ref<HTMLDivElement>
}) {
  const notify = useNotify()
  const restore = useRestoreLook()
  const when = formatDateTime(look.deleted_at)
  const allowed = canRestore(look)
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      severity="warning"
      sx={{ mb: 2 }}
      action={
        allowed && (
          <Button
            color="inherit"
            size="small"
            disabled={restore.isPending}
            onClick={() => {
              onRestoring?.()
              // mutateAsync, not mutate's callbacks: those are dropped once this banner unmounts, which it
              // does as soon as the look is optimistically live; the app's Notifier outlives it.
              restore.mutateAsync({ lookId: look.id ?? '', folderId: look.folder_id }).then(
                () => notify({ severity: 'success', message: `Restored “${look.title ?? ''}”.` }),
                (error: unknown) =>
                  notify({
                    severity: 'error',
                    message: `Could not restore the look: ${describeError(error)}`,
                  }),
              )
            }}
          >
            Restore
          </Button>
        )
      }
    >
      <AlertTitle>This look is in the trash</AlertTitle>
      {when ? `It was deleted ${when}. ` : 'It was deleted. '}
      {allowed
        ? 'Restore it to put it back in its folder.'
        : 'Only an admin can restore it. It cannot be edited, copied or moved while it is in the trash.'}
    </Alert>
  )
}
