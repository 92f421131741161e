import { describe, expect, it } from 'vitest'
import { quantile } from './pollPlan'
import {
  forecastEnd,
  normalCdf,
  normalQuantile,
  seededRandom,
  stepWindows,
  type StepGuess,
} from './taskForecast'

/** Pick-up 200 ms, query 1.5 s (wide), pick-up 200 ms, drawing 3 s (narrow: drawn before). */
const guesses = (earlyMs: number | null = null): StepGuess[] => [
  { medianMs: 200, sigma: 0.5 },
  { medianMs: 1_500, sigma: 1, exactMs: earlyMs },
  { medianMs: 200, sigma: 0.5 },
  { medianMs: 3_000, sigma: 0.1 },
]

function summary(seen: Parameters<typeof stepWindows>[0], g = guesses()) {
  const samples = forecastEnd(0, stepWindows(seen), g, seededRandom(1), 2_000).sort((a, b) => a.at - b.at)
  const total = samples.reduce((sum, s) => sum + s.weight, 0)
  const q = (share: number) => quantile(samples, total, share)
  return { samples, p10: q(0.1), p50: q(0.5), p90: q(0.9) }
}

describe('task forecast', () => {
  it('reads each status as "these steps had ended by then, these had not"', () => {
    const windows = stepWindows([
      { at: 0, step: 'queued' },
      { at: 500, step: 'early' },
      { at: 2_000, step: 'final' },
    ])
    expect(windows.after).toEqual([0, 500, 500, 2_000])
    expect(windows.by).toEqual([500, 2_000, 2_000, Infinity])
    expect(stepWindows([{ at: 900, step: 'done' }]).by).toEqual([900, 900, 900, 900])
  })

  it('counts "still running" from when a request left and "over" from when its answer came', () => {
    // The server read each status somewhere between the two.
    const windows = stepWindows([
      { at: 1_000, sentAt: 900, step: 'early' },
      { at: 2_100, sentAt: 2_000, step: 'final' },
    ])
    expect(windows.after).toEqual([-Infinity, 900, 900, 2_000])
    expect(windows.by).toEqual([1_000, 2_100, 2_100, Infinity])
  })

  it('puts every end after the last look that saw the task running', () => {
    const { samples } = summary([
      { at: 0, step: 'queued' },
      { at: 6_000, step: 'final' },
    ])
    expect(samples.length).toBeGreaterThan(1_000)
    expect(Math.min(...samples.map((s) => s.at))).toBeGreaterThan(6_000)
  })

  it('places the end from the reported query runtime: sharper than when only the step is known', () => {
    const seen = [
      { at: 0, step: 'queued' as const },
      { at: 2_500, step: 'final' as const },
    ]
    const vague = summary(seen)
    const placed = summary(seen, guesses(1_000))
    // Queued ~200 ms + query 1 s + pick-up ~200 ms + drawing ~3 s ≈ 4.4 s.
    expect(placed.p50).toBeGreaterThan(4_100)
    expect(placed.p50).toBeLessThan(4_800)
    expect(placed.p90 - placed.p10).toBeLessThan(vague.p90 - vague.p10)
  })

  it('moves the end later while the query runs on, and keeps a tail for a wrong guess', () => {
    const early = summary([
      { at: 0, step: 'queued' },
      { at: 500, step: 'early' },
    ])
    const late = summary([
      { at: 0, step: 'queued' },
      { at: 500, step: 'early' },
      { at: 10_000, step: 'early' },
    ])
    expect(late.p50).toBeGreaterThan(early.p50 + 5_000)
    // Long past the drawing's expected length, the forecast still spreads (the guess may be wrong).
    const overdue = summary([
      { at: 0, step: 'final' },
      { at: 9_000, step: 'final' },
    ])
    expect(overdue.p90 - overdue.p10).toBeGreaterThan(1_000)
  })

  it('gives nothing when the statuses contradict each other', () => {
    const seen = [
      { at: 1_000, step: 'final' as const },
      { at: 2_000, step: 'early' as const },
    ]
    expect(forecastEnd(0, stepWindows(seen), guesses(), seededRandom(1))).toEqual([])
  })

  it('has a normal quantile that inverts the CDF, and a repeatable generator', () => {
    for (const z of [-4, -2, -0.5, 0, 0.7, 1.9, 3.5]) expect(normalQuantile(normalCdf(z))).toBeCloseTo(z, 3)
    const a = seededRandom(3)
    const b = seededRandom(3)
    const draws = Array.from({ length: 5 }, () => a())
    expect(Array.from({ length: 5 }, () => b())).toEqual(draws)
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true)
  })
})
