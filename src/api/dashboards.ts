import type {
  IDashboard,
  IDashboardElement,
  IRequestSearchDashboardElements,
  IRequestSearchDashboards,
  IRequestSearchLookmlDashboards,
  IScheduledPlan,
} from '@looker/sdk/lib/4.0/models'
import { queryOptions } from '@tanstack/react-query'
import { http, seg, send } from '../lib/http'

/**
 * Dashboards of both kinds. A user-defined dashboard has an opaque id; a LookML dashboard's id is
 * `model::dashboard_name`: both are read with dashboard(id) and rendered with create_dashboard_render_task
 * (API 4.0 has no separate LookML render endpoint). Ids are always path-encoded (`::` included).
 */

export type DashboardSearch = Omit<IRequestSearchDashboards, 'fields' | 'page' | 'per_page'>
export type LookmlDashboardSearch = Omit<IRequestSearchLookmlDashboards, 'fields'>

export interface DashboardPage {
  dashboards: IDashboard[]
  /** From X-Total-Count when the server sends it (and CORS exposes it); otherwise unknown. */
  total: number | null
}

function totalOf(headers: Headers): number | null {
  const header = headers.get('x-total-count')
  return header != null && /^\d+$/.test(header) ? Number(header) : null
}

/** search_dashboards: GET /dashboards/search. User-defined dashboards only. */
export async function searchDashboards(
  params: DashboardSearch,
  signal?: AbortSignal,
  fields?: string,
): Promise<DashboardPage> {
  const res = await send<IDashboard[]>('GET', '/dashboards/search', { query: { ...params, fields }, signal })
  return { dashboards: res.data ?? [], total: totalOf(res.headers) }
}

/**
 * search_lookml_dashboards: GET /dashboards/lookml/search. Spec quirk (4.0.26.12): the 200 schema is one
 * DashboardLookml, but the description says "an array of LookML Dashboard objects"; we follow the
 * description, and read a single object as a list of one so either answer works.
 */
export async function searchLookmlDashboards(
  params: LookmlDashboardSearch,
  signal?: AbortSignal,
  fields?: string,
): Promise<DashboardPage> {
  const res = await send<IDashboard[] | IDashboard>('GET', '/dashboards/lookml/search', {
    query: { ...params, fields },
    signal,
  })
  const data = res.data ?? []
  return { dashboards: Array.isArray(data) ? data : [data], total: totalOf(res.headers) }
}

/** dashboard: GET /dashboards/{dashboard_id}, for a user-defined id or a LookML `model::name`. */
export function getDashboard(dashboardId: string, signal?: AbortSignal, fields?: string) {
  return http.get<IDashboard>(`/dashboards/${seg(dashboardId)}`, { query: { fields }, signal })
}

export type DashboardElementSearch = Omit<IRequestSearchDashboardElements, 'fields'>

/** search_dashboard_elements: GET /dashboard_elements/search (by look_id: the dashboards a look is on). */
export function searchDashboardElements(
  params: DashboardElementSearch,
  signal?: AbortSignal,
  fields?: string,
) {
  return http.get<IDashboardElement[]>('/dashboard_elements/search', { query: { ...params, fields }, signal })
}

/**
 * scheduled_plans_for_look: GET /scheduled_plans/look/{look_id}. Without `all_users` Looker answers only the
 * caller's own plans; an admin asks with all_users=true to see everyone's.
 */
export function scheduledPlansForLook(
  lookId: string,
  options: { all_users?: boolean },
  signal?: AbortSignal,
  fields?: string,
) {
  return http.get<IScheduledPlan[]>(`/scheduled_plans/look/${seg(lookId)}`, {
    query: { ...options, fields },
    signal,
  })
}

export const dashboardKeys = {
  all: ['dashboards'] as const,
  searches: () => [...dashboardKeys.all, 'search'] as const,
  search: (search: DashboardSearch, fields?: string) =>
    [...dashboardKeys.searches(), 'user', { search, fields }] as const,
  lookmlSearch: (search: LookmlDashboardSearch, fields?: string) =>
    [...dashboardKeys.searches(), 'lookml', { search, fields }] as const,
  detail: (id: string) => [...dashboardKeys.all, 'detail', id] as const,
  elements: (search: DashboardElementSearch, fields?: string) =>
    [...dashboardKeys.all, 'elements', { search, fields }] as const,
  lookSchedules: (lookId: string, allUsers: boolean) =>
    ['scheduledPlans', 'look', lookId, { allUsers }] as const,
}

export const dashboardQueries = {
  search: (search: DashboardSearch, fields?: string) =>
    queryOptions({
      queryKey: dashboardKeys.search(search, fields),
      queryFn: ({ signal }) => searchDashboards(search, signal, fields),
      staleTime: 30_000,
    }),
  lookmlSearch: (search: LookmlDashboardSearch, fields?: string) =>
    queryOptions({
      queryKey: dashboardKeys.lookmlSearch(search, fields),
      queryFn: ({ signal }) => searchLookmlDashboards(search, signal, fields),
      staleTime: 30_000,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: dashboardKeys.detail(id),
      queryFn: ({ signal }) => getDashboard(id, signal),
      staleTime: 30_000,
    }),
  elements: (search: DashboardElementSearch, fields?: string) =>
    queryOptions({
      queryKey: dashboardKeys.elements(search, fields),
      queryFn: ({ signal }) => searchDashboardElements(search, signal, fields),
      staleTime: 60_000,
    }),
  lookSchedules: (lookId: string, allUsers: boolean) =>
    queryOptions({
      queryKey: dashboardKeys.lookSchedules(lookId, allUsers),
      queryFn: ({ signal }) => scheduledPlansForLook(lookId, { all_users: allUsers }, signal),
      staleTime: 60_000,
    }),
}
