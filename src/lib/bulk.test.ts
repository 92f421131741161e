import { describe, expect, it } from 'vitest'
import { runBulk, summarize, type BulkOptions } from './bulk'
import { LookerApiError } from './errors'
import { createWriteRule, IDEMPOTENT, mayHaveLanded, type WriteEvent } from './writeRule'

const http = (status: number, retryAfterMs: number | null = null) =>
  new LookerApiError({ status, kind: 'http', message: `HTTP ${status}`, retryAfterMs })
const networkLoss = () => new LookerApiError({ status: 0, kind: 'network', message: 'offline' })

/** The write rule on a virtual clock: sleeping advances it at once. */
function ruleOnVirtualTime() {
  let t = 0
  return createWriteRule({
    now: () => t,
    sleep: (ms) => {
      t += ms
      return Promise.resolve()
    },
    busy: { add: () => () => undefined },
  })
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `L${i + 1}`)

const run = <T>(opts: BulkOptions<T>) => runBulk(opts)

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
  })

  it("repeats no action itself: sending again is the write rule's, and a failure is reported once", async () => {
    let calls = 0
    const report = await run({
      items: ['L1'],
      action: () => {
        calls++
        return Promise.reject(http(403))
      },
    })
    expect(calls).toBe(1)
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', ambiguous: false })
  })

  it('a failure that may have changed the server is reported as uncertain, for "Retry failed"', async () => {
    const rule = ruleOnVirtualTime()
    const report = await run({
      items: ['L1'],
      action: () => rule.send(IDEMPOTENT, () => Promise.reject(networkLoss())),
    })
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', ambiguous: true })
  })

  it('an action may turn a 404 after an uncertain attempt into "already gone"', async () => {
    const rule = ruleOnVirtualTime()
    const server = new Set(['L1'])
    let dropped = false
    let calls = 0
    const report = await run({
      items: ['L1'],
      action: async (id, ctx) => {
        try {
          await rule.send(IDEMPOTENT, () => {
            calls++
            if (!server.has(id)) return Promise.reject(http(404))
            server.delete(id)
            // The delete happened but the answer was lost on the way back.
            if (!dropped) {
              dropped = true
              return Promise.reject(networkLoss())
            }
            return Promise.resolve()
          })
        } catch (e) {
          if ((ctx.ambiguous || mayHaveLanded(e)) && e instanceof LookerApiError && e.status === 404)
            return { note: 'already gone' }
          throw e
        }
      },
    })
    expect(server.size).toBe(0)
    expect(calls).toBe(2)
    expect(report.outcomes[0]).toMatchObject({ status: 'succeeded', note: 'already gone' })
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
    const rule = ruleOnVirtualTime()
    const deletions = new Map<string, number>()
    const stats = { attempts: 0, rateLimited: 0 }
    const count = (e: WriteEvent) => {
      if (e.type === 'attempt') stats.attempts++
      if (e.type === 'busy') stats.rateLimited++
    }
    const items = ids(200)
    const report = await run({
      items,
      action: (id) =>
        rule.send(
          IDEMPOTENT,
          async () => {
            await Promise.resolve()
            if (rand() < 0.3) throw http(429, 100)
            deletions.set(id, (deletions.get(id) ?? 0) + 1)
          },
          { onEvent: count },
        ),
    })
    expect(deletions.size).toBe(200)
    expect([...deletions.values()].every((n) => n === 1)).toBe(true)
    expect(stats.rateLimited).toBeGreaterThan(30)
    expect(stats.attempts).toBe(200 + stats.rateLimited)
    expect(summarize(200, report.outcomes).succeeded).toBe(200)
  })
})
