import { isLookerApiError } from './errors'

/**
 * THE polling policy for asynchronous Looker tasks (render tasks, query tasks): one place, one loop.
 * See docs/decisions/0008-render-polling.md for the reasoning and the benchmark.
 *
 * - Adaptive: quick at first (~120 ms), then the wait grows with the time already spent (30 % of it),
 *   capped at 3 s, so a render's finish is noticed within ~30 % of its age, and never more than 3 s late.
 * - Honours the server: a Retry-After on a status response or on a 429 is waited out in full; after such
 *   a server-paced wait the loop starts again from the quick end, since the server expects us back then.
 * - Paused while the tab is hidden; stopped by an AbortSignal (unmount, cancel).
 * - Never more than one request in flight per task: the loop awaits each request before sleeping.
 */

export interface PollTiming {
  /** Milliseconds since polling started, or since the end of the last wait the server asked for. */
  sinceMs: number
  /** The server's Retry-After for this task, in ms, when its last response carried one. */
  retryAfterMs: number | null
}

export interface PollingPolicy {
  readonly name: string
  /** How long to wait before the next status request. */
  nextDelay(timing: PollTiming): number
}

export const QUICK_POLL_MS = 120
export const MAX_POLL_MS = 3_000
/** A longer Retry-After is honoured only up to this: a wrong header must not freeze the panel. */
export const MAX_SERVER_WAIT_MS = 30_000
const GROWTH = 0.3

export const adaptivePolicy: PollingPolicy = {
  name: 'adaptive',
  nextDelay({ sinceMs, retryAfterMs }) {
    if (retryAfterMs != null && retryAfterMs >= 1_000) return Math.min(retryAfterMs, MAX_SERVER_WAIT_MS)
    return Math.round(Math.min(MAX_POLL_MS, Math.max(QUICK_POLL_MS, sinceMs * GROWTH)))
  },
}

/** The official SDK example's loop (a fixed 0.5 s, deaf to Retry-After); kept for the benchmark. */
export function fixedIntervalPolicy(ms: number): PollingPolicy {
  return { name: `fixed-${ms}ms`, nextDelay: () => ms }
}

let activePolicy: PollingPolicy = adaptivePolicy

/** The policy every task poll uses. Only the benchmark build swaps it (see main.tsx, `?poll=`). */
export function pollingPolicy(): PollingPolicy {
  return activePolicy
}

export function setPollingPolicy(policy: PollingPolicy) {
  activePolicy = policy
}

/** Whether the page is visible, and a way to wait until it is. */
export interface Visibility {
  isHidden(): boolean
  /** Calls `listener` on every visibility change; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void
}

export const documentVisibility: Visibility = {
  isHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
  subscribe(listener) {
    if (typeof document === 'undefined') return () => {}
    document.addEventListener('visibilitychange', listener)
    return () => document.removeEventListener('visibilitychange', listener)
  },
}

export interface PollResponse<T> {
  value: T
  retryAfterMs: number | null
}

export interface PollOptions<T> {
  /** One status request. Its errors are LookerApiErrors; 429 and transient ones are waited out. */
  request: (signal: AbortSignal) => Promise<PollResponse<T>>
  isDone: (value: T) => boolean
  /** Each status as it arrives (for the stepper). */
  onUpdate?: (value: T) => void
  signal: AbortSignal
  policy?: PollingPolicy
  visibility?: Visibility
  now?: () => number
  /** Consecutive transient failures (network, 5xx) tolerated before giving up. */
  maxTransientFailures?: number
}

function abortError(): DOMException {
  return new DOMException('Polling stopped', 'AbortError')
}

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError())
    const onAbort = () => {
      clearTimeout(timer)
      reject(abortError())
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/** Resolves at once when the page is visible, otherwise when it becomes visible (or rejects on abort). */
export function whenVisible(visibility: Visibility, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortError())
  if (!visibility.isHidden()) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const stop = () => {
      unsubscribe()
      signal.removeEventListener('abort', onAbort)
    }
    const onAbort = () => {
      stop()
      reject(abortError())
    }
    const unsubscribe = visibility.subscribe(() => {
      if (visibility.isHidden()) return
      stop()
      resolve()
    })
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Polls until `isDone`, returning the final value. Rejects with an AbortError when stopped, or with the
 * request's error when it is not worth waiting out (404, 403, …) or transient failures keep coming.
 */
export async function pollUntilDone<T>(options: PollOptions<T>): Promise<T> {
  const {
    request,
    isDone,
    onUpdate,
    signal,
    policy = pollingPolicy(),
    visibility = documentVisibility,
    now = () => performance.now(),
    maxTransientFailures = 4,
  } = options
  let pacedFrom = now()
  let transientFailures = 0
  for (;;) {
    await whenVisible(visibility, signal)
    if (signal.aborted) throw abortError()
    let retryAfterMs: number | null
    try {
      const response = await request(signal)
      if (signal.aborted) throw abortError()
      transientFailures = 0
      onUpdate?.(response.value)
      if (isDone(response.value)) return response.value
      retryAfterMs = response.retryAfterMs
    } catch (error) {
      if (signal.aborted) throw abortError()
      if (!isLookerApiError(error) || !error.isTransient) throw error
      if (!error.isRateLimited && ++transientFailures > maxTransientFailures) throw error
      // 429 without Retry-After, or a network blip: the adaptive wait, at least one second.
      retryAfterMs = Math.max(error.retryAfterMs ?? 0, 1_000)
    }
    const delay = policy.nextDelay({ sinceMs: now() - pacedFrom, retryAfterMs })
    await sleep(delay, signal)
    if (retryAfterMs != null && retryAfterMs >= 1_000) pacedFrom = now()
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}
