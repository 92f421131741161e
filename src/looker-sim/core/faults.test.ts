// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ManualClock } from './clock'
import { SimNetworkError } from './errors'
import { parseFaultSpec } from './faults'
import { createLookerSim } from './sim'
import { clientFor } from './test-client'

describe('parseFaultSpec', () => {
  it('reads kind@rate[@METHOD][@/path] rules separated by ";"', () => {
    expect(
      parseFaultSpec('429@0.3@DELETE@/looks/*;500@0.1;drop@0.05@GET;delay=800@1@GET@/looks/search'),
    ).toEqual([
      { kind: 429, rate: 0.3, retryAfterSeconds: 2, method: 'DELETE', path: '/looks/*' },
      { kind: 500, rate: 0.1 },
      { kind: 'drop', rate: 0.05, method: 'GET' },
      { kind: 'delay', rate: 1, delayMs: 800, method: 'GET', path: '/looks/search' },
    ])
  })

  it('takes a Retry-After for 429 as 429=<seconds>, and ignores empty parts', () => {
    expect(parseFaultSpec('429=7@1;')).toEqual([{ kind: 429, rate: 1, retryAfterSeconds: 7 }])
    expect(parseFaultSpec('')).toEqual([])
  })

  it.each([
    ['418@0.5', /unknown kind "418"/],
    ['500', /missing rate/],
    ['500@2', /not a number from 0 to 1/],
    ['delay@1', /delay needs milliseconds/],
    ['503@0.1@GET@POST', /more than one method/],
    ['503@0.1@looks/*', /neither a METHOD nor a \/path/],
  ])('rejects "%s" with a clear message', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(message)
  })
})

describe('fault injection', () => {
  it('answers 429 with Retry-After and a Looker error body at about the configured rate', async () => {
    const sim = createLookerSim({ lookCount: 20, faults: parseFaultSpec('429=3@0.3@GET@/looks/*') })
    const admin = clientFor(sim, 'admin')
    let limited = 0
    for (let i = 0; i < 200; i++) {
      const reply = await admin.get<{ message: string; documentation_url: string }>('/looks/search?limit=1')
      if (reply.status === 429) {
        limited++
        expect(reply.headers.get('Retry-After')).toBe('3')
        expect(reply.body).toMatchObject({
          message: 'Too Many Requests',
          documentation_url: expect.any(String) as unknown,
        })
      } else expect(reply.status).toBe(200)
    }
    expect(limited).toBeGreaterThan(35)
    expect(limited).toBeLessThan(85)
    expect(sim.faults.stats['429']).toBe(limited)
  })

  it('only hits the matching method and path', async () => {
    const sim = createLookerSim({
      lookCount: 20,
      faults: [{ kind: 503, rate: 1, method: 'DELETE', path: '/looks/*' }],
    })
    const admin = clientFor(sim, 'admin')
    expect((await admin.get('/looks/3')).status).toBe(200)
    expect((await admin.get('/user')).status).toBe(200)
    expect((await admin.del('/looks/3')).status).toBe(503)
    expect((await admin.post('/looks/3/copy')).status).toBe(200)
  })

  it('is deterministic for a seed', async () => {
    const run = async () => {
      const sim = createLookerSim({ seed: 7, lookCount: 20, faults: parseFaultSpec('500@0.5') })
      const admin = clientFor(sim, 'admin')
      const statuses: number[] = []
      for (let i = 0; i < 20; i++) statuses.push((await admin.get('/user')).status)
      return statuses
    }
    expect(await run()).toEqual(await run())
  })

  // Issue 17: the chaos suite's pages send requests concurrently, in an order that varies between runs.
  it("a request's fault does not depend on other requests sent before it", async () => {
    const statusesOfUser = async (interleave: boolean) => {
      const sim = createLookerSim({ seed: 7, lookCount: 20, faults: parseFaultSpec('500@0.5') })
      const admin = clientFor(sim, 'admin')
      const statuses: number[] = []
      for (let i = 0; i < 20; i++) {
        if (interleave && i % 3 === 0) await admin.get('/looks/3')
        statuses.push((await admin.get('/user')).status)
      }
      return statuses
    }
    const plain = await statusesOfUser(false)
    expect(plain).toContain(500)
    expect(plain).toContain(200)
    expect(await statusesOfUser(true)).toEqual(plain)
  })

  it('"drop" makes handle() reject with a network error and logs status 0', async () => {
    const sim = createLookerSim({ lookCount: 20, faults: parseFaultSpec('drop@1@GET') })
    const admin = clientFor(sim, 'admin')
    await expect(admin.get('/user')).rejects.toBeInstanceOf(SimNetworkError)
    await expect(admin.get('/user')).rejects.toThrow(TypeError)
    expect(sim.requestLog.at(-1)).toMatchObject({ method: 'GET', path: '/user', status: 0 })
  })

  it('"delay" holds the answer for delayMs of the simulator clock', async () => {
    const clock = new ManualClock()
    const sim = createLookerSim({ lookCount: 20, clock, faults: parseFaultSpec('delay=800@1@GET@/user') })
    let settled = false
    const pending = clientFor(sim, 'admin')
      .get('/user')
      .then((reply) => ((settled = true), reply))
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(settled).toBe(false)
    clock.advance(799)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(settled).toBe(false)
    clock.advance(1)
    expect((await pending).status).toBe(200)
  })

  it('rules can be replaced at run time', async () => {
    const sim = createLookerSim({ lookCount: 20 })
    const admin = clientFor(sim, 'admin')
    sim.faults.setRules([{ kind: 500, rate: 1 }])
    expect((await admin.get('/user')).status).toBe(500)
    expect(sim.faults.rules()).toEqual([{ kind: 500, rate: 1 }])
    sim.faults.setRules([])
    expect((await admin.get('/user')).status).toBe(200)
  })
})
