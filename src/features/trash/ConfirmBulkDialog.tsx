import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useState, type ReactNode } from 'react'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { plural } from '../../lib/counts'
import type { SelectedLook } from '../../api/lookLists'

const PREVIEW = 5

export const countLooks = (n: number) => plural(n, 'look')

function Preview({ looks }: { looks: readonly SelectedLook[] }) {
  const rest = looks.length - PREVIEW
  return (
    <Typography component="ul" variant="body2" sx={{ mt: 1, mb: 0, pl: 3 }}>
      {looks.slice(0, PREVIEW).map((l) => (
        <li key={l.id}>{l.title}</li>
      ))}
      {rest > 0 && <li>and {countLooks(rest)} more</li>}
    </Typography>
  )
}

interface Props {
  looks: readonly SelectedLook[]
  kind: 'restore' | 'delete' | 'trash'
  onCancel: () => void
  onConfirm: () => void
  /** A permanent delete's backup: how it is going (shown under the count), and whether it is ready. */
  backup?: { status: ReactNode; ready: boolean }
}

/**
 * Names the count and the first titles. A permanent delete also asks the admin to type the count, so a
 * slip of the mouse cannot destroy 1,200 looks when they meant 12.
 */
export function ConfirmBulkDialog({ looks, kind, onCancel, onConfirm, backup }: Props) {
  const [typed, setTyped] = useState('')
  // Set by Enter: an empty field then says what to type, as a submitted form would.
  const [submitted, setSubmitted] = useState(false)
  const n = looks.length
  const one = n === 1
  const typedOk = typed.trim().replace(/[,\s]/g, '') === String(n)
  if (kind === 'delete') {
    // No backup, no delete.
    const ready = backup?.ready ?? true
    const fieldError = typedOk
      ? null
      : typed
        ? `That is not ${n}.`
        : submitted
          ? `Type ${n} to confirm.`
          : null
    return (
      <ConfirmDialog
        open
        destructive
        title={`Permanently delete ${countLooks(n)}?`}
        message={
          <>
            <strong>This cannot be undone.</strong> {one ? 'This look' : `These ${countLooks(n)}`} will be
            removed from Looker for good:
            <Preview looks={looks} />
          </>
        }
        confirmLabel={`Delete ${countLooks(n)} forever`}
        confirmDisabled={!typedOk || !ready}
        onCancel={onCancel}
        onConfirm={onConfirm}
      >
        {/* A form, so Enter in the field confirms like any submit; a wrong number shows why instead. */}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            setSubmitted(true)
            if (typedOk && ready) onConfirm()
          }}
        >
          <TextField
            autoFocus
            fullWidth
            margin="normal"
            label={`Type ${n} to confirm`}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            inputMode="numeric"
            autoComplete="off"
            helperText={fieldError ?? ' '}
            error={fieldError !== null}
          />
        </form>
        {backup?.status}
      </ConfirmDialog>
    )
  }
  const restore = kind === 'restore'
  return (
    <ConfirmDialog
      open
      title={restore ? `Restore ${countLooks(n)}?` : `Move ${countLooks(n)} to the trash?`}
      message={
        <>
          {restore
            ? one
              ? 'This look goes back to its folder:'
              : `These ${countLooks(n)} go back to their folders:`
            : one
              ? 'This look leaves its folder and can be restored from the trash:'
              : `These ${countLooks(n)} leave their folders and can be restored from the trash:`}
          <Preview looks={looks} />
        </>
      }
      confirmLabel={restore ? `Restore ${countLooks(n)}` : `Move ${countLooks(n)} to trash`}
      destructive={!restore}
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  )
}
