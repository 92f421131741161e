import { queryOptions } from '@tanstack/react-query'
import { createLimiter } from '../lib/limiter'
import { scheduledPlansForLook, searchDashboardElements } from './dashboards'

/**
 * Whether a look is in use in the two ways Looker's Unused Content page counts and search_looks cannot
 * tell (decision 0007): it is scheduled, or it is a tile on a live dashboard. One request each per look,
 * so the unused list runs them at most USAGE_CHECK_CONCURRENCY at a time (both kinds share the slots),
 * and each answer is cached: switching a filter or reloading the list does not ask again for minutes.
 * A failed check stays an error (React Query's read retries apply first); it never reads as "unused".
 */

export const USAGE_CHECK_CONCURRENCY = 4
const limit = createLimiter(USAGE_CHECK_CONCURRENCY)
// Schedules and dashboards change far less often than an admin clicks through this list.
const USAGE_STALE_MS = 5 * 60_000

export const lookUsageKeys = {
  all: ['lookUsage'] as const,
  scheduled: (lookId: string) => [...lookUsageKeys.all, lookId, 'scheduled'] as const,
  onDashboards: (lookId: string) => [...lookUsageKeys.all, lookId, 'dashboards'] as const,
}

export const lookUsageQueries = {
  /** How many schedules the look has, anyone's: an admin must ask with all_users=true to see others'. */
  scheduled: (lookId: string) =>
    queryOptions({
      queryKey: lookUsageKeys.scheduled(lookId),
      queryFn: ({ signal }) =>
        limit(() => scheduledPlansForLook(lookId, { all_users: true }, signal, 'id'), signal).then(
          (plans) => plans.length,
        ),
      staleTime: USAGE_STALE_MS,
    }),
  /** How many live dashboards have the look as a tile (elements of dashboards in the trash do not count). */
  onDashboards: (lookId: string) =>
    queryOptions({
      queryKey: lookUsageKeys.onDashboards(lookId),
      queryFn: ({ signal }) =>
        limit(
          () => searchDashboardElements({ look_id: lookId, deleted: false }, signal, 'id,dashboard_id'),
          signal,
        ).then((elements) => new Set(elements.map((e) => e.dashboard_id)).size),
      staleTime: USAGE_STALE_MS,
    }),
}
