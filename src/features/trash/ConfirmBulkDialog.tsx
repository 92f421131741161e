import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import type { SelectedLook } from './trashQueries'

const PREVIEW = 5

export const plural = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'look' : 'looks'}`

function Preview({ looks }: { looks: readonly SelectedLook[] }) {
  const rest = looks.length - PREVIEW
  return (
    <Typography component="ul" variant="body2" sx={{ mt: 1, mb: 0, pl: 3 }}>
      {looks.slice(0, PREVIEW).map((l) => (
        <li key={l.id}>{l.title}</li>
      ))}
      {rest > 0 && <li>and {plural(rest)} more</li>}
    </Typography>
  )
}

interface Props {
  looks: readonly SelectedLook[]
  kind: 'restore' | 'delete' | 'trash'
  onCancel: () => void
  onConfirm: () => void
}

/**
 * Names the count and the first titles. A permanent delete also asks the admin to type the count, so a
 * slip of the mouse cannot destroy 1,200 looks when they meant 12.
 */
export function ConfirmBulkDialog({ looks, kind, onCancel, onConfirm }: Props) {
  const [typed, setTyped] = useState('')
  const n = looks.length
  const typedOk = typed.trim().replace(/[,\s]/g, '') === String(n)
  if (kind === 'delete') {
    return (
      <ConfirmDialog
        open
        destructive
        title={`Permanently delete ${plural(n)}?`}
        message={
          <>
            <strong>This cannot be undone.</strong> These {plural(n)} will be removed from Looker for good:
            <Preview looks={looks} />
          </>
        }
        confirmLabel={`Delete ${plural(n)} forever`}
        confirmDisabled={!typedOk}
        onCancel={onCancel}
        onConfirm={onConfirm}
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
          helperText={typed && !typedOk ? `That is not ${n}.` : ' '}
          error={Boolean(typed) && !typedOk}
        />
      </ConfirmDialog>
    )
  }
  const restore = kind === 'restore'
  return (
    <ConfirmDialog
      open
      title={restore ? `Restore ${plural(n)}?` : `Move ${plural(n)} to the trash?`}
      message={
        <>
          {restore
            ? `These ${plural(n)} go back to their folders:`
            : `These ${plural(n)} leave their folders and can be restored from the trash:`}
          <Preview looks={looks} />
        </>
      }
      confirmLabel={restore ? `Restore ${plural(n)}` : `Move ${plural(n)} to trash`}
      destructive={!restore}
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  )
}
