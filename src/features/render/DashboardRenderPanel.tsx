import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import type { IDashboard } from '@looker/sdk/lib/4.0/models'
import { useId } from 'react'
import { DashboardRenderer } from './DashboardRenderer'

/** A dashboard page's "Render" section: this dashboard as a PDF or an image, with its filters. */
export function DashboardRenderPanel({ dashboard }: { dashboard: IDashboard }) {
  const headingId = useId()
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Typography variant="h2" id={headingId} gutterBottom>
        Render
      </Typography>
      <DashboardRenderer dashboards={[dashboard]} chooseDashboard={false} />
    </Paper>
  )
}
