import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { LookerApiError } from '../lib/errors'
import { aDashboard, aLook } from '../test/builders'
import { server, sim, TEST_API } from '../test/server'
import {
  createDashboardRenderTask,
  createLookRenderTask,
  getFinishedRenderResult,
  getRenderTask,
  getRenderTaskResults,
  toRenderTask,
  type RenderTask,
} from './renderTasks'

// LOOK renders on its first try; DASHBOARD has it as a tile.
let LOOK: string
let DASHBOARD: string

beforeEach(() => {
  sim.tasks.settings.renderDurationMs = { min: 150, max: 150 }
  const look = aLook({ rendersFirstTime: true })
  LOOK = look.id
  DASHBOARD = aDashboard({ looks: [look] }).id
})

async function untilDone(task: RenderTask): Promise<RenderTask> {
  for (let i = 0; i < 100; i++) {
    const { value } = await getRenderTask(task.id)
    if (value.status === 'success' || value.status === 'failure') return value
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`task ${task.id} never finished`)
}

async function bytesOf(blob: Blob, count: number): Promise<number[]> {
  return [...new Uint8Array(await blob.arrayBuffer()).subarray(0, count)]
}

describe('render task results', () => {
  it('a running task answers 202: not ready, with the Retry-After the server sent', async () => {
    sim.tasks.settings.renderDurationMs = { min: 5_000, max: 5_000 }
    const task = await createLookRenderTask({ lookId: LOOK, format: 'png', width: 400, height: 300 })
    const result = await getRenderTaskResults(task.id)
    expect(result.kind).toBe('not-ready')
    expect(result.kind === 'not-ready' && result.retryAfterMs).toBeGreaterThanOrEqual(1_000)
    expect(sim.requestLog.at(-1)).toMatchObject({ path: `/render_tasks/${task.id}/results`, status: 202 })
  })

  it('a finished PNG render answers 200: a Blob of type image/png holding a PNG', async () => {
    const task = await createLookRenderTask({ lookId: LOOK, format: 'png', width: 400, height: 300 })
    expect((await untilDone(task)).status).toBe('success')
    const result = await getRenderTaskResults(task.id)
    if (result.kind !== 'ready') throw new Error(`expected ready, got ${result.kind}`)
    expect(result.blob.type).toBe('image/png')
    expect(await bytesOf(result.blob, 4)).toEqual([0x89, 0x50, 0x4e, 0x47])
  })

  it('a finished JPEG render is a Blob of type image/jpeg', async () => {
    const task = await createLookRenderTask({ lookId: LOOK, format: 'jpg', width: 300, height: 200 })
    await untilDone(task)
    const result = await getRenderTaskResults(task.id)
    if (result.kind !== 'ready') throw new Error(`expected ready, got ${result.kind}`)
    expect(result.blob.type).toBe('image/jpeg')
    expect(await bytesOf(result.blob, 2)).toEqual([0xff, 0xd8])
  })

  it('a dashboard PDF render is a Blob of type application/pdf, with the paper asked for', async () => {
    const task = await createDashboardRenderTask({
      dashboardId: DASHBOARD,
      format: 'pdf',
      width: 1200,
      height: 927,
      style: 'tiled',
      pdfPaperSize: 'a4',
      pdfLandscape: true,
    })
    const done = await untilDone(task)
    expect(done).toMatchObject({ status: 'success', dashboard_id: DASHBOARD, result_format: 'pdf' })
    const result = await getRenderTaskResults(task.id)
    if (result.kind !== 'ready') throw new Error(`expected ready, got ${result.kind}`)
    expect(result.blob.type).toBe('application/pdf')
    expect(String.fromCharCode(...(await bytesOf(result.blob, 5)))).toBe('%PDF-')
  })

  it('an unknown task answers 404: expired, not an error', async () => {
    expect(await getRenderTaskResults('987654')).toEqual({ kind: 'expired' })
  })

  it('a result past its time to live answers 404: expired', async () => {
    sim.tasks.settings.resultTtlMs = 0
    const task = await createLookRenderTask({ lookId: LOOK, format: 'png', width: 200, height: 150 })
    await untilDone(task)
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(await getRenderTaskResults(task.id)).toEqual({ kind: 'expired' })
  })

  it('a server error is thrown as a LookerApiError, never read as expired or not ready', async () => {
    server.use(
      http.get(`${TEST_API}/render_tasks/:id/results`, () =>
        HttpResponse.json({ message: 'Renderer unavailable', documentation_url: 'x' }, { status: 503 }),
      ),
    )
    const error: unknown = await getRenderTaskResults('1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LookerApiError)
    expect((error as LookerApiError).status).toBe(503)
  })

  it('a 202 without Retry-After is not ready, with no hint', async () => {
    server.use(
      http.get(`${TEST_API}/render_tasks/:id/results`, () => new HttpResponse(null, { status: 202 })),
    )
    expect(await getRenderTaskResults('1')).toEqual({ kind: 'not-ready', retryAfterMs: null })
  })

  it('after success, a 202 is waited out as its Retry-After says, then the result is read', async () => {
    const task = await createLookRenderTask({ lookId: LOOK, format: 'png', width: 200, height: 150 })
    await untilDone(task)
    const asked: number[] = []
    let answered = 0
    server.use(
      http.get(`${TEST_API}/render_tasks/:id/results`, () => {
        asked.push(Date.now())
        // The first answer comes before Looker stored the image; then the real one.
        if (answered++ === 0) return new HttpResponse(null, { status: 202, headers: { 'Retry-After': '1' } })
        return undefined
      }),
    )
    const result = await getFinishedRenderResult(task.id)
    expect(result.kind).toBe('ready')
    expect(asked).toHaveLength(2)
    expect(asked[1]! - asked[0]!).toBeGreaterThanOrEqual(950)
  })
})

describe('render task status', () => {
  it('carries no Retry-After from the simulator (Looker documents none), but passes on one a server sends', async () => {
    sim.tasks.settings.renderDurationMs = { min: 3_500, max: 3_500 }
    const task = await createLookRenderTask({ lookId: LOOK, format: 'png', width: 200, height: 150 })
    const running = await getRenderTask(task.id)
    expect(running.value.status).not.toBe('success')
    expect(running.retryAfterMs).toBeNull()
    server.use(
      http.get(`${TEST_API}/render_tasks/:id`, () =>
        HttpResponse.json({ id: task.id, status: 'rendering' }, { headers: { 'Retry-After': '2' } }),
      ),
    )
    expect((await getRenderTask(task.id)).retryAfterMs).toBe(2_000)
  })

  it('reads an unknown status as still queued, never as done', () => {
    expect(toRenderTask({ id: 7 as unknown as string, status: 'warming_up' }).status).toBe(
      'enqueued_for_query',
    )
    expect(toRenderTask({ id: '8', status: 'success' })).toMatchObject({ id: '8', status: 'success' })
  })
})
