import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { useLookDashboards } from '../../api/lookDashboards'
import { lookQueries } from '../../api/looks'
import { ErrorPanel } from '../../components/ErrorPanel'
import { DashboardRenderer } from './DashboardRenderer'

/** The render tab's "Dashboards" section: render a dashboard that uses this look, as a PDF or an image. */
export function DashboardRenderSection({ lookId }: { lookId: string }) {
  const headingId = useId()
  const look = useQuery(lookQueries.detail(lookId))
  const { dashboards, isPending, error, refetch } = useLookDashboards(look.data)

  let body
  if (look.isPending || isPending)
    body = <Skeleton variant="rounded" height={96} aria-label="Loading the dashboards that use this look" />
  else if (look.error || error)
    body = (
      <ErrorPanel
        variant="inline"
        lead="Could not load the dashboards that use this look:"
        error={look.error ?? error}
        onRetry={refetch}
      />
    )
  else if (dashboards.length === 0)
    body = <Typography color="text.secondary">No dashboard you can see uses this look.</Typography>
  else body = <DashboardRenderer dashboards={dashboards} />

  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Typography variant="h2" id={headingId} gutterBottom>
        Dashboards
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Render a dashboard that uses this look, as a PDF for printing or an image.
      </Typography>
      {body}
    </Paper>
  )
}
