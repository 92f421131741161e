import Paper from '@mui/material/Paper'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { useId, useRef, useState } from 'react'
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
import { useRenderJob, type RenderJobTarget } from './useRenderJob'

type Target = RenderJobTarget & { settings: DashboardSettings; title: string }

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

  const create = useCreateDashboardRenderTask()
  const [target, setTarget] = useState<Target | null>(null)
  const job = useRenderJob(target)
  const attempt = useRef(0)
  const [requestedAt, setRequestedAt] = useState(0)

  const render = (next: DashboardSettings) => {
    const mine = ++attempt.current
    const dashboard = dashboards.find((d) => d.id === next.dashboardId)
    const title = dashboard ? dashboardTitle(dashboard) : `Dashboard ${next.dashboardId}`
    setRequestedAt(Date.now())
    setTarget(null)
    create.mutate(dashboardRenderRequest(next), {
      onSuccess: (task) => {
        // A Cancel or a newer render since this one was asked for: its task is ignored.
        if (attempt.current === mine)
          setTarget({ taskId: task.id, startedAt: Date.now(), settings: next, title })
      },
    })
  }
  const cancel = () => {
    attempt.current++
    create.reset()
    setTarget(null)
  }
  const retry = () => render(target?.settings ?? settings)
  const running = create.isPending || job.phase === 'running' || job.phase === 'fetching'

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
          busy={running}
          onChange={setChosen}
          onRender={render}
        />
        {running && (
          <RenderProgress
            label="Dashboard render progress"
            task={job.phase === 'running' || job.phase === 'fetching' ? job.task : undefined}
            startedAt={requestedAt}
            fetching={job.phase === 'fetching'}
            onCancel={cancel}
          />
        )}
        <RenderJobAlerts startError={create.isError ? create.error : null} job={job} onRetry={retry} />
        {job.phase === 'done' && target && (
          <RenderedDashboard
            key={target.taskId}
            blob={job.blob}
            title={target.title}
            task={job.task}
            fileName={dashboardFileName(target.title, target.settings)}
            paper={describeLayout(target.settings)}
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
