import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Checkbox from '@mui/material/Checkbox'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormGroup from '@mui/material/FormGroup'
import FormLabel from '@mui/material/FormLabel'
import LinearProgress from '@mui/material/LinearProgress'
import Typography from '@mui/material/Typography'
import { plural } from '../../lib/counts'
import { UNUSED_REASONS, type UnusedReason } from './trashParams'
import type { UnusedChecks } from './useUnusedChecks'

const REASONS = Object.keys(UNUSED_REASONS) as UnusedReason[]

/** How each reason reads in "Left out 12 looks: 3 public, …". */
const IN_SUMMARY: Record<UnusedReason, string> = {
  public: 'public',
  favorite: 'favorited',
  scheduled: 'scheduled',
  dashboard: 'on a dashboard',
}

/** The "leave out" filters, each a checkbox the admin can switch off. */
export function LeaveOutFilters({
  leaveOut,
  onChange,
}: {
  leaveOut: ReadonlySet<UnusedReason>
  onChange: (reason: UnusedReason, on: boolean) => void
}) {
  return (
    <FormControl component="fieldset" sx={{ mt: 1.5 }}>
      <FormLabel component="legend" sx={{ typography: 'body2' }}>
        Leave out looks that are
      </FormLabel>
      <FormGroup row>
        {REASONS.map((reason) => (
          <FormControlLabel
            key={reason}
            label={UNUSED_REASONS[reason]}
            control={
              <Checkbox
                size="small"
                checked={leaveOut.has(reason)}
                onChange={(e) => onChange(reason, e.target.checked)}
              />
            }
          />
        ))}
      </FormGroup>
    </FormControl>
  )
}

/** How many looks were left out and why, the checks still running, and those that could not be checked. */
export function LeftOutSummary({ checks }: { checks: UnusedChecks }) {
  const total = REASONS.reduce((n, r) => n + checks.leftOut[r], 0)
  const parts = REASONS.filter((r) => checks.leftOut[r] > 0).map(
    (r) => `${checks.leftOut[r].toLocaleString()} ${IN_SUMMARY[r]}`,
  )
  const done = checks.checked - checks.checking
  return (
    <>
      <Typography variant="body2" color="text.secondary" role="status" sx={{ mt: 0.5 }}>
        {total === 0
          ? 'No looks left out.'
          : `Left out ${plural(total, 'look')}: ${parts.join(', ')}${parts.length > 1 ? ' (each counted under its first reason)' : ''}.`}
      </Typography>
      {checks.checking > 0 && (
        <>
          <Typography variant="body2" sx={{ mt: 1 }}>
            Checking which looks are scheduled or on a dashboard: {done.toLocaleString()} of{' '}
            {checks.checked.toLocaleString()} checked. Looks appear here once they are known to be unused.
          </Typography>
          <LinearProgress
            variant="determinate"
            value={checks.checked ? (done / checks.checked) * 100 : 0}
            aria-label="Checking looks"
            sx={{ mt: 0.5 }}
          />
        </>
      )}
      {checks.failed > 0 && checks.checking === 0 && (
        <Alert
          severity="warning"
          sx={{ mt: 1 }}
          action={
            <Button color="inherit" size="small" onClick={checks.retryFailed} sx={{ whiteSpace: 'nowrap' }}>
              Check again
            </Button>
          }
        >
          Could not check {plural(checks.failed, 'look')}: whether{' '}
          {checks.failed === 1 ? 'it is' : 'they are'} scheduled or on a dashboard is not known, so{' '}
          {checks.failed === 1 ? 'it is' : 'they are'} not listed as unused.
        </Alert>
      )}
    </>
  )
}
