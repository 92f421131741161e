import { hasStatus, isLookerApiError } from './errors'

/**
 * A framework-free runner for "do this to each of these items" (bulk restore, permanent delete, move to
 * trash). Guarantees, in order of importance:
 *
 * 1. An item whose action succeeded is never acted on again in this run (each item is owned by exactly one
 *    worker, and a success ends its attempts). "Retry failed" runs again only the items that failed.
 * 2. A 429 means the server refused the request without acting on it, so repeating it is safe: the runner
 *    waits `retryAfterMs` (all workers pause, not only the one that was told) and continues.
 * 3. A network loss or 5xx is ambiguous (the request may have happened), so the item is retried a bounded
 *    number of times and the action is told (`ctx.ambiguous`) that an earlier attempt may have landed; a
 *    permanent delete uses that to read a 404 as "already gone" rather than as a failure.
 * 4. Stop (the AbortSignal) starts no new item and ends any wait; requests already in flight are allowed
 *    to finish so their outcome is known rather than guessed. Items never started are reported as stopped.
 */

export interface BulkContext {
  /** 1 for the first attempt on this item. */
  attempt: number
  /** True when an earlier attempt on this item failed in a way that may still have changed the server. */
  ambiguous: boolean
}

/** What an action returns on success: an optional note for the outcome list ("already gone"). */
export interface BulkSuccess {
  note?: string
}

export type BulkOutcome<T> =
  | { item: T; status: 'succeeded'; attempts: number; note?: string }
  | { item: T; status: 'failed'; attempts: number; error: unknown; ambiguous: boolean }
  | { item: T; status: 'stopped'; attempts: number; ambiguous: boolean }

export interface BulkStats {
  /** Every call of the action (each is at least one HTTP request). */
  attempts: number
  /** Attempts answered 429. */
  rateLimited: number
  /** Attempts that failed on network loss or 5xx and were tried again. */
  transientRetries: number
}

export interface BulkEvent {
  type: 'attempt' | 'rate-limited' | 'transient-retry'
  index: number
}

export interface BulkOptions<T> {
  items: readonly T[]
  action: (item: T, ctx: BulkContext) => Promise<BulkSuccess | void>
  concurrency?: number
  signal?: AbortSignal
  /** Retries after a network loss or 5xx, per item (default 3). */
  maxTransientRetries?: number
  /** 429 waits per item before it is reported as failed (default 20): bounded so a run always ends. */
  maxRateLimitWaits?: number
  /** Wait when a 429 carries no Retry-After (default 1000 ms). */
  defaultRetryAfterMs?: number
  /** Backoff before retry number `n` after a transient failure (default 500·2^(n-1) ms, capped at 8 s). */
  backoffMs?: (retry: number) => number
  /** For "Retry failed": items whose earlier run ended ambiguously start with `ctx.ambiguous` set. */
  initiallyAmbiguous?: (item: T) => boolean
  onOutcome?: (outcome: BulkOutcome<T>, index: number) => void
  onEvent?: (event: BulkEvent) => void
  /** Injectable for tests. Must resolve early (not reject) when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  now?: () => number
}

export interface BulkReport<T> {
  outcomes: BulkOutcome<T>[]
  stats: BulkStats
  stopped: boolean
}

export const DEFAULT_BULK_CONCURRENCY = 4

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}

const isRateLimited = (e: unknown) => hasStatus(e, 429)
const isAmbiguous = (e: unknown) =>
  isLookerApiError(e) && (e.kind === 'network' || (e.status >= 500 && e.status <= 599))

export async function runBulk<T>(options: BulkOptions<T>): Promise<BulkReport<T>> {
  const {
    items,
    action,
    signal,
    concurrency = DEFAULT_BULK_CONCURRENCY,
    maxTransientRetries = 3,
    maxRateLimitWaits = 20,
    defaultRetryAfterMs = 1000,
    backoffMs = (n) => Math.min(500 * 2 ** (n - 1), 8000),
    sleep = abortableSleep,
    now = () => Date.now(),
  } = options
  const outcomes: BulkOutcome<T>[] = new Array<BulkOutcome<T>>(items.length)
  const stats: BulkStats = { attempts: 0, rateLimited: 0, transientRetries: 0 }
  // One shared pause: when the server says "slow down", nobody starts a request until it has passed.
  let resumeAt = 0
  let next = 0

  const record = (outcome: BulkOutcome<T>, index: number) => {
    outcomes[index] = outcome
    options.onOutcome?.(outcome, index)
  }
  const emit = (type: BulkEvent['type'], index: number) => options.onEvent?.({ type, index })

  async function runItem(index: number): Promise<void> {
    const item = items[index] as T
    let attempts = 0
    let ambiguous = options.initiallyAmbiguous?.(item) ?? false
    let transientFailures = 0
    let rateLimitWaits = 0
    for (;;) {
      const wait = resumeAt - now()
      if (wait > 0) await sleep(wait, signal)
      if (signal?.aborted) return record({ item, status: 'stopped', attempts, ambiguous }, index)
      attempts++
      stats.attempts++
      emit('attempt', index)
      try {
        const result = await action(item, { attempt: attempts, ambiguous })
        return record({ item, status: 'succeeded', attempts, note: result?.note }, index)
      } catch (error) {
        if (isRateLimited(error) && rateLimitWaits < maxRateLimitWaits) {
          rateLimitWaits++
          stats.rateLimited++
          emit('rate-limited', index)
          const retryAfter = isLookerApiError(error) ? error.retryAfterMs : null
          resumeAt = Math.max(resumeAt, now() + (retryAfter ?? defaultRetryAfterMs))
          continue
        }
        if (isAmbiguous(error) && transientFailures < maxTransientRetries) {
          transientFailures++
          ambiguous = true
          stats.transientRetries++
          emit('transient-retry', index)
          await sleep(backoffMs(transientFailures), signal)
          continue
        }
        return record({ item, status: 'failed', attempts, error, ambiguous }, index)
      }
    }
  }

  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++
      if (signal?.aborted) {
        const item = items[index] as T
        record(
          { item, status: 'stopped', attempts: 0, ambiguous: options.initiallyAmbiguous?.(item) ?? false },
          index,
        )
      } else await runItem(index)
    }
  }

  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, () => worker())
  await Promise.all(workers)
  return { outcomes, stats, stopped: signal?.aborted ?? false }
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
