import { describe, expect, it } from 'vitest'
import type { RenderWork } from './model'
import { RenderScheduler, type RenderJob } from './scheduler'

const work = (queryMs: number, renderMs: number, pickup = 0): RenderWork => ({
  pickupQueryMs: pickup,
  queryMs,
  pickupRenderMs: pickup,
  renderMs,
})

function scheduler(query: number, render: number) {
  const capacity = { query, render }
  return { capacity, scheduler: new RenderScheduler({ capacity: () => capacity }) }
}

describe('render scheduler', () => {
  it('runs at most N queries and N renders at once, and starts them first come, first served', () => {
    const { scheduler: s } = scheduler(2, 1)
    const jobs = [0, 1, 2, 3].map((i) => s.add(`t${i}`, 0, work(1_000, 500), null))
    s.advance(10)
    expect(jobs.map((j) => j.status)).toEqual([
      'querying',
      'querying',
      'enqueued_for_query',
      'enqueued_for_query',
    ])
    s.advance(1_000)
    // Two queries ended together: the older job renders first, the other waits; the next two query.
    expect(jobs.map((j) => j.status)).toEqual(['rendering', 'enqueued_for_render', 'querying', 'querying'])
    s.advance(10_000)
    expect(jobs.map((j) => j.renderStartsAt)).toEqual([1_000, 1_500, 2_000, 2_500])
    expect(jobs.map((j) => j.finalizedAt)).toEqual([1_500, 2_000, 2_500, 3_000])
  })

  it('keeps the render queue in the order jobs joined it, not the order they were created', () => {
    const { scheduler: s } = scheduler(3, 1)
    const slowQuery = s.add('slow', 0, work(3_000, 1_000), null)
    const blocker = s.add('blocker', 0, work(100, 5_000), null)
    const quick = s.add('quick', 0, work(200, 1_000), null)
    s.advance(20_000)
    // quick joined the render queue at 200 ms, slowQuery at 3 s: quick renders first.
    expect(blocker.renderStartsAt).toBe(100)
    expect(quick.renderStartsAt).toBe(5_100)
    expect(slowQuery.renderStartsAt).toBe(6_100)
  })

  it('gives the same answer whether time is replayed in one step or many', () => {
    const jobWork = (i: number) => work(700 + i * 170, 900 + i * 90, 120)
    // Jobs arrive every 300 ms; the clock is read in steps of `stepMs` (a divisor of 300) in between.
    const replay = (stepMs: number | null) => {
      const { scheduler: s } = scheduler(3, 2)
      const jobs: RenderJob[] = []
      if (stepMs === null) {
        for (let i = 0; i < 8; i++) jobs.push(s.add(`t${i}`, i * 300, jobWork(i), null))
        s.advance(30_000)
      } else {
        for (let t = 0; t <= 30_000; t += stepMs) {
          if (t % 300 === 0 && jobs.length < 8)
            jobs.push(s.add(`t${jobs.length}`, t, jobWork(jobs.length), null))
          s.advance(t)
        }
      }
      return jobs.map((j) => [j.queryStartsAt, j.renderStartsAt, j.finalizedAt])
    }
    const once = replay(null)
    expect(once.every(([, , end]) => typeof end === 'number')).toBe(true)
    for (const step of [1, 20, 100, 300]) expect(replay(step)).toEqual(once)
  })

  it('stops a failing job in its phase and frees its slot', () => {
    const { scheduler: s } = scheduler(1, 1)
    const badQuery = s.add('bad-query', 0, work(1_000, 1_000), 'querying')
    const badRender = s.add('bad-render', 0, work(1_000, 3_000), 'rendering')
    const next = s.add('next', 0, work(500, 500), null)
    s.advance(60_000)
    expect(badQuery).toMatchObject({ status: 'failure', finalizedAt: 1_000, renderStartsAt: null })
    expect(badRender).toMatchObject({ status: 'failure', renderStartsAt: 2_000, finalizedAt: 2_000 + 1_980 })
    expect(next).toMatchObject({ status: 'success', renderStartsAt: 3_980, finalizedAt: 4_480 })
  })

  it('applies a changed pool size from the next step on', () => {
    const { scheduler: s, capacity } = scheduler(4, 1)
    const jobs = [0, 1, 2].map((i) => s.add(`t${i}`, 0, work(0, 1_000), null))
    s.advance(100)
    expect(jobs.filter((j) => j.status === 'rendering')).toHaveLength(1)
    capacity.render = 3
    s.advance(200)
    expect(jobs.filter((j) => j.status === 'rendering')).toHaveLength(3)
  })
})
