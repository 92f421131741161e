import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import LinearProgress from '@mui/material/LinearProgress'
import Typography from '@mui/material/Typography'
import { useEffect, useState, type ReactNode } from 'react'
import { BusyMessage } from '../../components/BusyNotice'
import { describeError } from '../../lib/errors'
import { plural } from '../../lib/counts'
import type { BulkRunState, RowState } from './useBulkLookRun'

export interface RunCounts {
  total: number
  /** Looks with an outcome: succeeded or failed. A look stopped before it started is not done. */
  done: number
  succeeded: number
  failed: number
  stopped: number
}

export function countRows(state: BulkRunState): RunCounts {
  const c: RunCounts = { total: state.looks.length, done: 0, succeeded: 0, failed: 0, stopped: 0 }
  for (const look of state.looks) {
    const row = state.rows[look.id]
    if (!row || row.status === 'pending') continue
    c[row.status]++
    if (row.status !== 'stopped') c.done++
  }
  return c
}

function rowText(row: RowState | undefined): { text: string; color: string } {
  if (!row || row.status === 'pending') return { text: 'Waiting…', color: 'text.secondary' }
  if (row.status === 'succeeded')
    return { text: row.note ? `${row.label} (${row.note})` : row.label, color: 'success.main' }
  if (row.status === 'stopped')
    return { text: 'Not done: stopped before it started', color: 'text.secondary' }
  return { text: `Failed: ${describeError(row.error)}`, color: 'error.main' }
}

/** While Looker asks the run to wait: the countdown, with Stop (below) as the way out. */
function BusyLine({ until }: { until: number }) {
  // Keyed by `until` where it is used: a new wait is a new line, with its own `over`.
  const [over, setOver] = useState(() => until <= Date.now())
  useEffect(() => {
    const timer = setTimeout(() => setOver(true), Math.max(0, until - Date.now()))
    return () => clearTimeout(timer)
  }, [until])
  if (over) return null
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      <BusyMessage until={until} /> Stop ends the wait.
    </Alert>
  )
}

interface Props {
  title: string
  state: BulkRunState
  /** Buttons shown when the run has ended (Retry failed, choose a folder…). */
  endActions?: ReactNode
  /** Above the outcome, e.g. the backup saved before a permanent delete. */
  notice?: ReactNode
  onStop: () => void
  onClose: () => void
}

/** Progress, counts and one line per look; cannot be dismissed while a run is going. */
export function BulkRunDialog({ title, state, endActions, notice, onStop, onClose }: Props) {
  const c = countRows(state)
  const percent = c.total === 0 ? 100 : Math.round((c.done / c.total) * 100)
  return (
    <Dialog
      open
      onClose={state.running ? undefined : onClose}
      aria-labelledby="bulk-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="bulk-title">{title}</DialogTitle>
      <DialogContent>
        <LinearProgress
          variant="determinate"
          value={percent}
          aria-label="Progress"
          sx={{ height: 8, borderRadius: 4, mb: 1 }}
        />
        <Typography role="status" aria-live="polite" sx={{ mb: 1 }}>
          {c.done} of {c.total} done: {c.succeeded} succeeded, {c.failed} failed
          {c.stopped > 0 ? `, ${c.stopped} not started` : ''}
          {state.running
            ? state.stopRequested
              ? ' — stopping…'
              : ''
            : state.stopRequested
              ? ' — stopped'
              : ''}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {plural(state.stats.attempts, 'attempt')}; Looker asked us to wait{' '}
          {plural(state.stats.rateLimited, 'time')}; retried after errors{' '}
          {plural(state.stats.transientRetries, 'time')}.
        </Typography>
        {state.running && !state.stopRequested && state.busyUntil !== null && (
          <BusyLine key={state.busyUntil} until={state.busyUntil} />
        )}
        {notice}
        {!state.running && c.failed > 0 && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {c.failed} {c.failed === 1 ? 'look was' : 'looks were'} not done. Nothing else was changed.
          </Alert>
        )}
        <Box
          component="ul"
          aria-label="Outcome"
          sx={{
            listStyle: 'none',
            p: 0,
            m: 0,
            maxHeight: 320,
            overflow: 'auto',
            borderTop: 1,
            borderColor: 'divider',
          }}
        >
          {state.looks.map((look) => {
            const { text, color } = rowText(state.rows[look.id])
            return (
              <Box
                component="li"
                key={look.id}
                sx={{ py: 0.75, borderBottom: 1, borderColor: 'divider', display: 'flex', gap: 2 }}
              >
                <Typography sx={{ flex: 1, minWidth: 0, wordBreak: 'break-word' }}>{look.title}</Typography>
                <Typography sx={{ color, flexShrink: 0, maxWidth: '55%', textAlign: 'right' }}>
                  {text}
                </Typography>
              </Box>
            )
          })}
        </Box>
      </DialogContent>
      <DialogActions>
        {state.running ? (
          <Button color="warning" onClick={onStop} disabled={state.stopRequested}>
            Stop
          </Button>
        ) : (
          <>
            {endActions}
            <Button variant="contained" onClick={onClose}>
              Close
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  )
}
