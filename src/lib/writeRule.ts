import { busyWaits } from './busyWaits'
import { describeError, isLookerApiError, type LookerApiError } from './errors'

/**
 * THE rule for sending a write to Looker again (docs/decisions/0017-write-rule.md). api/sendWrite.ts runs
 * every write through it; reads that React Query runs keep their own policy (lib/queryClient.ts).
 *
 * - A 429, or a 503 with Retry-After, says the request was not carried out: it is waited out (Retry-After,
 *   or a growing wait when Looker names none) and sent again, at most MAX_ATTEMPTS times, for any write.
 *   The wait is shown (lib/busyWaits) with Cancel, and every write waits it out, not only the one told.
 * - A PATCH or DELETE (`idempotent`) is also sent again after the connection dropped or a 502/503/504:
 *   repeating it has the same effect. A read a write depends on (`read`) also after a 500, as reads are.
 *   At most MAX_LOST_RETRIES times, after short growing pauses.
 * - A POST that creates something (`creating`) is sent again only on those proofs that nothing was done.
 *   After an answer that proves nothing (a drop, a 5xx) it fails with MaybeDoneError, which says what to
 *   check before trying again, because a second POST could make a second copy.
 */

export type WriteKind = 'read' | 'idempotent' | 'creating'

export interface WriteIntent {
  kind: WriteKind
  /** `creating`: what to check before trying again, e.g. "The copy may have been made: check the folder…". */
  check?: string
}

export const READ_FOR_WRITE: WriteIntent = { kind: 'read' }
export const IDEMPOTENT: WriteIntent = { kind: 'idempotent' }
export const creating = (check: string): WriteIntent => ({ kind: 'creating', check })

export type WriteEvent =
  | { type: 'attempt'; kind: WriteKind }
  /** Looker said "not now" (429, 503 with Retry-After): no write is sent before `until`. */
  | { type: 'busy'; until: number }
  /** Sent again after a lost answer (`ambiguous`: the lost attempt may have been carried out). */
  | { type: 'retry'; ambiguous: boolean }

export interface WriteScope {
  /** Cancellation by the caller (Stop, leaving the page): ends a wait at once. */
  signal?: AbortSignal
  /** Hears every attempt, wait and retry (a bulk run counts them and shows its waits itself). */
  onEvent?: (event: WriteEvent) => void
  /** Show waits in the app's busy notice (default true; a bulk run's dialog shows its own). */
  showWaits?: boolean
}

/** Attempts per request, waits included: bounded so a write always ends. */
export const MAX_ATTEMPTS = 8
/** Repeats after a dropped connection (idempotent writes, reads). */
export const MAX_LOST_RETRIES = 3
/** A longer Retry-After is honoured only up to this (the user can Cancel before). */
export const MAX_WAIT_MS = 60_000

/** A creating request may have been carried out (its answer was lost): the user must check first. */
export class MaybeDoneError extends Error {
  readonly check: string
  constructor(check: string, cause: unknown) {
    const lead =
      isLookerApiError(cause) && cause.isNetwork
        ? 'No answer came back from Looker.'
        : `Looker answered with an error (${describeError(cause).replace(/\.$/, '')}).`
    super(`${lead} ${check}`, { cause })
    this.name = 'MaybeDoneError'
    this.check = check
  }
}

/** The user pressed Cancel while the write waited for Looker. */
export class WriteCancelledError extends Error {
  constructor(readonly mayHaveLanded: boolean) {
    super(
      mayHaveLanded
        ? 'Cancelled while Looker was busy; an earlier attempt may have gone through.'
        : 'Cancelled while Looker was busy; nothing was changed.',
    )
    this.name = 'WriteCancelledError'
  }
}

const landed = new WeakSet<object>()

/** Whether the write that threw `error` may still have been carried out (a lost answer on the way). */
export function mayHaveLanded(error: unknown): boolean {
  if (error instanceof MaybeDoneError) return true
  if (error instanceof WriteCancelledError) return error.mayHaveLanded
  return typeof error === 'object' && error !== null && landed.has(error)
}

type Step = { kind: 'fail' } | { kind: 'wait'; ms: number } | { kind: 'retry'; ambiguous: boolean }

interface Tally {
  attempts: number
  waits: number
  lostRetries: number
}

/** Growing waits when Looker names none (it documents no Retry-After on 429): 1, 2, 4, 8, 8… s. */
const defaultWait = (waits: number) => Math.min(1000 * 2 ** waits, 8000)

