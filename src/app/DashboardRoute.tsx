import { useParams } from 'react-router'
import { DashboardPage } from '../features/dashboards/DashboardPage'
import { DashboardRenderPanel } from '../features/render/DashboardRenderPanel'

/**
 * /dashboards/:dashboardId. The page belongs to the dashboards feature; its render panel is the render
 * feature's, plugged in here because a feature never imports another feature.
 */
export function Component() {
  const { dashboardId = '' } = useParams()
  return (
    <DashboardPage
      key={dashboardId}
      dashboardId={dashboardId}
      renderPanel={(dashboard) => <DashboardRenderPanel dashboard={dashboard} />}
    />
  )
}
