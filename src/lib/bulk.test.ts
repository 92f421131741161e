import { describe, expect, it } from 'vitest'
import { runBulk, summarize, type BulkContext, type BulkOptions } from './bulk'
import { LookerApiError } from './errors'

const http = (status: number, retryAfterMs: number | null = null) =>
  new LookerApiError({ status, kind: 'http', message: `HTTP ${status}`, retryAfterMs })
const networkLoss = () => new LookerApiError({ status: 0, kind: 'network', message: 'offline' })

/** A virtual clock: sleeping advances it instantly, and every wait is recorded. */
function fakeTime() {
  let t = 0
  const waits: number[] = []
  return {
    waits,
    now: () => t,
    sleep: async (ms: number) => {
      waits.push(ms)
      t += ms
      await Promise.resolve()
    },
  }
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `L${i + 1}`)

function run<T>(opts: Omit<BulkOptions<T>, 'sleep' | 'now'>, time = fakeTime()) {
  return runBulk({ ...opts, sleep: time.sleep, now: time.now })
}

describe('runBulk', () => {
  it('acts on every item once and never runs more than the concurrency limit at a time', async () => {
    let inFlight = 0
    let maxInFlight = 0
    const seen: string[] = []
    const report = await run({
      items: ids(17),
      concurrency: 4,
      action: async (id) => {
        inFlight++
        maxInFlight = Math.max(maxInFlight, inFlight)
        await new Promise((r) => setTimeout(r, 1))
        seen.push(id)
        inFlight--
      },
    })
    expect(maxInFlight).toBe(4)
    expect([...seen].sort()).toEqual([...ids(17)].sort())
    expect(report.outcomes.map((o) => o.status)).toEqual(Array(17).fill('succeeded'))
    expect(report.stats).toEqual({ attempts: 17, rateLimited: 0, transientRetries: 0 })
  })

  it('waits the Retry-After of a 429 and then continues, repeating only the refused request', async () => {
    const time = fakeTime()
    const calls: string[] = []
    let refused = false
    const report = await run(
      {
        items: ids(3),
        concurrency: 1,
        action: (id) => {
          calls.push(id)
          if (id === 'L2' && !refused) {
            refused = true
            return Promise.reject(http(429, 2500))
          }
          return Promise.resolve()
        },
      },
      time,
    )
    expect(calls).toEqual(['L1', 'L2', 'L2', 'L3'])
    expect(time.waits).toEqual([2500])
    expect(report.outcomes.map((o) => [o.item, o.status, o.attempts])).toEqual([
      ['L1', 'succeeded', 1],
      ['L2', 'succeeded', 2],
      ['L3', 'succeeded', 1],
    ])
    expect(report.stats).toEqual({ attempts: 4, rateLimited: 1, transientRetries: 0 })
  })

  it('pauses every worker, not only the one that was told to wait', async () => {
    // Waits take real time here (1/100 of the virtual wait), so other workers run while one sleeps.
    let t = 0
    const time = {
      waits: [] as number[],
      now: () => t,
      sleep: (ms: number) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            t = Math.max(t, ms)
            resolve()
          }, ms / 100),
        ),
    }
    const starts: [string, number][] = []
    await run(
      {
        items: ids(4),
        concurrency: 2,
        action: async (id) => {
          starts.push([id, time.now()])
          if (starts.length === 1) throw http(429, 1000)
          // L2 is still in flight when L1's 429 arrives.
          await new Promise((r) => setTimeout(r, 5))
        },
      },
      time,
    )
    // L1 and L2 started together at t=0; L1 was refused, so every later start waited for t >= 1000.
    expect(starts.slice(0, 2)).toEqual([
      ['L1', 0],
      ['L2', 0],
    ])
    expect(starts.slice(2).map(([, t]) => t >= 1000)).toEqual([true, true, true])
  })

  it('uses a default wait when a 429 has no Retry-After, and gives up after the bounded number of waits', async () => {
    const time = fakeTime()
    const report = await run(
      {
        items: ['L1'],
        maxRateLimitWaits: 3,
        defaultRetryAfterMs: 700,
        action: () => Promise.reject(http(429)),
      },
      time,
    )
    expect(time.waits).toEqual([700, 700, 700])
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', attempts: 4, ambiguous: false })
  })

  it('retries network loss and 5xx a bounded number of times and tells the action an attempt may have landed', async () => {
    const contexts: BulkContext[] = []
    const report = await run({
      items: ['L1'],
      maxTransientRetries: 2,
      action: (_id, ctx) => {
        contexts.push(ctx)
        return Promise.reject(contexts.length === 1 ? networkLoss() : http(503))
      },
    })
    expect(contexts).toEqual([
      { attempt: 1, ambiguous: false },
      { attempt: 2, ambiguous: true },
      { attempt: 3, ambiguous: true },
    ])
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', attempts: 3, ambiguous: true })
    expect(report.stats.transientRetries).toBe(2)
  })

  it('an action may turn a 404 after an uncertain attempt into "already gone"', async () => {
    const server = new Set(['L1'])
    let dropped = false
    const report = await run({
      items: ['L1'],
      action: (id, ctx) => {
        if (!server.has(id)) {
          if (ctx.ambiguous) return Promise.resolve({ note: 'already gone' })
          return Promise.reject(http(404))
        }
        server.delete(id)
        // The delete happened but the answer was lost on the way back.
        if (!dropped) {
          dropped = true
          return Promise.reject(networkLoss())
        }
        return Promise.resolve()
      },
    })
    expect(server.size).toBe(0)
    expect(report.outcomes[0]).toMatchObject({ status: 'succeeded', attempts: 2, note: 'already gone' })
  })

  it('does not retry a 4xx other than 429', async () => {
    let calls = 0
    const report = await run({
      items: ['L1'],
      action: () => {
        calls++
        return Promise.reject(http(403))
      },
    })
    expect(calls).toBe(1)
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', attempts: 1 })
  })

  it('Stop starts nothing new, lets requests in flight finish and reports the rest as stopped', async () => {
    const controller = new AbortController()
    const done: string[] = []
    const report = await run({
      items: ids(10),
      concurrency: 2,
      signal: controller.signal,
      action: async (id) => {
        if (id === 'L3') controller.abort()
        await new Promise((r) => setTimeout(r, 1))
        done.push(id)
      },
    })
    expect(report.stopped).toBe(true)
    // L3 pressed Stop while it was in flight: it still finished; nothing after it started.
    expect(done).toEqual(['L1', 'L2', 'L3'])
    expect(summarize(10, report.outcomes)).toEqual({
      total: 10,
      finished: 10,
      succeeded: 3,
      failed: 0,
      stopped: 7,
    })
  })

  it('a retry of failed items can start them as uncertain', async () => {
    const seen: boolean[] = []
    await run({
      items: ['L1', 'L2'],
      initiallyAmbiguous: (id) => id === 'L2',
      action: (_id, ctx) => {
        seen.push(ctx.ambiguous)
        return Promise.resolve()
      },
      concurrency: 1,
    })
    expect(seen).toEqual([false, true])
  })

  it('with 30% of requests answered 429, each item is acted on exactly once', async () => {
    // A deterministic pseudo-random server: 30% of calls are refused before anything happens.
    let state = 7
    const rand = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const deletions = new Map<string, number>()
    const items = ids(200)
    const report = await run({
      items,
      action: async (id) => {
        await Promise.resolve()
        if (rand() < 0.3) throw http(429, 100)
        deletions.set(id, (deletions.get(id) ?? 0) + 1)
      },
    })
    expect(deletions.size).toBe(200)
    expect([...deletions.values()].every((n) => n === 1)).toBe(true)
    expect(report.stats.rateLimited).toBeGreaterThan(30)
    expect(report.stats.attempts).toBe(200 + report.stats.rateLimited)
    expect(summarize(200, report.outcomes).succeeded).toBe(200)
  })
})
