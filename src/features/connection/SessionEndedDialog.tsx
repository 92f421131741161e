import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import { useState } from 'react'
import { useLocation } from 'react-router'
import type { AuthControls } from '../../lib/backend'
import { describeError } from '../../lib/errors'

/** The session ended mid-use: say so over the page (which keeps its state) and offer to sign in again. */
export function SessionEndedDialog({ auth, reason }: { auth: AuthControls; reason: string | null }) {
  const location = useLocation()
  const [failure, setFailure] = useState<string | null>(null)
  return (
    <Dialog open aria-labelledby="session-ended-title">
      <DialogTitle id="session-ended-title">You are signed out</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Your Looker session ended{reason ? `: ${reason}` : '.'} Sign in again to carry on; unsaved changes
          on this page are kept.
        </DialogContentText>
        {failure && <DialogContentText color="error">{failure}</DialogContentText>}
      </DialogContent>
      <DialogActions>
        <Button
          variant="contained"
          autoFocus
          onClick={() => {
            setFailure(null)
            auth
              .signIn(`${location.pathname}${location.search}`)
              .catch((e: unknown) => setFailure(describeError(e)))
          }}
        >
          Sign in
        </Button>
      </DialogActions>
    </Dialog>
  )
}
