import { adaptivePolicy, type PollingPolicy, type PollTiming, type TaskProgress } from './pollingPolicy'
import { taskHistory, type Prediction, type TaskHistory } from './taskHistory'

/** The pacing's knobs (docs/decisions/0008-render-polling.md explains each). */
export const PACING = {
  /** The task was just created: its status is known, so the first look can wait a moment. */
  firstDelayMs: 500,
  /** Before the final step: the wait grows with the time spent, between these bounds… */
  earlyMinMs: 500,
  earlyGrowth: 1,
  earlyMaxMs: 5_000,
  /** …and at most this many times the final step's likely shortest length (expected × e^-σ), so a wait
   * seldom skips that step altogether. */
  earlyFinalShare: 2,
  /** The least uncertainty kept around a start placed by earlier tasks' waits. */
  waitMarginMs: 100,
  /** In the final step: what a request is worth in ms of lateness (higher = fewer requests, later). */
  requestCostMs: 20,
  fineMinMs: 100,
  fineMaxMs: 3_000,
  /** The share of doubt in any prediction, and what the doubt looks like (a broad, later log-normal). */
  wrongShare: 0.1,
  wrongMedianFactor: 2,
  wrongSigma: 1,
} as const

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * x)
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-x * x)
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2
}

/** Density and survival of a log-normal length with this median and σ, `x` ms after its start. */
function logNormal(x: number, median: number, sigma: number): { density: number; survival: number } {
  if (x <= 0) return { density: 0, survival: 1 }
  const z = (Math.log(x) - Math.log(median)) / sigma
  return {
    density: Math.exp((-z * z) / 2) / (x * sigma * Math.sqrt(2 * Math.PI)),
    survival: 1 - normalCdf(z),
  }
}

/**
 * The chance per ms that the step ends now, given it has not: mostly the prediction, but with a small
 * share for "the prediction is wrong" (a broad log-normal), so a task long past its expected end is
 * looked at less and less often instead of every 100 ms.
 */
function hazard(x: number, median: number, sigma: number): number {
  const likely = logNormal(x, median, sigma)
  const wrong = logNormal(x, median * PACING.wrongMedianFactor, PACING.wrongSigma)
  const w = PACING.wrongShare
  const survival = (1 - w) * likely.survival + w * wrong.survival
  return survival > 1e-12 ? ((1 - w) * likely.density + w * wrong.density) / survival : 0
}

/**
 * One task's pacing, from what Looker tells a client and nothing more: the phase (a task in its final
 * step is close to its end; one queued or querying is not), when the early step ended (its reported
 * runtime), how long the final step took for earlier tasks (history), and the time spent.
 *
 * In the final step the wait follows the chance that the task ends (the hazard of the predicted
 * log-normal length): a poll costs `requestCostMs` of lateness, so the next poll comes when
 * wait² · hazard ≈ 2 · cost: soon where the end is likely, later before it and again once the task is
 * well past its expected end (a long tail).
 */
export class TaskPacer implements PollingPolicy {
  readonly name = 'paced'
  private progress: TaskProgress | null = null
  private prediction: Prediction | null = null
  private startedAt: number | null = null
  /** Last time the task was still queued, first time it was in its early step. */
  private lastQueuedAt: number | null = null
  private firstEarlyAt: number | null = null
  /** Last time it was not yet in its final step; first time it was. */
  private lastBeforeFinalAt: number | null = null
  private finalSeenAt: number | null = null
  private earlyMs: number | null = null

  constructor(private readonly history: TaskHistory = taskHistory) {}

  firstDelay(): number {
    return PACING.firstDelayMs
  }

