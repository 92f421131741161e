import type { EndSample } from './pollPlan'

/**
 * When a task will end, as weighted samples, from what its statuses said so far and what earlier tasks
 * took (docs/decisions/0008-render-polling.md). A task passes through up to four steps, each ending at a
 * boundary: waiting to be picked up (queued), its early step (a render's query), waiting for the final
 * step (a pick-up, or a slot in a busy pool), and the final step (drawing; a query task's only one).
 *
 * Each status seen at time t tells which steps had ended by t, so each boundary lies in a window:
 * after the last look that saw its step still running, not after the first look that saw it over. A
 * step's reported runtime fixes its length. Every step's length is log-normal (with a small share of
 * "the guess is wrong": a broad, later log-normal), drawn step by step inside its window; each draw's
 * weight is the chance its window had.
 */

export const STEPS = ['queued', 'early', 'between', 'final'] as const
export type Step = (typeof STEPS)[number]

/** A step's length: log-normal with this median and σ; `exactMs` when the server reported it. */
export interface StepGuess {
  medianMs: number
  sigma: number
  exactMs?: number | null
}

/** The boundaries' windows: step i ended after `after[i]` and not after `by[i]` (either may be open). */
export interface StepWindows {
  after: number[]
  by: number[]
}

export const DOUBT = {
  /** The share of "the guess is wrong", and what wrong looks like. */
  share: 0.1,
  medianFactor: 2,
  sigma: 1,
  /** A reported runtime is rounded (Looker sends seconds): this much leeway, in ms. */
  exactLeewayMs: 20,
} as const

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * x)
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-x * x)
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2
}

/** Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ]
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const q = Math.min(1 - 1e-15, Math.max(1e-15, p))
  const tail = (r: number) =>
    (((((c[0]! * r + c[1]!) * r + c[2]!) * r + c[3]!) * r + c[4]!) * r + c[5]!) /
    ((((d[0]! * r + d[1]!) * r + d[2]!) * r + d[3]!) * r + 1)
  if (q < 0.02425) return tail(Math.sqrt(-2 * Math.log(q)))
  if (q > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - q)))
  const r = (q - 0.5) * (q - 0.5)
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * (q - 0.5)) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  )
}

/** A small seeded generator (mulberry32): the same statuses give the same forecast. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Component {
  share: number
  median: number
  sigma: number
}

function components(guess: StepGuess): Component[] {
  if (guess.exactMs != null) {
    const exact = Math.max(1, guess.exactMs)
    return [{ share: 1, median: exact, sigma: Math.max(1e-4, DOUBT.exactLeewayMs / exact) }]
  }
  const median = Math.max(1, guess.medianMs)
  return [
    { share: 1 - DOUBT.share, median, sigma: guess.sigma },
    { share: DOUBT.share, median: median * DOUBT.medianFactor, sigma: DOUBT.sigma },
  ]
}

const cdf = (x: number, c: Component) =>
  x <= 0 ? 0 : normalCdf((Math.log(x) - Math.log(c.median)) / c.sigma)

/**
 * One length between `lo` and `hi` ms (hi may be Infinity), and the chance the guess gave that range.
 * The component is drawn by its share times its chance of the range.
 */
function drawBetween(guess: StepGuess, lo: number, hi: number, random: () => number) {
  const parts = components(guess).map((c) => {
    const from = cdf(lo, c)
    const to = hi === Infinity ? 1 : cdf(hi, c)
    return { c, from, to, mass: c.share * Math.max(0, to - from) }
  })
  const total = parts.reduce((sum, p) => sum + p.mass, 0)
  if (!(total > 1e-12)) return null
  let pick = random() * total
  const part = parts.find((p) => (pick -= p.mass) <= 0) ?? parts.at(-1)!
  const u = part.from + random() * (part.to - part.from)
  return { ms: part.c.median * Math.exp(part.c.sigma * normalQuantile(u)), chance: total }
}

/**
 * `count` weighted end times of a task that began at `startedAt`. `windows` come from the statuses seen
 * (see stepWindows); `guesses` are the four steps' lengths. Returns [] when nothing fits (the statuses
 * contradict every guess): the caller then paces without a forecast.
 */
export function forecastEnd(
  startedAt: number,
  windows: StepWindows,
  guesses: StepGuess[],
  random: () => number,
  count = 300,
): EndSample[] {
  // A step whose length is known moves its window onto the boundary before it, so draws fit at once.
  const after = [...windows.after]
  const by = [...windows.by]
  for (let i = STEPS.length - 1; i > 0; i--) {
    const known = guesses[i]?.exactMs
    if (known == null) continue
    after[i - 1] = Math.max(after[i - 1] ?? -Infinity, (after[i] ?? -Infinity) - known)
    by[i - 1] = Math.min(by[i - 1] ?? Infinity, (by[i] ?? Infinity) - known)
  }
  const samples: EndSample[] = []
  for (let n = 0; n < count; n++) {
    let at = startedAt
    let weight = 1
    for (let i = 0; i < STEPS.length && weight > 0; i++) {
      const lo = Math.max(0, (after[i] ?? -Infinity) - at)
      const hi = (by[i] ?? Infinity) - at
      if (hi < lo) weight = 0
      // A window of no width (seen over at the very moment polling began): the step took exactly that.
      const drawn =
        weight <= 0 ? null : hi === lo ? { ms: lo, chance: 1 } : drawBetween(guesses[i]!, lo, hi, random)
      if (!drawn) weight = 0
      else {
        at += drawn.ms
        weight *= drawn.chance
      }
    }
    if (weight > 0) samples.push({ at, weight })
  }
  return samples
}

/** One status: the step it reported, when its answer came (`at`) and when its request left (`sentAt`). */
export interface SeenStatus {
  at: number
  sentAt?: number
  step: Step | 'done'
}

/**
 * The windows the statuses seen so far give. The server read each status between its request leaving and
 * its answer arriving: a step it reports as over had ended by the answer; one still running had not ended
 * when the request left (later is not certain).
 */
export function stepWindows(seen: SeenStatus[]): StepWindows {
  const after = STEPS.map(() => -Infinity)
  const by = STEPS.map(() => Infinity)
  for (const { at, sentAt = at, step } of seen) {
    const current = step === 'done' ? STEPS.length : STEPS.indexOf(step)
    for (let i = 0; i < STEPS.length; i++) {
      if (i < current) by[i] = Math.min(by[i]!, at)
      else after[i] = Math.max(after[i]!, sentAt)
    }
  }
  return { after, by }
}
