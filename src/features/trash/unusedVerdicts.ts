import type { ILook } from '@looker/sdk/lib/4.0/models'
import { UNUSED_REASONS, type UnusedReason } from './trashParams'

/** One per-look check (scheduled? on a dashboard?) as the list sees it. */
export type UsageCheck = { status: 'pending' } | { status: 'failed' } | { status: 'done'; used: boolean }

/** Why a look is or is not listed: a reason it was left out for, or that it is unused, or not known yet. */
export type Verdict = UnusedReason | 'unused' | 'checking' | 'failed'

export interface LookChecks {
  scheduled?: UsageCheck
  dashboard?: UsageCheck
}

/** Public and favorited are in the look's own fields: no request needed. */
export function cheapReason(look: ILook, leaveOut: ReadonlySet<UnusedReason>): UnusedReason | null {
  if (leaveOut.has('public') && look.public === true) return 'public'
  if (leaveOut.has('favorite') && (look.favorite_count ?? 0) > 0) return 'favorite'
  return null
}

/**
 * A look is unused only when every check that is switched on has answered "not used". A known use is
 * reported as soon as it is known (the first reason in UNUSED_REASONS' order wins); a check still running
 * keeps the look out of the list; a check that failed keeps it out too, as `failed`, never as unused.
 */
export function unusedVerdict(look: ILook, leaveOut: ReadonlySet<UnusedReason>, checks: LookChecks): Verdict {
  const cheap = cheapReason(look, leaveOut)
  if (cheap) return cheap
  const enabled = (['scheduled', 'dashboard'] as const).filter((reason) => leaveOut.has(reason))
  for (const reason of enabled) {
    const check = checks[reason]
    if (check?.status === 'done' && check.used) return reason
  }
  if (enabled.some((reason) => (checks[reason]?.status ?? 'pending') === 'pending')) return 'checking'
  if (enabled.some((reason) => checks[reason]?.status === 'failed')) return 'failed'
  return 'unused'
}

export interface UnusedSummary {
  unused: ILook[]
  /** Looks left out, each under its first reason. */
  leftOut: Record<UnusedReason, number>
  /** Looks whose checks are still running. */
  checking: number
  /** Looks with a failed check and no known use: not listed, and not called unused. */
  failed: number
  /** Looks that needed a check (neither public nor favorited, with a check switched on). */
  checked: number
}

export function summarizeUnused(
  looks: readonly ILook[],
  leaveOut: ReadonlySet<UnusedReason>,
  checksOf: (lookId: string) => LookChecks,
): UnusedSummary {
  const leftOut = Object.fromEntries(Object.keys(UNUSED_REASONS).map((r) => [r, 0])) as Record<
    UnusedReason,
    number
  >
  const summary: UnusedSummary = { unused: [], leftOut, checking: 0, failed: 0, checked: 0 }
  const needsChecks = leaveOut.has('scheduled') || leaveOut.has('dashboard')
  for (const look of looks) {
    const verdict = unusedVerdict(look, leaveOut, checksOf(String(look.id)))
    if (needsChecks && !cheapReason(look, leaveOut)) summary.checked++
    if (verdict === 'unused') summary.unused.push(look)
    else if (verdict === 'checking') summary.checking++
    else if (verdict === 'failed') summary.failed++
    else leftOut[verdict]++
  }
  return summary
}
