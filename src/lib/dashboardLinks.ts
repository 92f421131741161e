import type { IDashboardBase } from '@looker/sdk/lib/4.0/models'

/** A dashboard's page: a LookML id (`model::name`) is URL-encoded like any other opaque id. */
export const dashboardHref = (id: string) => `/dashboards/${encodeURIComponent(id)}`

export const dashboardTitle = (d: IDashboardBase) => d.title || `Dashboard ${d.id ?? ''}`
