import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useLookDashboards } from '../../api/lookDashboards'
import { lookQueries } from '../../api/looks'
import { useCreateDashboardRenderTask } from '../../api/renderTasks'
import { ErrorPanel } from '../../components/ErrorPanel'
import { dashboardTitle, DashboardRenderControls } from './DashboardRenderControls'
import {
  dashboardFileName,
  dashboardRenderRequest,
  describeLayout,
  DEFAULT_DASHBOARD_SETTINGS,
  type DashboardSettings,
} from './dashboardSettings'
import { RenderedDashboard } from './RenderedDashboard'
import { RenderJobAlerts } from './RenderJobAlerts'
import { RenderProgress } from './RenderProgress'
import { useRenderRun } from './useRenderRun'

/** What one dashboard render was asked with, and the dashboard's title then. */
interface Asked {
  settings: DashboardSettings
  title: string
}

/** The render tab's "Dashboards" section: render a dashboard that uses this look, as a PDF or an image. */
export function DashboardRenderSection({ lookId }: { lookId: string }) {
  const headingId = useId()
  const look = useQuery(lookQueries.detail(lookId))
  const { dashboards, isPending, error, refetch } = useLookDashboards(look.data)
  const [chosen, setChosen] = useState<DashboardSettings | null>(null)
  // The first dashboard is chosen until the user picks one; a pick that vanished falls back to it.
  const fallbackId = dashboards[0]?.id ?? ''
  const settings: DashboardSettings =
    chosen && dashboards.some((d) => d.id === chosen.dashboardId)
      ? chosen
      : { ...DEFAULT_DASHBOARD_SETTINGS, ...chosen, dashboardId: fallbackId }

  const run = useRenderRun(useCreateDashboardRenderTask(), (asked: Asked) =>
    dashboardRenderRequest(asked.settings),
  )
  const { job } = run
  const titleOf = (id: string) => {
    const dashboard = dashboards.find((d) => d.id === id)
    return dashboard ? dashboardTitle(dashboard) : `Dashboard ${id}`
  }
  const render = (next: DashboardSettings) => run.render({ settings: next, title: titleOf(next.dashboardId) })
  const retry = () => run.retry({ settings, title: titleOf(settings.dashboardId) })

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
  else
    body = (
      <Stack spacing={2}>
        <DashboardRenderControls
          dashboards={dashboards}
          settings={settings}
          busy={run.running}
          onChange={setChosen}
          onRender={render}
        />
        {run.running && (
          <RenderProgress
            label="Dashboard render progress"
            task={job.phase === 'running' || job.phase === 'fetching' ? job.task : undefined}
            startedAt={run.requestedAt}
            fetching={job.phase === 'fetching'}
            onCancel={run.cancel}
          />
        )}
        <RenderJobAlerts
          startError={run.startError}
          job={job}
          onRetry={retry}
          onCancel={run.cancel}
          what="dashboard render"
        />
        {job.phase === 'done' && run.settings && (
          <RenderedDashboard
            key={job.task.id}
            blob={job.blob}
            title={run.settings.title}
            task={job.task}
            fileName={dashboardFileName(run.settings.title, run.settings.settings)}
            paper={describeLayout(run.settings.settings)}
          />
        )}
      </Stack>
    )

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
