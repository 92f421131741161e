// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiLookWithQuery, ApiQuery } from '../api-types'
import type { ApiValidationError } from '../errors'
import { ManualClock } from '../clock'
import { createLookerSim, type LookerSim } from '../sim'
import { clientFor, LOOKS, type TestClient } from '../test-client'

let sim: LookerSim
let clock: ManualClock
let analyst: TestClient

beforeEach(() => {
  clock = new ManualClock()
  sim = createLookerSim({
    lookCount: 60,
    clock,
    tasks: { renderDurationMs: { min: 1_000, max: 1_000 }, queryDurationMs: { min: 200, max: 200 } },
  })
  analyst = clientFor(sim, 'analyst')
})

/** The writable part of a query, as a client copies it from a look to adjust it. */
async function lookQuery(client: TestClient, lookId: string) {
  const look = (await client.get<ApiLookWithQuery>(`/looks/${lookId}`)).body
  const q = look.query!
  return {
    model: q.model,
    view: q.view,
    fields: q.fields,
    pivots: q.pivots,
    fill_fields: q.fill_fields,
    filters: q.filters,
    filter_expression: q.filter_expression,
    sorts: q.sorts,
    limit: q.limit,
    column_limit: q.column_limit,
    total: q.total,
    row_total: q.row_total,
    subtotals: q.subtotals,
    vis_config: q.vis_config,
    filter_config: q.filter_config,
    visible_ui_sections: q.visible_ui_sections,
    dynamic_fields: q.dynamic_fields,
    query_timezone: q.query_timezone,
    id: q.id,
  }
}

const fieldErrors = (body: unknown) =>
  (body as ApiValidationError).errors.map((e) => ({ field: e.field, code: e.code }))

