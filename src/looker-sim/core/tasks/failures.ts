import { hashFloat } from '../render/data'
import type { LookRecord } from '../types'

/**
 * Which seeded looks fail, and why, in the words Looker's renderer uses (facts §6 #9, #10).
 * - A "legacy" look references a field that no longer exists: its query fails, every time.
 * - A few looks (about 4 %, plus "Andy's scratchpad") time out on their first render in a session, as a
 *   cold warehouse would make them; a retry succeeds.
 */
/** The database's own words, as a query task's `errors[].message` carries them (no "Query failed" prefix). */
export const BROKEN_FIELD_SQL_ERROR =
  'column "accounts.legacy_plan_code" does not exist. The look references a field that was removed from the model.'
export const BROKEN_FIELD_DETAIL = `Query failed: ${BROKEN_FIELD_SQL_ERROR}`
export const TIMEOUT_DETAIL =
  'Render job failed [Script timed out. - retried]: the visualization did not finish drawing within 60 seconds.'

export function isBrokenLook(look: Pick<LookRecord, 'title'>): boolean {
  return /legacy/i.test(look.title)
}

/** The SQL error running a query gives: a query saved by a "legacy" look references a removed field. */
export function queryError(looks: Iterable<LookRecord>, queryId: string): string | null {
  for (const look of looks) if (look.query_id === queryId && isBrokenLook(look)) return BROKEN_FIELD_SQL_ERROR
  return null
}

export function timesOutOnFirstRender(seed: number, look: Pick<LookRecord, 'id' | 'title'>): boolean {
  return /scratchpad/i.test(look.title) || hashFloat(seed, 'cold-warehouse', look.id) < 0.04
}

/** A live look that renders on every try: not broken, not timing out on its first render. */
export function rendersEveryTime(seed: number, look: Pick<LookRecord, 'id' | 'title' | 'deleted'>): boolean {
  return !look.deleted && !isBrokenLook(look) && !timesOutOnFirstRender(seed, look)
}

export interface PlannedFailure {
  phase: 'querying' | 'rendering'
  detail: string
}

/** `attempt` counts this look's renders in the session, from 1. */
export function plannedFailure(seed: number, look: LookRecord, attempt: number): PlannedFailure | null {
  if (isBrokenLook(look)) return { phase: 'querying', detail: BROKEN_FIELD_DETAIL }
  if (attempt === 1 && timesOutOnFirstRender(seed, look))
    return { phase: 'rendering', detail: TIMEOUT_DETAIL }
  return null
}
