import { isLookerApiError } from './errors'
import type { PollingPolicy, TaskProgress } from './pollingPolicy'
import { pacedPolicy } from './taskPacing'

/**
 * THE polling loop for asynchronous Looker tasks (render tasks, query tasks): one place, one loop.
 * See docs/decisions/0008-render-polling.md for the reasoning and the benchmark.
 *
 * - Paced without server hints (taskPacing.ts): sparse while a task waits or runs its early steps, close
 *   around the end its history predicts once it is in its final step; the adaptive wait for the rest.
 * - Honours the server: a Retry-After on a status response or on a 429 is waited out in full; after such
 *   a server-paced wait the loop starts again from the quick end, since the server expects us back then.
 * - Paused while the tab is hidden; stopped by an AbortSignal (unmount, cancel); paused again at an
 *   overall deadline until the user chooses to keep waiting.
 * - Never more than one request in flight per task: the loop awaits each request before sleeping.
 */

export {
  adaptivePolicy,
  fixedIntervalPolicy,
  MAX_POLL_MS,
  MAX_SERVER_WAIT_MS,
  QUICK_POLL_MS,
  type PollingPolicy,
  type PollTiming,
  type TaskProgress,
} from './pollingPolicy'

let activePolicy: PollingPolicy = pacedPolicy

/** The policy every task poll uses. Only the benchmark build swaps it (see benchSwitches.ts). */
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
  /** What the status says about the task's progress, for the pacing; absent = unknown. */
  progress?: TaskProgress | null
}

/** After `afterMs` of polling the loop pauses and awaits `reached()`: resolve it to keep waiting. */
export interface PollDeadline {
  afterMs: number
  /**
   * Called once the deadline passes; polling resumes (with a fresh deadline) when it resolves. `signal`
   * aborts when polling stops meanwhile (Cancel, unmount), so the question can be withdrawn.
   */
  reached: (signal: AbortSignal) => Promise<void>
}

export interface PollOptions<T> {
  /** One status request. Its errors are LookerApiErrors; 429 and transient ones are waited out. */
  request: (signal: AbortSignal) => Promise<PollResponse<T>>
  isDone: (value: T) => boolean
  /** What the task's creation answered, as progress: the pacing may plan the first look from it. */
  initial?: TaskProgress | null
  /** Each status as it arrives (for the stepper). */
  onUpdate?: (value: T) => void
  signal: AbortSignal
  policy?: PollingPolicy
  visibility?: Visibility
  now?: () => number
  /** Consecutive transient failures (network, 5xx) tolerated before giving up. */
  maxTransientFailures?: number
  /** Pause and ask once polling has taken this long (see lib/taskDeadline.ts for the setting). */
  deadline?: PollDeadline
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
    initial = null,
    onUpdate,
    signal,
    policy = pollingPolicy(),
    visibility = documentVisibility,
    now = () => performance.now(),
    maxTransientFailures = 4,
    deadline,
  } = options
  const pacer = policy.forTask?.() ?? policy
  const startedAt = now()
  let pacedFrom = startedAt
  let deadlineAt = deadline ? startedAt + deadline.afterMs : Infinity
  let transientFailures = 0
  // The task exists from now on; its creation may have said what it is.
  pacer.observe?.(initial, startedAt)
  const firstDelay = pacer.firstDelay?.() ?? 0
  if (firstDelay > 0) await sleep(firstDelay, signal)
  for (;;) {
    const hiddenFrom = now()
    await whenVisible(visibility, signal)
    if (signal.aborted) throw abortError()
    // Time in a hidden tab is not time spent waiting for the task.
    deadlineAt += now() - hiddenFrom
    if (deadline && now() >= deadlineAt) {
      await untilAborted(deadline.reached(signal), signal)
      deadlineAt = now() + deadline.afterMs
    }
    let retryAfterMs: number | null
    try {
      const sentAt = now()
      const response = await request(signal)
      if (signal.aborted) throw abortError()
      transientFailures = 0
      pacer.observe?.(response.progress ?? null, now(), sentAt)
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
    const delay = pacer.nextDelay({ sinceMs: now() - pacedFrom, retryAfterMs, nowMs: now() })
    // Never sleep past the deadline: the question comes on time, not a poll interval late.
    await sleep(Math.max(0, Math.min(delay, deadlineAt - now())), signal)
    if (retryAfterMs != null && retryAfterMs >= 1_000) pacedFrom = now()
  }
}

/** `promise`, or an AbortError as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError())
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError())
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}