describe('create_query (POST /queries)', () => {
  it('creates an immutable query with a new id, a share slug and a client id, readable by id and slug', async () => {
    const { id: savedId, ...base } = await lookQuery(analyst, LOOKS.top10Pct)
    const created = await analyst.post<ApiQuery>('/queries', {
      ...base,
      limit: '10',
      can: { x: true },
      id: '1',
    })
    expect(created.status).toBe(200)
    const query = created.body
    expect(query.id).not.toBe(savedId)
    expect(typeof query.id).toBe('string')
    expect(query.limit).toBe('10')
    expect(query.fields).toEqual(base.fields)
    expect(query.slug).toMatch(/^[A-Za-z0-9]{7}$/)
    expect(query.client_id).toMatch(/^[A-Za-z0-9]{22}$/)
    expect(query.can).toMatchObject({ run: true, create: true, explore: true, save: true })
    expect(query.share_url).toMatch(new RegExp(`/x/${query.slug}$`))
    expect(query.url).toContain('limit=10')

    expect((await analyst.get<ApiQuery>(`/queries/${query.id}`)).body).toEqual(query)
    expect((await analyst.get<ApiQuery>(`/queries/slug/${query.slug}`)).body.id).toBe(query.id)
    expect((await analyst.get<ApiQuery>(`/queries/slug/${query.client_id}`)).body.id).toBe(query.id)
    // Viewers may read any query by id (queries are not content), though they cannot create one.
    expect((await clientFor(sim, 'viewer').get<ApiQuery>(`/queries/${query.id}`)).status).toBe(200)
  })

  it('returns the existing query for exactly the same parameters, whatever the key order', async () => {
    const { id: savedId, ...base } = await lookQuery(analyst, LOOKS.top10Pct)
    const again = await analyst.post<ApiQuery>('/queries', base)
    expect(again.body.id).toBe(savedId)
    const reordered = Object.fromEntries(Object.entries(base).reverse())
    const variant = { ...reordered, filters: { ...(base.filters ?? {}), 'users.country': 'Japan' } }
    const first = await analyst.post<ApiQuery>('/queries', variant)
    const second = await analyst.post<ApiQuery>('/queries', {
      ...variant,
      vis_config: { ...base.vis_config },
    })
    expect(first.body.id).not.toBe(savedId)
    expect(second.body.id).toBe(first.body.id)
    expect(sim.store.data.queries.filter((q) => q.id === first.body.id)).toHaveLength(1)
  })

  it('accepts every seeded query as it stands, and answers each with an existing query', async () => {
    const big = createLookerSim({ lookCount: 300 })
    const admin = clientFor(big, 'admin')
    const seeded = [...big.store.data.queries]
    for (const q of seeded) {
      const { id: _id, slug: _slug, client_id: _client, ...writable } = q
      const reply = await admin.post<ApiQuery>('/queries', writable)
      expect(reply.status, `query ${q.id}`).toBe(200)
      expect(big.store.query(reply.body.id)?.fields).toEqual(q.fields)
    }
    expect(big.store.data.queries).toHaveLength(seeded.length)
  })

  it('takes a minimal body: model, view and fields; absent parameters are null or empty', async () => {
    const reply = await analyst.post<ApiQuery>('/queries', {
      model: 'ecommerce',
      view: 'order_items',
      fields: ['users.state', 'order_items.total_sale_price'],
    })
    expect(reply.status).toBe(200)
    expect(reply.body).toMatchObject({ limit: null, sorts: [], filters: null, vis_config: null, total: null })
  })

  it('accepts fields declared by its own dynamic_fields (table calculations)', async () => {
    const reply = await analyst.post<ApiQuery>('/queries', {
      model: 'ecommerce',
      view: 'order_items',
      fields: ['users.state', 'order_items.count', 'share'],
      sorts: ['share desc'],
      dynamic_fields: JSON.stringify([
        { category: 'table_calculation', table_calculation: 'share', label: 'Share', expression: '1' },
      ]),
    })
    expect(reply.status).toBe(200)
    expect(reply.body.has_table_calculations).toBe(true)
  })

  it('is a 422 naming every unknown field, bad limit and misplaced sort or pivot at once', async () => {
    const reply = await analyst.post('/queries', {
      model: 'ecommerce',
      view: 'order_items',
      fields: ['users.state', 'order_items.nope', 'order_items.count'],
      filters: { 'ledger.region': 'EMEA' },
      pivots: ['order_items.count'],
      sorts: ['users.city desc'],
      limit: 'lots',
      column_limit: '500',
      client_id: 'short',
      dynamic_fields: '{not json',
    })
    expect(reply.status).toBe(422)
    expect((reply.body as ApiValidationError).message).toBe('Validation Failed')
    expect(fieldErrors(reply.body)).toEqual(
      expect.arrayContaining([
        { field: 'fields', code: 'not_found' },
        { field: 'filters', code: 'not_found' },
        { field: 'pivots', code: 'invalid' },
        { field: 'sorts', code: 'invalid' },
        { field: 'limit', code: 'invalid' },
        { field: 'column_limit', code: 'invalid' },
        { field: 'client_id', code: 'invalid' },
        { field: 'dynamic_fields', code: 'invalid' },
      ]),
    )
    const unknown = (reply.body as ApiValidationError).errors.find((e) => e.field === 'fields')
    expect(unknown?.message).toContain('order_items.nope')
  })

  it('is a 422 for a missing or unknown model or explore, and for limits of 0 or below -1', async () => {
    const missing = await analyst.post('/queries', { fields: ['users.state'] })
    expect(fieldErrors(missing.body)).toEqual([
      { field: 'model', code: 'missing' },
      { field: 'view', code: 'missing' },
    ])
    const model = await analyst.post('/queries', { model: 'thelook', view: 'order_items' })
    expect(fieldErrors(model.body)).toEqual([{ field: 'model', code: 'not_found' }])
    const view = await analyst.post('/queries', { model: 'finance', view: 'order_items' })
    expect(fieldErrors(view.body)).toEqual([{ field: 'view', code: 'not_found' }])
    for (const limit of ['0', '-2', '1.5', true]) {
      const reply = await analyst.post('/queries', { model: 'finance', view: 'ledger', limit })
      expect(reply.status, String(limit)).toBe(422)
    }
    expect((await analyst.post('/queries', { model: 'finance', view: 'ledger', limit: -1 })).status).toBe(200)
    expect((await analyst.post('/queries', '[1]')).status).toBe(400)
  })

  it('is a 409 for a client_id another query has, and 404 for unknown ids and slugs', async () => {
    const taken = sim.store.data.queries[0]!.client_id
    const reply = await analyst.post('/queries', { model: 'finance', view: 'ledger', client_id: taken })
    expect(reply.status).toBe(409)
    expect((await analyst.get('/queries/999999')).status).toBe(404)
    expect((await analyst.get('/queries/slug/nope')).status).toBe(404)
  })

  it("needs Looker's explore permission: the viewer creates nothing (403) and its can maps say so", async () => {
    const viewer = clientFor(sim, 'viewer')
    const { id: _id, ...base } = await lookQuery(viewer, LOOKS.conversionPct)
    const before = sim.store.data.queries.length
    const reply = await viewer.post('/queries', { ...base, limit: '5' })
    expect(reply.status).toBe(403)
    expect(sim.store.data.queries).toHaveLength(before)
    const look = (await viewer.get<ApiLookWithQuery>(`/looks/${LOOKS.conversionPct}`)).body
    expect(look.can.explore).toBe(false)
    expect(look.query?.can).toMatchObject({ run: true, explore: false, create: false, save: false })
    const mine = (await analyst.get<ApiLookWithQuery>(`/looks/${LOOKS.conversionPct}`)).body
    expect(mine.can.explore).toBe(true)
  })
})

