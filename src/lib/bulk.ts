import { mayHaveLanded } from './writeRule'

/**
 * A framework-free runner for "do this to each of these items" (bulk restore, permanent delete, move to
 * trash). Guarantees, in order of importance:
 *
 * 1. An item whose action succeeded is never acted on again in this run (each item is owned by exactly one
 *    worker, and its action runs once). "Retry failed" runs again only the items that failed.
 * 2. Sending a request again (after a 429, or after a lost answer where that is harmless) is the write
 *    rule's business (lib/writeRule.ts), the same for one look as for many; the runner does not repeat
 *    an action. When the rule pauses for a 429, every write waits, so the whole run slows down together.
 * 3. A failure that may still have changed the server (a lost answer on the way) is reported as
 *    `ambiguous`, and "Retry failed" starts such items with `ctx.ambiguous` set: a permanent delete then
 *    reads a 404 as "already gone" rather than as a failure.
 * 4. Stop (the AbortSignal) starts no new item and ends any wait; requests already in flight are allowed
 *    to finish so their outcome is known rather than guessed. Items never started are reported as stopped.
 */

export interface BulkContext {
  /** True when an earlier run's attempt on this item failed in a way that may still have changed the server. */
  ambiguous: boolean
}

/** What an action returns on success: an optional note for the outcome list ("already gone"). */
export interface BulkSuccess {
  note?: string
}

export type BulkOutcome<T> =
  | { item: T; status: 'succeeded'; note?: string }
  | { item: T; status: 'failed'; error: unknown; ambiguous: boolean }
  | { item: T; status: 'stopped'; ambiguous: boolean }

export interface BulkOptions<T> {
  items: readonly T[]
  action: (item: T, ctx: BulkContext) => Promise<BulkSuccess | void>
  concurrency?: number
  signal?: AbortSignal
  /** For "Retry failed": items whose earlier run ended ambiguously start with `ctx.ambiguous` set. */
  initiallyAmbiguous?: (item: T) => boolean
  onOutcome?: (outcome: BulkOutcome<T>, index: number) => void
}

export interface BulkReport<T> {
  outcomes: BulkOutcome<T>[]
  stopped: boolean
}

export const DEFAULT_BULK_CONCURRENCY = 4

export async function runBulk<T>(options: BulkOptions<T>): Promise<BulkReport<T>> {
  const { items, action, signal, concurrency = DEFAULT_BULK_CONCURRENCY } = options
  const outcomes: BulkOutcome<T>[] = new Array<BulkOutcome<T>>(items.length)
  let next = 0

  const record = (outcome: BulkOutcome<T>, index: number) => {
    outcomes[index] = outcome
    options.onOutcome?.(outcome, index)
  }

  async function runItem(index: number): Promise<void> {
    const item = items[index] as T
    const ambiguous = options.initiallyAmbiguous?.(item) ?? false
    if (signal?.aborted) return record({ item, status: 'stopped', ambiguous }, index)
    try {
      const result = await action(item, { ambiguous })
      record({ item, status: 'succeeded', note: result?.note }, index)
    } catch (error) {
      record({ item, status: 'failed', error, ambiguous: ambiguous || mayHaveLanded(error) }, index)
    }
  }

  async function worker(): Promise<void> {
    while (next < items.length) await runItem(next++)
  }

  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, () => worker())
  await Promise.all(workers)
  return { outcomes, stopped: signal?.aborted ?? false }
}

export interface BulkSummary {
  total: number
  finished: number
  succeeded: number
  failed: number
  stopped: number
}

/** Counts for a progress bar; `outcomes` may have holes for items still running. */
export function summarize<T>(total: number, outcomes: readonly (BulkOutcome<T> | undefined)[]): BulkSummary {
  const summary: BulkSummary = { total, finished: 0, succeeded: 0, failed: 0, stopped: 0 }
  for (const o of outcomes) {
    if (!o) continue
    summary.finished++
    summary[o.status]++
  }
  return summary
}
