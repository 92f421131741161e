import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Card from '@mui/material/Card'
import CardContent from '@mui/material/CardContent'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import type { DemoControls } from '../../lib/backend'
import { describeError } from '../../lib/errors'

export function DemoDataCard({ demo }: { demo: DemoControls }) {
  const [confirming, setConfirming] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Typography variant="h2">Demo data</Typography>
          <Typography>
            Demo mode runs a simulated Looker in your browser. Your changes are kept in this browser across
            reloads. Resetting brings back the original looks, folders and trash.
          </Typography>
          <Button variant="outlined" color="warning" onClick={() => setConfirming(true)}>
            Reset demo data
          </Button>
          {outcome && <Alert severity={outcome.ok ? 'success' : 'error'}>{outcome.text}</Alert>}
        </Stack>
      </CardContent>
      <ConfirmDialog
        open={confirming}
        title="Reset demo data?"
        message="Every change you made in demo mode (edits, moves, copies, deletions) will be undone."
        confirmLabel="Reset demo data"
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          try {
            await demo.resetDemoData()
            setOutcome({ ok: true, text: 'Demo data reset.' })
          } catch (e) {
            setOutcome({ ok: false, text: `Could not reset demo data: ${describeError(e)}` })
          } finally {
            setConfirming(false)
          }
        }}
      />
    </Card>
  )
}