function decide(intent: WriteIntent, error: unknown, tally: Tally): Step {
  if (!isLookerApiError(error) || tally.attempts >= MAX_ATTEMPTS) return { kind: 'fail' }
  const saysNotDone = error.hasStatus(429) || (error.hasStatus(503) && error.retryAfterMs != null)
  if (saysNotDone) {
    return { kind: 'wait', ms: Math.min(error.retryAfterMs ?? defaultWait(tally.waits), MAX_WAIT_MS) }
  }
  if (intent.kind !== 'creating' && transient(intent, error) && tally.lostRetries < MAX_LOST_RETRIES) {
    return { kind: 'retry', ambiguous: intent.kind === 'idempotent' }
  }
  return { kind: 'fail' }
}

/**
 * Worth sending again when repeating is harmless: a drop, a gateway or overload answer, and for reads any
 * 5xx (as the read policy). A 500 on a write is Looker failing at the change itself: it would fail again.
 */
function transient(intent: WriteIntent, error: LookerApiError): boolean {
  if (error.isNetwork || error.hasStatus(502, 503, 504)) return true
  return intent.kind === 'read' && error.hasStatus(500)
}

/** The answer proves nothing about whether it was done: a drop or a server error. */
const uncertain = (error: unknown) =>
  isLookerApiError(error) && (error.isNetwork || (error.status >= 500 && error.status <= 599))

function failure(intent: WriteIntent, error: unknown, ambiguous: boolean): unknown {
  if (intent.kind === 'creating' && uncertain(error)) return new MaybeDoneError(intent.check ?? '', error)
  const tagged = ambiguous || (intent.kind === 'idempotent' && uncertain(error))
  if (tagged && typeof error === 'object' && error !== null) landed.add(error)
  return error
}

export interface WriteRuleOptions {
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
  now?: () => number
  random?: () => number
  busy?: Pick<typeof busyWaits, 'add'>
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })
}

const abortReason = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('The operation was aborted.', 'AbortError')

export function createWriteRule(options: WriteRuleOptions = {}) {
  const sleep = options.sleep ?? abortableSleep
  const now = options.now ?? (() => Date.now())
  const random = options.random ?? Math.random
  const busy = options.busy ?? busyWaits
  // One pause for every write: when Looker says "slow down", no write starts before it has passed.
  let resumeAt = 0

  /** Waits until the shared pause is over; Cancel (or the caller's signal) ends it with an error. */
  async function waitOut(scope: WriteScope, ambiguous: boolean): Promise<void> {
    const until = resumeAt
    if (until <= now()) return
    const cancel = new AbortController()
    const stop = scope.signal ? AbortSignal.any([scope.signal, cancel.signal]) : cancel.signal
    const remove = scope.showWaits === false ? () => undefined : busy.add(until, () => cancel.abort())
    try {
      while (!stop.aborted && resumeAt > now()) await sleep(resumeAt - now(), stop)
    } finally {
      remove()
    }
    if (scope.signal?.aborted) throw abortReason(scope.signal)
    if (cancel.signal.aborted) throw new WriteCancelledError(ambiguous)
  }

  /**
   * Sends `request` under the rule. `request` is one HTTP request (and what reads its answer); it is
   * called again for each attempt with the caller's signal.
   */
  async function send<T>(
    intent: WriteIntent,
    request: (signal?: AbortSignal) => Promise<T>,
    scope: WriteScope = {},
  ): Promise<T> {
    const tally: Tally = { attempts: 0, waits: 0, lostRetries: 0 }
    let ambiguous = false
    for (;;) {
      await waitOut(scope, ambiguous)
      if (scope.signal?.aborted) throw abortReason(scope.signal)
      tally.attempts++
      scope.onEvent?.({ type: 'attempt', kind: intent.kind })
      try {
        return await request(scope.signal)
      } catch (error) {
        if (scope.signal?.aborted) throw error
        const step = decide(intent, error, tally)
        if (step.kind === 'fail') throw failure(intent, error, ambiguous)
        if (step.kind === 'wait') {
          tally.waits++
          resumeAt = Math.max(resumeAt, now() + step.ms)
          scope.onEvent?.({ type: 'busy', until: resumeAt })
          continue
        }
        tally.lostRetries++
        ambiguous ||= step.ambiguous
        scope.onEvent?.({ type: 'retry', ambiguous: step.ambiguous })
        const backoff = Math.min(300 * 2 ** (tally.lostRetries - 1), 2400)
        await sleep(backoff / 2 + random() * (backoff / 2), scope.signal ?? new AbortController().signal)
      }
    }
  }

  return { send }
}
