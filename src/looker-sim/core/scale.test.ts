// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { ApiLook } from './api-types'
import { createLookerSim } from './sim'
import { clientFor } from './test-client'

// Timings are not asserted (CI machines vary); this checks that 50,000 looks work end to end.
describe('a 50,000-look instance', () => {
  it('seeds, searches, sorts and pages', async () => {
    const sim = createLookerSim({ lookCount: 50_000 })
    expect(sim.store.data.looks).toHaveLength(50_000)
    const admin = clientFor(sim, 'admin')

    const reply = await admin.get<ApiLook[]>(
      `/looks/search?title=${encodeURIComponent('%revenue%')}&sorts=updated_at%20desc&limit=25&fields=id,title,updated_at`,
    )
    expect(reply.status).toBe(200)
    expect(reply.body).toHaveLength(25)
    expect(Number(reply.headers.get('X-Total-Count'))).toBeGreaterThan(1000)
    const times = reply.body.map((l) => l.updated_at ?? '')
    expect(times).toEqual([...times].sort().reverse())

    const analyst = clientFor(sim, 'analyst')
    const titleSorted = await analyst.get<ApiLook[]>(
      '/looks/search?sorts=title&limit=10&offset=30000&fields=id',
    )
    expect(titleSorted.body).toHaveLength(10)
  }, 60_000)
})
