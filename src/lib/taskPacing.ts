import { nextLookIn, type EndSample } from './pollPlan'
import { adaptivePolicy, type PollingPolicy, type PollTiming, type TaskProgress } from './pollingPolicy'
import { forecastEnd, seededRandom, stepWindows, type Step, type StepGuess } from './taskForecast'
import { taskHistory, type TaskHistory } from './taskHistory'

/** The pacing's knobs (docs/decisions/0015-render-pacing.md explains each). */
export const PACING = {
  /** The task was just created: its status is known, so the first look can wait a moment. */
  firstDelayMs: 500,
  /** What a look is worth in ms of lateness (higher = fewer looks, later). */
  requestCostMs: 25,
  minWaitMs: 100,
  maxWaitMs: 5_000,
  /** A worker picking up a job (each hand-off): a guess, no source gives it. */
  pickupMs: 200,
  pickupSigma: 0.5,
  /** Draws per forecast. */
  samples: 300,
} as const

/**
 * One task's pacing, from what Looker tells a client and nothing more: the step each status reports
 * (queued, querying, waiting to draw, drawing), the early step's reported runtime, what earlier tasks
 * took (history), and the time spent. From these a forecast of the task's end (taskForecast.ts), and
 * from the forecast the next look that costs least in expectation (pollPlan.ts): a look is worth
 * `requestCostMs` of lateness. Planned afresh at every look.
 */
export class TaskPacer implements PollingPolicy {
  readonly name = 'paced'
  private progress: TaskProgress | null = null
  private startedAt: number | null = null
  private readonly seen: { at: number; step: Step | 'done' }[] = []
  private readonly random = seededRandom(0x5eed)
  /** The last forecast of the end, for the benchmark's trace. */
  lastForecast: EndSample[] = []

  constructor(
    private readonly history: TaskHistory = taskHistory,
    private readonly pacing: { -readonly [K in keyof typeof PACING]: number } = { ...PACING },
  ) {}

  /** Before the first look: planned like the others when the task's creation said what it is. */
  firstDelay(): number {
    if (!this.progress || this.startedAt === null) return this.pacing.firstDelayMs
    return Math.max(
      this.pacing.firstDelayMs,
      this.nextDelay({ sinceMs: 0, retryAfterMs: null, nowMs: this.startedAt }),
    )
  }

  /** Each status as it arrives, with the loop's clock. */
  observe(progress: TaskProgress | null, now: number): void {
    this.startedAt ??= now
    if (!progress) return
    this.progress = progress
    this.seen.push({ at: now, step: progress.stage })
    if (progress.stage === 'done' && progress.history && progress.finalMs !== null) {
      const { kind, key, workMs } = progress.history
      this.history.record(kind, key, workMs, progress.finalMs)
      if (progress.earlyMs !== null) this.history.recordEarly(kind, progress.earlyMs)
      if (progress.totalMs !== null && progress.earlyMs !== null)
        this.history.recordWait(kind, progress.totalMs - progress.earlyMs - progress.finalMs)
    }
  }

  /** The four steps' likely lengths, from what is reported and what earlier tasks took. */
  private guesses(): StepGuess[] | null {
    const progress = this.progress
    if (!progress?.history) return null
    const { kind, key, workMs } = progress.history
    const { pickupMs, pickupSigma } = this.pacing
    const early = this.history.predictEarly(kind)
    const wait = this.history.typicalWait(kind)
    // Earlier tasks' waits hold both pick-ups and any queueing for a drawing slot.
    const between = wait
      ? {
          medianMs: Math.max(pickupMs / 2, wait.ms - pickupMs),
          sigma: Math.max(pickupSigma, wait.spread / wait.ms),
        }
      : { medianMs: pickupMs, sigma: pickupSigma }
    const final = this.history.predict(kind, key, workMs)
    return [
      { medianMs: pickupMs, sigma: pickupSigma },
      { medianMs: early.ms, sigma: early.sigma, exactMs: progress.earlyMs },
      between,
      { medianMs: final.ms, sigma: final.sigma },
    ]
  }

  nextDelay(timing: PollTiming): number {
    const { sinceMs, nowMs, retryAfterMs } = timing
    const now = nowMs ?? (this.startedAt ?? 0) + sinceMs
    // A server that says when to come back is believed; a task that says nothing gets the adaptive wait.
    const serverPaced = retryAfterMs != null && retryAfterMs >= 1_000
    const guesses = this.guesses()
    if (serverPaced || !guesses || this.startedAt === null) return adaptivePolicy.nextDelay(timing)
    const ends = forecastEnd(
      this.startedAt,
      stepWindows(this.seen),
      guesses,
      this.random,
      this.pacing.samples,
    )
    this.lastForecast = ends
    if (!ends.length) return adaptivePolicy.nextDelay(timing)
    return nextLookIn(ends, now, {
      costMs: this.pacing.requestCostMs,
      minWaitMs: this.pacing.minWaitMs,
      maxWaitMs: this.pacing.maxWaitMs,
    })
  }
}

/** THE polling policy: a fresh pacer per task, sharing the page's history. */
export const pacedPolicy: PollingPolicy = {
  name: 'paced',
  nextDelay: (timing) => adaptivePolicy.nextDelay(timing),
  forTask: () => new TaskPacer(),
}
