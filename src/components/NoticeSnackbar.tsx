import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Snackbar from '@mui/material/Snackbar'
import type { Notice } from './Notifier'

/** Successes fade after a while (longer when they carry an Undo); errors stay until dismissed. */
export function NoticeSnackbar({ notice, onClose }: { notice: Notice; onClose: () => void }) {
  const hideAfter = notice.severity === 'error' ? null : notice.action ? 10_000 : 6_000
  return (
    <Snackbar
      open
      autoHideDuration={hideAfter}
      onClose={(_event, reason) => {
        // A click elsewhere on the page must not swallow the Undo.
        if (reason !== 'clickaway') onClose()
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
    >
      <Alert
        severity={notice.severity}
        variant="filled"
        onClose={onClose}
        action={
          notice.action && (
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                onClose()
                notice.action?.onClick()
              }}
            >
              {notice.action.label}
            </Button>
          )
        }
      >
        {notice.message}
      </Alert>
    </Snackbar>
  )
}
