// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { createLookerSim } from './sim'

describe('simulator timing', () => {
  it("every answer reports the simulator's own time in Server-Timing and in the request log", async () => {
    const sim = createLookerSim({ lookCount: 400 })
    const token = sim.issueToken('1')
    const response = await sim.handle(
      new Request('http://sim.test/api/4.0/looks/search?deleted=false&title=%25a%25&limit=5', {
        headers: { Authorization: `Bearer ${token}` },
      }),
    )
    expect(response.status).toBe(200)
    const timing = response.headers.get('Server-Timing')
    expect(timing).toMatch(/^sim;dur=\d+(\.\d)?$/)
    const entry = sim.requestLog.at(-1)
    expect(entry).toMatchObject({ method: 'GET', path: '/looks/search', status: 200 })
    expect(entry?.durationMs).toBeGreaterThanOrEqual(0)
    expect(Number(timing?.split('=')[1])).toBeCloseTo(entry?.durationMs ?? -1, 0)
  })
})
