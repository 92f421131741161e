import type { IDashboard } from '@looker/sdk/lib/4.0/models'

export interface UsedLook {
  id: string
  title: string
}

/**
 * The saved looks a dashboard's tiles show, once each, in tile order. A tile made from a query of its own
 * (no look_id) is not a look; a look on two tiles is listed once.
 */
export function usedLooks(dashboard: IDashboard): UsedLook[] {
  const seen = new Map<string, UsedLook>()
  for (const element of dashboard.dashboard_elements ?? []) {
    const id = element.look_id ?? element.look?.id
    if (!id || seen.has(id)) continue
    seen.set(id, { id, title: element.look?.title || element.title || `Look ${id}` })
  }
  return [...seen.values()]
}
