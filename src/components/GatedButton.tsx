import Button, { type ButtonProps } from '@mui/material/Button'
import Tooltip from '@mui/material/Tooltip'
import { useId } from 'react'

interface Props extends Omit<ButtonProps, 'disabled' | 'sx'> {
  /** Why the action is not available now; null when it is. */
  reason: string | null
}

/**
 * A button that stays focusable when not allowed (aria-disabled rather than disabled), so the reason
 * reaches keyboard and screen-reader users too: on hover or focus as a tooltip, and as its description.
 */
export function GatedButton({ reason, onClick, children, ...rest }: Props) {
  const reasonId = useId()
  const button = (
    <Button
      {...rest}
      aria-disabled={reason ? true : undefined}
      aria-describedby={reason ? reasonId : undefined}
      onClick={reason ? undefined : onClick}
      sx={
        reason
          ? { color: 'text.disabled', borderColor: 'action.disabledBackground', cursor: 'not-allowed' }
          : undefined
      }
    >
      {children}
      {reason && (
        <span id={reasonId} hidden>
          {reason}
        </span>
      )}
    </Button>
  )
  return reason ? (
    <Tooltip title={reason} describeChild>
      {button}
    </Tooltip>
  ) : (
    button
  )
}
