import { describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { DEFAULT_SEED } from '../constants'
import { createLookerSim } from '../sim'
import { rendersEveryTime } from './failures'
import { MODEL, planRenderWork, type RenderWork } from './model'
import { parsePoolSize, taskSettings, type TaskSettings } from './settings'

interface Task {
  id: string
  status: string
  query_runtime: number | null
  render_runtime: number | null
  runtime: number | null
}

function setup(tasks: Partial<TaskSettings> = {}, seed = DEFAULT_SEED) {
  const clock = new ManualClock()
  const sim = createLookerSim({ clock, seed, tasks, tokenTtlSeconds: 86_400 })
  const token = sim.issueToken('1')
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await sim.handle(
      new Request(`http://looker.test/api/4.0${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )
    return (await res.json()) as Task
  }
  const healthyLooks = sim.store.data.looks.filter((l) => rendersEveryTime(seed, l)).map((l) => l.id)
  const render = (lookId: string, width = 800, height = 600) =>
    call('POST', `/render_tasks/looks/${lookId}/png?width=${width}&height=${height}`)
  const status = (id: string) => call('GET', `/render_tasks/${id}`)
  /** Steps the clock until every task is done, calling `each` with all statuses at every step. */
  const runToEnd = async (ids: string[], each: (tasks: Task[]) => void = () => {}, stepMs = 50) => {
    for (let i = 0; i < 20_000; i++) {
      const tasks = await Promise.all(ids.map(status))
      each(tasks)
      if (tasks.every((t) => t.status === 'success' || t.status === 'failure')) return tasks
      clock.advance(stepMs)
    }
    throw new Error('tasks never finished')
  }
  return { clock, sim, call, render, status, runToEnd, healthyLooks }
}

const count = (tasks: Task[], status: string) => tasks.filter((t) => t.status === status).length

describe('render pools', () => {
  it('by default never has more than 2 tasks rendering or 3 querying; the rest wait their turn', async () => {
    const { render, runToEnd, healthyLooks } = setup()
    const ids = await Promise.all(healthyLooks.slice(0, 6).map(async (id) => (await render(id)).id))
    let most = { rendering: 0, querying: 0 }
    let waitedForRenderer = false
    await runToEnd(ids, (tasks) => {
      most = {
        rendering: Math.max(most.rendering, count(tasks, 'rendering')),
        querying: Math.max(most.querying, count(tasks, 'querying')),
      }
      if (count(tasks, 'rendering') === 2 && count(tasks, 'enqueued_for_render') > 0) waitedForRenderer = true
    })
    expect(most).toEqual({ rendering: 2, querying: 3 })
    expect(waitedForRenderer).toBe(true)
  })

  it('keeps the order: with one slot each, tasks finish in the order they were created', async () => {
    const { render, runToEnd, healthyLooks } = setup({
      renderPool: 1,
      queryPool: 1,
      renderDurationMs: { min: 1_000, max: 1_000 },
    })
    const ids = []
    for (const id of healthyLooks.slice(0, 5)) ids.push((await render(id)).id)
    const finishedAt = new Map<string, number>()
    let step = 0
    await runToEnd(ids, (tasks) => {
      step++
      expect(count(tasks, 'rendering')).toBeLessThanOrEqual(1)
      expect(count(tasks, 'querying')).toBeLessThanOrEqual(1)
      for (const t of tasks) if (t.status === 'success' && !finishedAt.has(t.id)) finishedAt.set(t.id, step)
    })
    expect([...finishedAt.keys()]).toEqual(ids)
    expect(new Set(finishedAt.values()).size).toBe(ids.length)
  })

  it('honours other pool sizes, and refuses nonsense', async () => {
    const { render, runToEnd, healthyLooks } = setup({ renderPool: 4, queryPool: 6 })
    const ids = await Promise.all(healthyLooks.slice(0, 8).map(async (id) => (await render(id)).id))
    let most = { rendering: 0, querying: 0 }
    await runToEnd(ids, (tasks) => {
      most = {
        rendering: Math.max(most.rendering, count(tasks, 'rendering')),
        querying: Math.max(most.querying, count(tasks, 'querying')),
      }
    })
    expect(most).toEqual({ rendering: 4, querying: 6 })
    expect(() => taskSettings({ renderPool: 0 })).toThrow(/renderPool/)
    expect(() => taskSettings({ queryPool: 1.5 })).toThrow(/queryPool/)
    expect([parsePoolSize('3'), parsePoolSize('0'), parsePoolSize('two'), parsePoolSize('')]).toEqual([
      3,
      null,
      null,
      null,
    ])
  })
})

describe('render durations', () => {
  async function timings(seed: number) {
    const { render, runToEnd, healthyLooks, clock } = setup({}, seed)
    const ids = []
    for (const [i, look] of healthyLooks.slice(0, 4).entries()) {
      ids.push((await render(look, 400 + i * 300, 300 + i * 200)).id)
      clock.advance(700)
    }
    const done = await runToEnd(ids)
    return done.map((t) => [t.query_runtime, t.render_runtime, t.runtime])
  }

  it('are the same for the same seed and requests, and differ for another seed', async () => {
    const first = await timings(7)
    expect(await timings(7)).toEqual(first)
    expect(await timings(8)).not.toEqual(first)
  })

  it('take longer for bigger images, and a cached query is quick', async () => {
    const { render, runToEnd, healthyLooks, clock } = setup({ renderPool: 4 })
    const look = healthyLooks[0]!
    const [small] = await runToEnd([(await render(look, 400, 300)).id])
    const [big] = await runToEnd([(await render(look, 2400, 1800)).id])
    expect(big!.render_runtime!).toBeGreaterThan(small!.render_runtime! + 2)
    // The second run of the same query comes from Looker's cache (1 hour by default).
    expect(big!.query_runtime!).toBeLessThan(0.5)
    clock.advance(61 * 60_000)
    const [later] = await runToEnd([(await render(look, 400, 300)).id])
    expect(later!.query_runtime!).toBeGreaterThan(big!.query_runtime!)
  })

  it('are log-normal: dashboards take longer than looks, and a few runs take far longer than most', () => {
    const looks: RenderWork[] = []
    const dashboards: RenderWork[] = []
    for (let seed = 1; seed <= 200; seed++) {
      const queries = [{ queryId: 'q', cached: false }]
      const size = { width: 800, height: 600, attempt: 1 }
      looks.push(planRenderWork(seed, { kind: 'look', targetId: 'q', queries, ...size }, null))
      const tiles = ['a', 'b', 'c', 'd'].map((queryId) => ({ queryId, cached: false }))
      dashboards.push(
        planRenderWork(seed, { kind: 'dashboard', targetId: 'd', queries: tiles, ...size }, null),
      )
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
    const total = (w: RenderWork) => w.pickupQueryMs + w.queryMs + w.pickupRenderMs + w.renderMs
    expect(median(dashboards.map((w) => w.renderMs))).toBeGreaterThan(
      1.5 * median(looks.map((w) => w.renderMs)),
    )
    expect(median(dashboards.map(total))).toBeGreaterThan(median(looks.map(total)))
    // Heavy tail: the slowest queries are many times the median one.
    const queries = looks.map((w) => w.queryMs).sort((a, b) => a - b)
    expect(queries.at(-10)!).toBeGreaterThan(3 * median(queries))
    expect(median(queries)).toBeGreaterThan(MODEL.query.medianMs * 0.7)
    expect(median(queries)).toBeLessThan(MODEL.query.medianMs * 1.4)
  })
})
