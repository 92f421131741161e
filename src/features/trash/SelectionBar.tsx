import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { ReactNode, Ref } from 'react'
import { ErrorPanel } from '../../components/ErrorPanel'
import { countLooks } from './ConfirmBulkDialog'

interface Props {
  count: number
  /** How many looks match the filters, when known. */
  matching: number | null
  /** True when the selection was made by "select all that match". */
  allMatching: boolean
  onSelectAllMatching: () => void
  /** While the matching looks are still being worked out (the unused list's checks). */
  selectAllDisabled?: boolean
  loadingAll: { loaded: number } | null
  loadAllError: string | null
  onClear: () => void
  /** The bulk buttons; disabled by the caller when nothing is selected. */
  children: ReactNode
  /** The "N looks selected" line, focusable by script: where focus goes after a bulk dialog. */
  statusRef?: Ref<HTMLElement>
}

/** What is selected, in words, and the way to widen it to every matching look. */
export function SelectionBar({ statusRef, ...props }: Props) {
  const { count, matching } = props
  const canWiden = !props.allMatching && (matching === null || matching > count)
  return (
    <Stack spacing={1} sx={{ my: 1.5 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography
          ref={statusRef}
          tabIndex={-1}
          role="status"
          aria-live="polite"
          sx={{ mr: 1, fontWeight: 500 }}
        >
          {count === 0
            ? 'No looks selected'
            : props.allMatching
              ? count === 1
                ? 'The 1 look that matches is selected'
                : `All ${countLooks(count)} that match are selected`
              : `${countLooks(count)} selected`}
        </Typography>
        {canWiden && (
          <Button
            size="small"
            onClick={props.onSelectAllMatching}
            disabled={props.loadingAll !== null || props.selectAllDisabled}
          >
            {matching === null
              ? 'Select all that match'
              : matching === 1
                ? 'Select the 1 look that matches'
                : `Select all ${countLooks(matching)} that match`}
          </Button>
        )}
        {props.loadingAll && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <CircularProgress size={16} aria-label="Loading all matching looks" />
            <Typography variant="body2">{props.loadingAll.loaded.toLocaleString()} loaded…</Typography>
          </Stack>
        )}
        {count > 0 && (
          <Button size="small" onClick={props.onClear}>
            Clear selection
          </Button>
        )}
        <Stack direction="row" spacing={1} sx={{ ml: 'auto !important' }}>
          {props.children}
        </Stack>
      </Stack>
      {props.loadAllError && <ErrorPanel variant="inline" detail={props.loadAllError} />}
    </Stack>
  )
}
