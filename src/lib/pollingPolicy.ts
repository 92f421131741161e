/**
 * What a polling policy is, and the two simple ones: the adaptive wait (for tasks that say nothing about
 * their progress, and for server-paced waits) and the SDK example's fixed loop (the benchmark's baseline).
 * THE policy is taskPacing.ts; the loop is polling.ts.
 */

/**
 * What a status response says about a task's progress, in terms the pacing understands (the api layer
 * maps Looker's statuses onto it: a render task's `rendering` is its final step; a query task runs in one).
 */
export interface TaskProgress {
  /**
   * queued: waiting to start; early: an early step runs (a render's query); between: the early step is
   * done, the final one not begun; final: the last step (a render's drawing, a query task's run); done.
   */
  stage: 'queued' | 'early' | 'between' | 'final' | 'done'
  /** The early step's length as the server reported it once it ended (query_runtime), ms. */
  earlyMs: number | null
  /** Which earlier tasks predict this one's final step, and the prior guess (ms) for its size. */
  history: {
    kind: string
    key: string
    workMs: number
    /** How unsure that prior guess is (log-normal σ); default taskHistory's SIGMA.prior. */
    priorSigma?: number
  } | null
  /** The final step's length as the server reported it once done (render_runtime, runtime), ms. */
  finalMs: number | null
  /** The whole task's length as the server reported it once done (runtime), ms: the rest was waiting. */
  totalMs: number | null
}

export interface PollTiming {
  /** Milliseconds since polling started, or since the end of the last wait the server asked for. */
  sinceMs: number
  /** The server's Retry-After for this task, in ms, when its last response carried one. */
  retryAfterMs: number | null
  /** The loop's clock now (ms), for policies that remember when they saw what. */
  nowMs?: number
}

export interface PollingPolicy {
  readonly name: string
  /** How long to wait before the next status request. */
  nextDelay(timing: PollTiming): number
  /** How long to wait before the first status request (default: none, ask at once). */
  firstDelay?(): number
  /** A fresh instance for one task, for policies that keep state per task. */
  forTask?(): PollingPolicy
  /**
   * Each response's progress as it arrives, with the loop's clock; null when polling starts. `sentAt`:
   * when its request left (the server read the status somewhere between the two).
   */
  observe?(progress: TaskProgress | null, now: number, sentAt?: number): void
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
