import Stack from '@mui/material/Stack'
import type { IDashboardBase, IDashboardFilter } from '@looker/sdk/lib/4.0/models'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { dashboardQueries } from '../../api/dashboards'
import { useCreateDashboardRenderTask } from '../../api/renderTasks'
import { DashboardFilterFields } from './DashboardFilterFields'
import { dashboardTitle } from '../../lib/dashboardLinks'
import { DashboardRenderControls } from './DashboardRenderControls'
import {
  dashboardFileName,
  dashboardRenderRequest,
  describeFilters,
  describeLayout,
  DEFAULT_DASHBOARD_SETTINGS,
  type DashboardSettings,
} from './dashboardSettings'
import { RenderedDashboard } from './RenderedDashboard'
import { RenderJobAlerts } from './RenderJobAlerts'
import { RenderProgress } from './RenderProgress'
import { useRenderRun } from './useRenderRun'

/** What one dashboard render was asked with: the settings, and the dashboard's title and filters then. */
interface Asked {
  settings: DashboardSettings
  title: string
  filters: readonly IDashboardFilter[]
}

const NO_FILTERS: readonly IDashboardFilter[] = []

/** The chosen dashboard's filters (read with the dashboard, which its page has already loaded). */
function useDashboardFilters(dashboardId: string) {
  const detail = useQuery({ ...dashboardQueries.detail(dashboardId), enabled: dashboardId !== '' })
  return detail.data?.dashboard_filters ?? NO_FILTERS
}

/**
 * Render one of `dashboards` (the look page: those that use the look; a dashboard's page: itself) as a PDF
 * or an image, with its filters: the settings, one render at a time with progress and Cancel, what went
 * wrong with Retry, and the result (a PDF shown page by page, or the image) to open or download.
 */
export function DashboardRenderer({
  dashboards,
  chooseDashboard = true,
}: {
  dashboards: IDashboardBase[]
  chooseDashboard?: boolean
}) {
  const [chosen, setChosen] = useState<DashboardSettings | null>(null)
  // The first dashboard is chosen until the user picks one; a pick that vanished falls back to it.
  const fallbackId = dashboards[0]?.id ?? ''
  const settings: DashboardSettings =
    chosen && dashboards.some((d) => d.id === chosen.dashboardId)
      ? chosen
      : { ...DEFAULT_DASHBOARD_SETTINGS, ...chosen, dashboardId: fallbackId, filters: {} }
  const filters = useDashboardFilters(settings.dashboardId)

  const run = useRenderRun(useCreateDashboardRenderTask(), (asked: Asked) =>
    dashboardRenderRequest(asked.settings, asked.filters),
  )
  const { job } = run
  const titleOf = (id: string) => {
    const dashboard = dashboards.find((d) => d.id === id)
    return dashboard ? dashboardTitle(dashboard) : `Dashboard ${id}`
  }
  const asked = (next: DashboardSettings): Asked => ({
    settings: next,
    title: titleOf(next.dashboardId),
    filters,
  })
  const render = (next: DashboardSettings) => run.render(asked(next))
  const retry = () => run.retry(asked(settings))
  const done = job.phase === 'done' ? job : null
  const shown = run.settings

  return (
    <Stack spacing={2}>
      <DashboardRenderControls
        dashboards={dashboards}
        settings={settings}
        busy={run.running}
        onChange={setChosen}
        onRender={render}
        chooseDashboard={chooseDashboard}
        filters={
          <DashboardFilterFields
            filters={filters}
            values={settings.filters}
            onChange={(name, value) =>
              setChosen({ ...settings, filters: { ...settings.filters, [name]: value } })
            }
          />
        }
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
      {done && shown && (
        <RenderedDashboard
          key={done.task.id}
          blob={done.blob}
          title={shown.title}
          task={done.task}
          fileName={dashboardFileName(shown.title, shown.settings)}
          paper={describeLayout(shown.settings)}
          filters={describeFilters(shown.filters, shown.settings.filters)}
        />
      )}
    </Stack>
  )
}