describe('renders and query tasks of a created query', () => {
  it('render on the render task path and run as query tasks like any saved query', async () => {
    const { id: _id, ...base } = await lookQuery(analyst, LOOKS.top10Pct)
    const query = (await analyst.post<ApiQuery>('/queries', { ...base, limit: '3' })).body
    const task = await analyst.post<{ id: string; query_id: string; look_id: string | null }>(
      `/render_tasks/queries/${query.id}/png?width=300&height=200`,
    )
    expect(task.status).toBe(200)
    expect(task.body).toMatchObject({ query_id: query.id, look_id: null })
    clock.advance(1_000)
    const image = await sim.handle(
      new Request(`http://sim.test/api/4.0/render_tasks/${task.body.id}/results`, {
        headers: { Authorization: `token ${analyst.token}` },
      }),
    )
    expect(image.status).toBe(200)
    const png = new DataView(await image.arrayBuffer())
    expect([png.getUint32(16), png.getUint32(20)]).toEqual([300, 200])

    const queryTask = await analyst.post<{ id: string }>('/query_tasks', {
      query_id: query.id,
      result_format: 'json',
    })
    expect(queryTask.status).toBe(200)
    clock.advance(200)
    const rows = await analyst.get<unknown[]>(`/query_tasks/${queryTask.body.id}/results`)
    expect(rows.status).toBe(200)
    expect(rows.body.length).toBeLessThanOrEqual(3)
    expect((await analyst.post('/render_tasks/queries/999999/png?width=300&height=200')).status).toBe(404)
  })
})

describe('persistence of created queries', () => {
  it('a snapshot carries them; a reset forgets them', async () => {
    const query = (
      await analyst.post<ApiQuery>('/queries', {
        model: 'finance',
        view: 'ledger',
        fields: ['ledger.region'],
      })
    ).body
    const restored = createLookerSim({ lookCount: 60, snapshot: sim.snapshot() })
    expect(restored.store.query(query.id)?.slug).toBe(query.slug)
    const again = await clientFor(restored, 'analyst').post<ApiQuery>('/queries', {
      model: 'finance',
      view: 'ledger',
      fields: ['ledger.region'],
    })
    expect(again.body.id).toBe(query.id)
    restored.reset()
    expect(restored.store.query(query.id)).toBeUndefined()
  })
})
