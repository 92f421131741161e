import { describe, expect, it } from 'vitest'
import { figures, replayWorkloads, workloadRows, type ReplayResult } from './pacingReplay'

/**
 * The pacing against the fixed 0.5 s loop on bench:render's workloads, replayed in virtual time: no
 * clock is read, so this is a check of the policy's decisions, not a timed test. bench:render measures
 * the same in a browser.
 */
describe('render pacing in virtual time (bench:render workloads)', () => {
  const pooled = async (runs: number): Promise<ReplayResult> => {
    const all: ReplayResult = { a: [], b: [], c: [] }
    for (let r = 0; r < runs; r++) {
      const result = await replayWorkloads(r)
      all.a.push(...result.a)
      all.b.push(...result.b)
      all.c.push(...result.c)
    }
    return all
  }

  it('notices the end no later than the fixed loop (p50), with at most half its status requests', async () => {
    // bench:render's looks, and three more sets of looks.
    const result = await pooled(4)
    for (const [name, samples] of workloadRows(result)) {
      const ours = figures(samples, 'paced')
      const fixed = figures(samples, 'fixed')
      expect(ours.p50, name).toBeLessThanOrEqual(fixed.p50)
      expect(ours.requestsPerRender, name).toBeLessThanOrEqual(fixed.requestsPerRender / 2)
    }
    // A look drawn before: its next renders are on screen within 150 ms (p50), as the issue asks.
    const again = result.c.filter((s) => s.nth > 1)
    expect(figures(again, 'paced').p50).toBeLessThanOrEqual(150)
  }, 60_000)

  it('plans the same looks for the same renders (seeded simulator and forecast)', async () => {
    const [first, second] = [await replayWorkloads(0), await replayWorkloads(0)]
    expect(second).toEqual(first)
  }, 60_000)
})
