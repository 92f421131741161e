import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useRef, useState } from 'react'
import { plural } from '../lib/counts'
import { useTaskDeadlineMinutes } from '../lib/taskDeadline'

/**
 * Past the overall deadline (Settings), polling pauses and this asks: keep waiting, or cancel. Looker may
 * still finish the task, so nothing is given up without the user's word. After "Keep waiting" a quiet line
 * takes the buttons' place (and the focus), saying when it will ask again.
 */
export function TaskDeadlineNotice({
  overdue,
  what,
  onKeepWaiting,
  onCancel,
}: {
  overdue: boolean
  /** "render", "dashboard render", "query": completes "This … is taking unusually long". */
  what: string
  onKeepWaiting: () => void
  onCancel: () => void
}) {
  const minutes = useTaskDeadlineMinutes()
  const [resumed, setResumed] = useState(false)
  const lineRef = useRef<HTMLParagraphElement>(null)
  const period = plural(minutes, 'minute')
  if (overdue)
    return (
      // The buttons go under the message (not in Alert's `action` column), so they fit a phone.
      <Alert severity="warning">
        This {what} is taking unusually long: more than {period}. Looker may still finish it.
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Button
            color="inherit"
            size="small"
            onClick={() => {
              setResumed(true)
              onKeepWaiting()
              requestAnimationFrame(() => lineRef.current?.focus())
            }}
          >
            Keep waiting
          </Button>
          <Button color="inherit" size="small" onClick={onCancel}>
            Cancel
          </Button>
        </Stack>
      </Alert>
    )
  if (!resumed) return null
  return (
    <Typography ref={lineRef} tabIndex={-1} role="status" variant="body2" color="text.secondary">
      Still waiting for the {what}. Lookbook asks again if it takes another {period}.
    </Typography>
  )
}
