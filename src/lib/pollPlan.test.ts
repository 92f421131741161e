import { describe, expect, it } from 'vitest'
import { nextLookIn, type EndSample } from './pollPlan'
import { normalQuantile, seededRandom } from './taskForecast'

/** End times drawn from a normal distribution (seeded). */
function ends(mean: number, sd: number, count = 400): EndSample[] {
  const random = seededRandom(7)
  return Array.from({ length: count }, () => ({ at: mean + sd * normalQuantile(random()), weight: 1 }))
}

const options = { costMs: 20, minWaitMs: 100, maxWaitMs: 5_000 }

/** Follows the plan from `from` until a look sees the task over: the looks and how late the last was. */
function follow(samples: EndSample[], trueEnd: number, from: number, costMs = options.costMs) {
  const looks: number[] = []
  let now = from
  while (looks.length < 100) {
    now += nextLookIn(samples, now, { ...options, costMs })
    looks.push(now)
    if (now >= trueEnd) return { looks, late: now - trueEnd }
  }
  throw new Error('never saw the end')
}

/** The expected cost (lateness + cost per look) of following the plan, over ends drawn like the forecast's. */
function expectedCost(plan: (end: number) => { looks: number[]; late: number }, costMs: number) {
  const truth = ends(3_000, 300, 200)
  const costs = truth.map(({ at }) => {
    const { looks, late } = plan(at)
    return late + costMs * looks.length
  })
  return costs.reduce((a, b) => a + b, 0) / costs.length
}

describe('next look', () => {
  it('waits until the end is near, then looks often around it', () => {
    const samples = ends(3_000, 200)
    const first = nextLookIn(samples, 0, options)
    // Nothing to see for the first 2.4 s (3 σ before the likely end), but the first look comes before
    // most of the chance that it ends.
    expect(first).toBeGreaterThan(2_200)
    expect(first).toBeLessThan(3_000)
    const { looks } = follow(samples, 3_300, 0)
    const gaps = looks.slice(1).map((t, i) => t - looks[i]!)
    expect(Math.max(...gaps)).toBeLessThanOrEqual(300)
  })

  it('looks less often when a look costs more, and is then later on average', () => {
    const samples = ends(3_000, 300)
    const cheap = ends(3_000, 300, 200).map(({ at }) => follow(samples, at, 0, 5))
    const dear = ends(3_000, 300, 200).map(({ at }) => follow(samples, at, 0, 100))
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    expect(mean(dear.map((r) => r.looks.length))).toBeLessThan(mean(cheap.map((r) => r.looks.length)))
    expect(mean(dear.map((r) => r.late))).toBeGreaterThan(mean(cheap.map((r) => r.late)))
  })

  it('costs less in expectation than looking every 500 ms or every 250 ms', () => {
    const samples = ends(3_000, 300)
    const fixed = (every: number) => (end: number) => {
      const looks: number[] = []
      for (let t = every; ; t += every) {
        looks.push(t)
        if (t >= end) return { looks, late: t - end }
      }
    }
    const planned = expectedCost((end) => follow(samples, end, 0), options.costMs)
    expect(planned).toBeLessThan(expectedCost(fixed(500), options.costMs))
    expect(planned).toBeLessThan(expectedCost(fixed(250), options.costMs))
  })

  it('keeps its grid fine where the end is likely, however long the unlikely tail', () => {
    // 99 % end within about a second; 1 % "the guess was wrong" ends an hour away.
    const samples = [
      ...ends(800, 100, 396),
      ...Array.from({ length: 4 }, () => ({ at: 3_600_000, weight: 1 })),
    ]
    const first = nextLookIn(samples, 0, options)
    expect(first).toBeGreaterThan(400)
    expect(first).toBeLessThan(900)
    // The looks that follow stay close around the likely end.
    expect(nextLookIn(samples, first, options)).toBeLessThanOrEqual(300)
  })

  it('keeps every wait between the bounds, and waits the longest when nothing is known', () => {
    expect(nextLookIn([], 0, options)).toBe(options.maxWaitMs)
    expect(nextLookIn([{ at: 10, weight: 1 }], 0, options)).toBe(options.minWaitMs)
    expect(nextLookIn(ends(60_000, 100), 0, options)).toBe(options.maxWaitMs)
    // Samples that ended before now (the last look saw the task running) are no guide.
    expect(nextLookIn([{ at: -5, weight: 1 }], 0, options)).toBe(options.maxWaitMs)
  })
})
