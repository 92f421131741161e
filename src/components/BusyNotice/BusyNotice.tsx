import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Snackbar from '@mui/material/Snackbar'
import { busyWaits, type BusyWait } from '../../lib/busyWaits'
import { BusyMessage } from './BusyMessage'

/**
 * The app's notice for writes waiting on a busy Looker: "Looker is busy, retrying in 3 s…" with Cancel
 * (which ends every wait shown: those writes fail and say so where they were made). Top centre, so it
 * never covers the notifier's messages at the bottom left.
 */
export function BusyNotice({ waits }: { waits: readonly BusyWait[] }) {
  const until = Math.max(...waits.map((w) => w.until))
  return (
    <Snackbar open anchorOrigin={{ vertical: 'top', horizontal: 'center' }}>
      <Alert
        severity="info"
        variant="filled"
        action={
          <Button color="inherit" size="small" onClick={() => busyWaits.cancelAll()}>
            Cancel
          </Button>
        }
      >
        <BusyMessage until={until} count={waits.length} />
      </Alert>
    </Snackbar>
  )
}
