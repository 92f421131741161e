import type { SimStore } from '../store'
import type { Viewer } from '../viewer'
import { visibleDashboard } from './model'
import { serializeDashboard } from './serialize'

export { scheduledPlansForLook, type SchedulesForLookParams } from './schedules'
export { searchDashboardElements, searchDashboards, searchLookmlDashboards, type Params } from './search'
export { contentThumbnail, type ThumbnailRequest } from '../thumbnails'

/** dashboard: either kind, by id ("model::name" for LookML), 404 when unknown or not visible. */
export function getDashboard(store: SimStore, viewer: Viewer, id: string) {
  return serializeDashboard(store, viewer, visibleDashboard(store, viewer, id))
}
