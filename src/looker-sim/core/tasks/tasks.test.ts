import { describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { createLookerSim } from '../sim'
import { DEFAULT_SEED } from '../constants'
import {
  BROKEN_FIELD_DETAIL,
  BROKEN_FIELD_SQL_ERROR,
  TIMEOUT_DETAIL,
  timesOutOnFirstRender,
} from './failures'

function setup(tasks = {}) {
  const clock = new ManualClock()
  const sim = createLookerSim({
    clock,
    tasks: { renderDurationMs: { min: 4_000, max: 4_000 }, resultTtlMs: 60_000, ...tasks },
  })
  const token = sim.issueToken('1')
  const call = (method: string, path: string, body?: unknown) =>
    sim.handle(
      new Request(`http://looker.test/api/4.0${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T
  const lookIdWhere = (test: (title: string) => boolean) =>
    sim.store.data.looks.find(
      (l) => !l.deleted && test(l.title) && (!healthy(l.title) || !timesOutOnFirstRender(DEFAULT_SEED, l)),
    )!.id
  return { clock, sim, call, json, lookIdWhere }
}

const healthy = (title: string) => !/legacy|scratchpad/i.test(title)

describe('render tasks', () => {
  it('move through every status on the clock and then give a PNG of exactly the asked size', async () => {
    const { clock, call, json, lookIdWhere } = setup()
    const created = await json(
      await call('POST', `/render_tasks/looks/${lookIdWhere(healthy)}/png?width=800&height=600`),
    )
    expect(created.status).toBe('enqueued_for_query')
    const seen = new Set<string>()
    for (let t = 0; t < 4_000; t += 100) {
      seen.add((await json(await call('GET', `/render_tasks/${String(created.id)}`))).status as string)
      clock.advance(100)
    }
    expect([...seen]).toEqual(['enqueued_for_query', 'querying', 'enqueued_for_render', 'rendering'])
    const done = await json(await call('GET', `/render_tasks/${String(created.id)}`))
    expect(done).toMatchObject({
      status: 'success',
      runtime: 4,
      width: 800,
      height: 600,
      result_format: 'png',
    })
    expect(done.finalized_at).toBe(new Date(clock.now()).toISOString())
    expect(Number(done.query_runtime) + Number(done.render_runtime)).toBeLessThan(4)

    const image = await call('GET', `/render_tasks/${String(created.id)}/results`)
    expect(image.status).toBe(200)
    expect(image.headers.get('Content-Type')).toBe('image/png')
    const bytes = new DataView(await image.arrayBuffer())
    expect(bytes.getUint32(16)).toBe(800) // IHDR width
    expect(bytes.getUint32(20)).toBe(600) // IHDR height
  })

  it('answer results with 202 and Retry-After until done, and 404 once expired or unknown', async () => {
    const { clock, call, lookIdWhere, json } = setup()
    const created = await json(
      await call('POST', `/render_tasks/looks/${lookIdWhere(healthy)}/jpg?width=400&height=300`),
    )
    const early = await call('GET', `/render_tasks/${String(created.id)}/results`)
    expect(early.status).toBe(202)
    // Documented on the results 202, with a constant: it must not leak the time left (4 s here).
    expect(early.headers.get('Retry-After')).toBe('1')
    expect(await early.text()).toBe('')
    // Looker documents no Retry-After on the status call, so the simulator sends none.
    const status = await call('GET', `/render_tasks/${String(created.id)}`)
    expect(status.status).toBe(200)
    expect(status.headers.get('Retry-After')).toBeNull()
    clock.advance(4_000)
    const ready = await call('GET', `/render_tasks/${String(created.id)}/results`)
    expect(ready.headers.get('Content-Type')).toBe('image/jpeg')
    clock.advance(61_000)
    expect((await call('GET', `/render_tasks/${String(created.id)}/results`)).status).toBe(404)
    expect((await call('GET', '/render_tasks/999999/results')).status).toBe(404)
    expect((await call('GET', '/render_tasks/999999')).status).toBe(404)
  })

  it('fail a legacy look in the query with a telling status_detail, every time', async () => {
    const { clock, call, json, lookIdWhere } = setup()
    const id = lookIdWhere((t) => /legacy/i.test(t))
    for (let attempt = 0; attempt < 2; attempt++) {
      const created = await json(await call('POST', `/render_tasks/looks/${id}/png?width=800&height=600`))
      clock.advance(4_000)
      const task = await json(await call('GET', `/render_tasks/${String(created.id)}`))
      expect(task).toMatchObject({
        status: 'failure',
        status_detail: BROKEN_FIELD_DETAIL,
        render_runtime: null,
      })
      expect((await call('GET', `/render_tasks/${String(created.id)}/results`)).status).toBe(404)
    }
  })

  it('time out on the first render of the scratchpad and succeed on retry', async () => {
    const { clock, call, json, lookIdWhere } = setup()
    const id = lookIdWhere((t) => /scratchpad/i.test(t))
    const first = await json(await call('POST', `/render_tasks/looks/${id}/png?width=800&height=600`))
    clock.advance(4_000)
    expect(await json(await call('GET', `/render_tasks/${String(first.id)}`))).toMatchObject({
      status: 'failure',
      status_detail: TIMEOUT_DETAIL,
    })
    const second = await json(await call('POST', `/render_tasks/looks/${id}/png?width=800&height=600`))
    clock.advance(4_000)
    expect((await json(await call('GET', `/render_tasks/${String(second.id)}`))).status).toBe('success')
  })

  it('refuse unknown formats with 400 and sizes out of bounds with 422', async () => {
    const { call, json, lookIdWhere } = setup()
    const id = lookIdWhere(healthy)
    expect((await call('POST', `/render_tasks/looks/${id}/gif?width=800&height=600`)).status).toBe(400)
    expect((await call('POST', `/render_tasks/looks/${id}/png?width=800`)).status).toBe(400)
    const tooBig = await call('POST', `/render_tasks/looks/${id}/png?width=9000&height=50`)
    expect(tooBig.status).toBe(422)
    const body = await json<{ errors: { field: string }[] }>(tooBig)
    expect(body.errors.map((e) => e.field)).toEqual(['width', 'height'])
    expect((await call('POST', `/render_tasks/looks/999999/png?width=800&height=600`)).status).toBe(404)
  })

  it('render a dashboard as a PDF on the asked paper', async () => {
    const { clock, call, json, sim } = setup()
    const dashboard = sim.store.data.dashboards[0]!
    const created = await json(
      await call(
        'POST',
        `/render_tasks/dashboards/${dashboard.id}/pdf?width=1200&height=900&pdf_paper_size=a4&pdf_landscape=true`,
        {
          dashboard_style: 'single_column',
        },
      ),
    )
    expect(created).toMatchObject({ dashboard_style: 'single_column', result_format: 'pdf' })
    // The spec's RenderTask has no paper fields: the paper shows in the PDF itself.
    expect(created).not.toHaveProperty('pdf_paper_size')
    expect(created).not.toHaveProperty('pdf_landscape')
    clock.advance(4_000)
    const pdf = await call('GET', `/render_tasks/${String(created.id)}/results`)
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf')
    const text = new TextDecoder('latin1').decode(await pdf.arrayBuffer())
    expect(text.slice(0, 5)).toBe('%PDF-')
    expect(text).toContain('/MediaBox [0 0 842 595]') // A4, landscape
    const noBody = await call('POST', `/render_tasks/dashboards/${dashboard.id}/pdf?width=1200&height=900`)
    expect(noBody.status).toBe(400)
    const badPaper = await call(
      'POST',
      `/render_tasks/dashboards/${dashboard.id}/pdf?width=1200&height=900&pdf_paper_size=b5`,
      {},
    )
    expect(badPaper.status).toBe(422)
  })
})

describe('query tasks', () => {
  it('run to complete and give the same rows in every format', async () => {
    const { clock, call, json, sim, lookIdWhere } = setup({ queryDurationMs: { min: 500, max: 500 } })
    const look = sim.store.look(lookIdWhere(healthy))!
    const start = async (format: string) =>
      json(
        await call('POST', `/query_tasks?limit=5&apply_formatting=true`, {
          query_id: look.query_id,
          result_format: format,
          look_id: look.id,
        }),
      )
    const detail = await start('json_detail')
    expect(detail.status).toBe('running')
    expect((await call('GET', `/query_tasks/${String(detail.id)}/results`)).status).toBe(202)
    clock.advance(500)
    expect((await json(await call('GET', `/query_tasks/${String(detail.id)}`))).status).toBe('complete')
    const result = await json<{
      data: Record<string, { value: unknown; rendered: string }>[]
      fields: { dimensions: { label: string }[]; measures: { label: string }[] }
    }>(await call('GET', `/query_tasks/${String(detail.id)}/results`))
    expect(result.data.length).toBeGreaterThan(0)
    expect(result.data.length).toBeLessThanOrEqual(5)

    const csvTask = await start('csv')
    clock.advance(500)
    const csvRes = await call('GET', `/query_tasks/${String(csvTask.id)}/results`)
    expect(csvRes.headers.get('Content-Type')).toMatch(/^text\/csv/)
    const lines = (await csvRes.text()).trim().split('\n')
    expect(lines).toHaveLength(result.data.length + 1)
    const firstLabel = [...result.fields.dimensions, ...result.fields.measures][0]!.label
    expect(lines[0]!.startsWith(firstLabel) || lines[0]!.startsWith(`"${firstLabel}`)).toBe(true)

    for (const format of ['md', 'txt', 'html', 'sql', 'json', 'inline_json']) {
      const task = await start(format)
      clock.advance(500)
      expect((await call('GET', `/query_tasks/${String(task.id)}/results`)).status).toBe(200)
    }
  })

  it('report a broken query as errors in json_detail and a 400 elsewhere; 404 when unknown or expired', async () => {
    const { clock, call, json, sim, lookIdWhere } = setup({
      queryDurationMs: { min: 100, max: 100 },
      queryResultTtlMs: 1_000,
    })
    const legacy = sim.store.look(lookIdWhere((t) => /legacy/i.test(t)))!
    const detail = await json(
      await call('POST', '/query_tasks', { query_id: legacy.query_id, result_format: 'json_detail' }),
    )
    const csv = await json(
      await call('POST', '/query_tasks', { query_id: legacy.query_id, result_format: 'csv' }),
    )
    clock.advance(100)
    expect((await json(await call('GET', `/query_tasks/${String(detail.id)}`))).status).toBe('error')
    const body = await json<{ errors: { message: string }[] }>(
      await call('GET', `/query_tasks/${String(detail.id)}/results`),
    )
    expect(body.errors[0]!.message).toBe(BROKEN_FIELD_SQL_ERROR)
    expect((await call('GET', `/query_tasks/${String(csv.id)}/results`)).status).toBe(400)
    clock.advance(2_000)
    expect((await call('GET', `/query_tasks/${String(detail.id)}/results`)).status).toBe(404)
    expect((await call('GET', '/query_tasks/nope')).status).toBe(404)
    expect(
      (await call('POST', '/query_tasks', { query_id: legacy.query_id, result_format: 'xlsx' })).status,
    ).toBe(422)
  })
})
