// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest'
import { isDeclaredMeasure } from '../seed/field-roles'
import { createLookerSim, type LookerSim } from '../sim'
import { clientFor, type TestClient } from '../test-client'

interface ExploreField {
  name: string
  label: string
  label_short: string
  type: string
  category: string
  measure: boolean
  is_timeframe: boolean
  dimension_group: string | null
  view: string
  view_label: string
  times_used: number
}
interface Explore {
  id: string
  name: string
  model_name: string
  can_save: boolean
  fields: { dimensions: ExploreField[]; measures: ExploreField[]; filters: unknown[]; parameters: unknown[] }
}
interface Model {
  name: string
  label: string
  explores: { name: string; label: string }[]
}

let sim: LookerSim
let analyst: TestClient

beforeAll(() => {
  sim = createLookerSim({ lookCount: 300 })
  analyst = clientFor(sim, 'analyst')
})

const explore = async (model: string, name: string, client = analyst) =>
  client.get<Explore>(`/lookml_models/${model}/explores/${name}`)

describe('all_lookml_models and lookml_model', () => {
  it('list the seeded models with their explores; one model by name; 404 for an unknown one', async () => {
    const models = await analyst.get<Model[]>('/lookml_models')
    expect(models.status).toBe(200)
    expect(models.body.map((m) => m.name)).toEqual(['ecommerce', 'marketing', 'finance', 'product'])
    expect(models.body[0]!.explores.map((e) => e.name)).toEqual(['order_items', 'users', 'inventory_items'])
    const finance = await analyst.get<Model>('/lookml_models/finance')
    expect(finance.body).toMatchObject({ name: 'finance', label: 'Finance', has_content: true })
    expect((await analyst.get('/lookml_models/thelook')).status).toBe(404)
  })
})

describe('lookml_model_explore', () => {
  it('describes every field a seeded query selects or filters on, with the role the data has', async () => {
    const models = (await analyst.get<Model[]>('/lookml_models')).body
    const fieldsByExplore = new Map<string, Map<string, ExploreField>>()
    for (const model of models) {
      for (const { name } of model.explores) {
        const reply = await explore(model.name, name)
        expect(reply.status).toBe(200)
        expect(reply.body).toMatchObject({ id: `${model.name}::${name}`, name, model_name: model.name })
        const all = [...reply.body.fields.dimensions, ...reply.body.fields.measures]
        fieldsByExplore.set(`${model.name}::${name}`, new Map(all.map((f) => [f.name, f])))
      }
    }
    for (const query of sim.store.data.queries) {
      const fields = fieldsByExplore.get(`${query.model}::${query.view}`)!
      const tableCalcs = query.dynamic_fields ? ['percent_of_total'] : []
      for (const name of [...query.fields, ...Object.keys(query.filters ?? {})]) {
        if (tableCalcs.includes(name)) continue
        const field = fields.get(name)
        expect(field, `${query.model}::${query.view} ${name}`).toBeDefined()
        expect(field!.measure).toBe(isDeclaredMeasure(name))
      }
    }
  })

  it('gives dimensions and measures names, labels, types and groups, and counts their use', async () => {
    const { body } = await explore('ecommerce', 'order_items')
    const byName = new Map([...body.fields.dimensions, ...body.fields.measures].map((f) => [f.name, f]))
    expect(byName.get('order_items.created_month')).toMatchObject({
      label: 'Order Items Created Month',
      label_short: 'Created Month',
      type: 'date_month',
      category: 'dimension',
      measure: false,
      is_timeframe: true,
      dimension_group: 'order_items.created',
      view: 'order_items',
      view_label: 'Order Items',
    })
    expect(byName.get('users.state')).toMatchObject({ label: 'Users State', type: 'string', view: 'users' })
    expect(byName.get('order_items.total_sale_price')).toMatchObject({
      label: 'Order Items Revenue',
      label_short: 'Revenue',
      type: 'sum',
      category: 'measure',
      measure: true,
    })
    expect(body.fields.dimensions.every((f) => !f.measure)).toBe(true)
    expect(body.fields.measures.every((f) => f.measure)).toBe(true)
    const used = sim.store.data.queries.filter(
      (q) => q.view === 'order_items' && q.fields.includes('users.state'),
    ).length
    expect(byName.get('users.state')!.times_used).toBe(used)
  })

  it('lists only fields create_query accepts: a query of all of them is created', async () => {
    const { body } = await explore('marketing', 'campaigns')
    const fields = [...body.fields.dimensions, ...body.fields.measures].map((f) => f.name)
    const reply = await analyst.post('/queries', { model: 'marketing', view: 'campaigns', fields })
    expect(reply.status).toBe(200)
  })

  it('honours `fields`, tells the viewer it cannot save, and is a 404 for unknown models or explores', async () => {
    const projected = await analyst.get<Record<string, unknown>>(
      '/lookml_models/finance/explores/ledger?fields=id,fields(measures(name))',
    )
    expect(Object.keys(projected.body)).toEqual(['id', 'fields'])
    expect(projected.body.fields).toEqual({
      measures: expect.arrayContaining([{ name: 'ledger.net_income' }]) as unknown,
    })
    expect((await explore('finance', 'ledger')).body.can_save).toBe(true)
    expect((await explore('finance', 'ledger', clientFor(sim, 'viewer'))).body.can_save).toBe(false)
    expect((await explore('finance', 'order_items')).status).toBe(404)
    expect((await explore('thelook', 'order_items')).status).toBe(404)
  })
})
