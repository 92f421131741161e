import { nextLookIn, type EndSample } from './pollPlan'
import { adaptivePolicy, type PollingPolicy, type PollTiming, type TaskProgress } from './pollingPolicy'
import { forecastEnd, seededRandom, stepWindows, type SeenStatus, type StepGuess } from './taskForecast'
import { taskHistory, type TaskHistory } from './taskHistory'

/** The pacing's knobs (docs/decisions/0008-render-polling.md explains each). */
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
  /** Learnt waits are never trusted closer than this (log-normal σ of each hand-off). */
  waitSigmaMin: 0.35,
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
  private readonly seen: SeenStatus[] = []
  private readonly random = seededRandom(0x5eed)
  private recorded = false
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

  /** Each status as it arrives, with the loop's clock and when its request left. */
  observe(progress: TaskProgress | null, now: number, sentAt = now): void {
    this.startedAt ??= now
    if (!progress) return
    this.progress = progress
    this.seen.push({ at: now, sentAt, step: progress.stage })
    // Once per task: a creation answer that already said "done" and the first status both would.
    if (progress.stage === 'done' && !this.recorded && progress.history && progress.finalMs !== null) {
      this.recorded = true
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
    const { pickupMs, pickupSigma, waitSigmaMin } = this.pacing
    const early = this.history.predictEarly(kind)
    const wait = this.history.typicalWait(kind)
    // Earlier tasks' waits (both pick-ups, and any queueing for a slot), split evenly between the two
    // hand-offs; their spread (1.4826 × MAD ≈ sd) becomes each one's σ. A guess before any.
    const waiting = wait
      ? {
          medianMs: Math.max(1, wait.ms / 2),
          sigma: Math.min(
            1,
            Math.max(waitSigmaMin, (Math.SQRT2 * 1.4826 * wait.spread) / Math.max(1, wait.ms)),
          ),
        }
      : { medianMs: pickupMs, sigma: pickupSigma }
    const final = this.history.predict(kind, key, workMs, progress.history.priorSigma)
    return [
      waiting,
      { medianMs: early.ms, sigma: early.sigma, exactMs: progress.earlyMs },
      waiting,
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
    // The next request reaches the server about half a round trip after it leaves, as the last one did;
    // an end the last answer may have missed (after the server read it) counts as due then.
    const last = this.seen.at(-1)
    const readFrom = now + (last ? (last.at - (last.sentAt ?? last.at)) / 2 : 0)
    const due = ends.map((e) => ({ at: Math.max(e.at, readFrom + 1), weight: e.weight }))
    return nextLookIn(due, readFrom, {
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
