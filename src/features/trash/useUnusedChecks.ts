import type { ILook } from '@looker/sdk/lib/4.0/models'
import { useQueries, type UseQueryResult } from '@tanstack/react-query'
import { useMemo } from 'react'
import { lookUsageQueries } from '../../api/lookUsage'
import type { UnusedReason } from './trashParams'
import { cheapReason, summarizeUnused, type UnusedSummary, type UsageCheck } from './unusedVerdicts'

interface Checks {
  checks: UsageCheck[]
  retryFailed: () => void
}

function toChecks(results: UseQueryResult<number>[]): Checks {
  return {
    checks: results.map((r): UsageCheck => {
      if (r.data !== undefined) return { status: 'done', used: r.data > 0 }
      return r.isError && !r.isFetching ? { status: 'failed' } : { status: 'pending' }
    }),
    retryFailed: () => {
      for (const r of results) if (r.isError) void r.refetch()
    },
  }
}

export interface UnusedChecks extends UnusedSummary {
  /** Asks again for the checks that failed. */
  retryFailed: () => void
}

/**
 * The unused list as Looker defines it: `looks` (not viewed lately) less those `leaveOut` names. Scheduled
 * and on-a-dashboard need one request per look (api/lookUsage.ts: bounded, cached); they are asked only
 * for looks that public/favorited did not already leave out, and only while their filter is on.
 */
export function useUnusedChecks(
  looks: readonly ILook[] | undefined,
  leaveOut: ReadonlySet<UnusedReason>,
): UnusedChecks | null {
  const candidates = useMemo(
    () => (looks ?? []).filter((look) => !cheapReason(look, leaveOut)).map((look) => String(look.id)),
    [looks, leaveOut],
  )
  const scheduled = useQueries({
    queries: leaveOut.has('scheduled') ? candidates.map((id) => lookUsageQueries.scheduled(id)) : [],
    combine: toChecks,
  })
  const dashboards = useQueries({
    queries: leaveOut.has('dashboard') ? candidates.map((id) => lookUsageQueries.onDashboards(id)) : [],
    combine: toChecks,
  })
  return useMemo(() => {
    if (!looks) return null
    const index = new Map(candidates.map((id, i) => [id, i]))
    const summary = summarizeUnused(looks, leaveOut, (id) => {
      const i = index.get(id)
      return i === undefined ? {} : { scheduled: scheduled.checks[i], dashboard: dashboards.checks[i] }
    })
    return {
      ...summary,
      retryFailed: () => {
        scheduled.retryFailed()
        dashboards.retryFailed()
      },
    }
  }, [looks, leaveOut, candidates, scheduled, dashboards])
}
