/**
 * What earlier tasks took, to predict the next one (docs/decisions/0008-render-polling.md). In memory
 * only: a page load starts afresh. A task's last step is predicted as `work × ratio`, where `work` is a
 * prior guess in ms for its size (from the caller) and `ratio` what earlier runs showed against theirs:
 * the same look re-rendered at another size scales with its own history, a new look with everyone's.
 */

export interface Prediction {
  /** Expected length of the last step, ms. */
  ms: number
  /** Spread of the prediction as a log-normal σ: small when the same task ran before. */
  sigma: number
  /** Where it came from (for tests and the benchmark). */
  basis: 'same-task' | 'similar-tasks' | 'prior'
}

/** How far a prediction from this basis may be off (log-normal σ), from the simulator's spread … */
export const SIGMA = { sameTask: 0.12, similarTasks: 0.45, prior: 0.45 } as const

const PRIOR_WEIGHT = 2
/**
 * A query before any history (a render's early step, a query task): a guess, and wide, since queries
 * differ a lot and a repeat may come from Looker's cache.
 */
export const QUERY_PRIOR = { ms: 1_500, sigma: 1 } as const
/** However repeatable renders seem, a prediction is never trusted closer than this. */
const MIN_SIGMA = 0.05
const KEEP_PER_KEY = 5
const KEEP_PER_KIND = 30

export class TaskHistory {
  private byKey = new Map<string, number[]>()
  private byKind = new Map<string, number[]>()
  private waits = new Map<string, number[]>()
  /** Log lengths of the early step (a render's query), per kind. */
  private early = new Map<string, number[]>()
  /** How far each re-run of a task landed from what its earlier runs predicted (log ratio). */
  private misses = new Map<string, number[]>()

  /** A finished task spent `waitMs` neither querying nor drawing: picked up, or queued for a slot. */
  recordWait(kind: string, waitMs: number): void {
    if (Number.isFinite(waitMs) && waitMs >= 0) push(this.waits, kind, waitMs, KEEP_PER_KIND)
  }

  /** A finished task's early step (a render's query) took `earlyMs`. */
  recordEarly(kind: string, earlyMs: number): void {
    if (Number.isFinite(earlyMs) && earlyMs > 0) push(this.early, kind, Math.log(earlyMs), KEEP_PER_KIND)
  }

  /**
   * The early step's likely length for this kind: the median of earlier ones, with their spread pulled
   * towards a broad prior (queries differ a lot, and a repeat may come from Looker's cache).
   */
  predictEarly(kind: string): { ms: number; sigma: number } {
    const logs = this.early.get(kind) ?? []
    if (!logs.length) return { ms: QUERY_PRIOR.ms, sigma: QUERY_PRIOR.sigma }
    const centre = median(logs)
    return {
      ms: Math.exp(centre),
      sigma: pulledSigma(
        logs.map((r) => r - centre),
        QUERY_PRIOR.sigma,
      ),
    }
  }

  /** The typical wait of this kind of task so far (median) and how much it varies; null before any. */
  typicalWait(kind: string): { ms: number; spread: number } | null {
    const waits = this.waits.get(kind)
    if (!waits?.length) return null
    const ms = median(waits)
    return { ms, spread: median(waits.map((w) => Math.abs(w - ms))) }
  }

  /** A finished task: its last step took `observedMs` where the prior said `workMs`. */
  record(kind: string, key: string, workMs: number, observedMs: number): void {
    if (!(workMs > 0) || !(observedMs > 0)) return
    const logRatio = Math.log(observedMs / workMs)
    const before = this.byKey.get(`${kind}|${key}`)
    if (before?.length) push(this.misses, kind, logRatio - mean(before), KEEP_PER_KIND)
    push(this.byKey, `${kind}|${key}`, logRatio, KEEP_PER_KEY)
    push(this.byKind, kind, logRatio, KEEP_PER_KIND)
  }

  /** The final step's likely length; `priorSigma` says how unsure `workMs` is when nothing was learnt. */
  predict(kind: string, key: string, workMs: number, priorSigma: number = SIGMA.prior): Prediction {
    const own = this.byKey.get(`${kind}|${key}`)
    if (own?.length) {
      // How repeatable re-runs are here, learnt from earlier ones, pulled towards the default at first.
      const misses = this.misses.get(kind) ?? []
      const sigma = pulledSigma(misses, SIGMA.sameTask)
      return { ms: workMs * Math.exp(mean(own)), sigma: Math.max(MIN_SIGMA, sigma), basis: 'same-task' }
    }
    const similar = this.byKind.get(kind)
    if (similar && similar.length >= 2) {
      // The spread seen so far, pulled towards the default while there are few samples.
      const centre = median(similar)
      const sigma = pulledSigma(
        similar.map((r) => r - centre),
        SIGMA.similarTasks,
      )
      const sigmaCapped = Math.min(Math.max(SIGMA.prior, priorSigma), Math.max(SIGMA.sameTask, sigma))
      return { ms: workMs * Math.exp(centre), sigma: sigmaCapped, basis: 'similar-tasks' }
    }
    return { ms: workMs, sigma: priorSigma, basis: 'prior' }
  }

  clear(): void {
    this.byKey.clear()
    this.byKind.clear()
    this.waits.clear()
    this.early.clear()
    this.misses.clear()
  }
}

function push(map: Map<string, number[]>, key: string, value: number, keep: number) {
  const list = map.get(key) ?? []
  list.push(value)
  if (list.length > keep) list.splice(0, list.length - keep)
  map.set(key, list)
}

/** The spread of `deviations` (from their centre) as a σ, pulled towards `prior` while there are few. */
function pulledSigma(deviations: number[], prior: number): number {
  const squares = deviations.reduce((sum, d) => sum + d * d, 0)
  return Math.sqrt((squares + PRIOR_WEIGHT * prior * prior) / (deviations.length + PRIOR_WEIGHT))
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The app's history: one per page. */
export const taskHistory = new TaskHistory()