  /** Each status as it arrives, with the loop's clock. */
  observe(progress: TaskProgress | null, now: number): void {
    this.startedAt ??= now
    this.progress = progress
    if (!progress) return
    if (progress.history && !this.prediction) {
      const { kind, key, workMs } = progress.history
      this.prediction = this.history.predict(kind, key, workMs)
    }
    if (progress.earlyMs !== null) this.earlyMs ??= progress.earlyMs
    if (progress.stage === 'queued') this.lastQueuedAt = now
    if (progress.stage === 'early') this.firstEarlyAt ??= now
    if (progress.stage === 'final') this.finalSeenAt ??= now
    else if (progress.stage !== 'done') this.lastBeforeFinalAt = now
    if (progress.stage === 'done' && progress.history && progress.finalMs !== null) {
      const { kind, key, workMs } = progress.history
      this.history.record(kind, key, workMs, progress.finalMs)
      if (progress.totalMs !== null && progress.earlyMs !== null)
        this.history.recordWait(kind, progress.totalMs - progress.earlyMs - progress.finalMs)
    }
  }

  /** When the final step began, as a range: after the last earlier status and the early step's end. */
  private finalStart(): { from: number; to: number } | null {
    if (this.finalSeenAt === null) return null
    let from = this.lastBeforeFinalAt ?? this.startedAt ?? this.finalSeenAt
    // The early step began after the last "queued" status, so it ended at least its runtime later.
    const queuedUntil = this.lastQueuedAt ?? this.startedAt
    if (this.earlyMs !== null && queuedUntil !== null) from = Math.max(from, queuedUntil + this.earlyMs)
    from = Math.min(from, this.finalSeenAt)
    const to = this.finalSeenAt
    // Earlier tasks of this kind waited about so long besides querying and drawing: where that puts the
    // start inside the range, narrow the range around it (a busy pool makes waits vary, and this moot).
    const wait = this.progress?.history ? this.history.typicalWait(this.progress.history.kind) : null
    if (wait && this.earlyMs !== null && this.startedAt !== null) {
      const guess = this.startedAt + this.earlyMs + wait.ms
      const margin = Math.max(PACING.waitMarginMs, 2 * wait.spread)
      if (guess >= from && guess <= to)
        return { from: Math.max(from, guess - margin), to: Math.min(to, guess + margin) }
    }
    return { from, to }
  }

  nextDelay(timing: PollTiming): number {
    const { sinceMs, nowMs, retryAfterMs } = timing
    const now = nowMs ?? (this.startedAt ?? 0) + sinceMs
    // A server that says when to come back is believed; a task that says nothing gets the adaptive wait.
    const serverPaced = retryAfterMs != null && retryAfterMs >= 1_000
    if (serverPaced || !this.progress || !this.prediction) return adaptivePolicy.nextDelay(timing)
    const { ms: expected, sigma } = this.prediction
    const start = this.progress.stage === 'final' ? this.finalStart() : null
    if (!start) {
      const likelyShortest = expected * Math.exp(-sigma)
      const cap = clamp(likelyShortest * PACING.earlyFinalShare, PACING.earlyMinMs, PACING.earlyMaxMs)
      return Math.round(clamp(sinceMs * PACING.earlyGrowth, PACING.earlyMinMs, cap))
    }
    // Where the start is uncertain, the end is too: widen σ by that spread (uniform → sd = width/√12).
    const spread = (start.to - start.from) / Math.sqrt(12) / expected
    const wideSigma = Math.sqrt(sigma * sigma + spread * spread)
    const began = (start.from + start.to) / 2
    // The shortest wait whose end is worth a request: w² · hazard(at its end) ≥ 2 · cost.
    for (let wait = PACING.fineMinMs; wait < PACING.fineMaxMs; wait *= 1.15) {
      if (wait * wait * hazard(now + wait - began, expected, wideSigma) >= 2 * PACING.requestCostMs)
        return Math.round(wait)
    }
    return PACING.fineMaxMs
  }
}

/** THE polling policy: a fresh pacer per task, sharing the page's history. */
export const pacedPolicy: PollingPolicy = {
  name: 'paced',
  nextDelay: (timing) => adaptivePolicy.nextDelay(timing),
  forTask: () => new TaskPacer(),
}
