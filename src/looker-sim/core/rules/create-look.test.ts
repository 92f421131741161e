// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiLookWithQuery, ApiQuery } from '../api-types'
import { ManualClock } from '../clock'
import type { ApiValidationError } from '../errors'
import { createLookerSim, type LookerSim } from '../sim'
import { clientFor, FOLDERS, LOOKS, type TestClient } from '../test-client'

let sim: LookerSim
let clock: ManualClock
let admin: TestClient
let analyst: TestClient
let viewer: TestClient

beforeEach(() => {
  clock = new ManualClock()
  sim = createLookerSim({ lookCount: 60, clock })
  admin = clientFor(sim, 'admin')
  analyst = clientFor(sim, 'analyst')
  viewer = clientFor(sim, 'viewer')
})

/** A variant of a look's query (20 rows, maybe more filters), as the Adjust panel would create it. */
async function variantOf(lookId: string, extraFilters: Record<string, string> = {}): Promise<ApiQuery> {
  const client = analyst
  const { query } = (await client.get<ApiLookWithQuery>(`/looks/${lookId}`)).body
  const { model, view, fields, sorts, vis_config, dynamic_fields } = query!
  const reply = await client.post<ApiQuery>('/queries', {
    model,
    view,
    fields,
    sorts,
    vis_config,
    dynamic_fields,
    filters: { ...(query!.filters ?? {}), ...extraFilters },
    limit: '20',
  })
  expect(reply.status).toBe(200)
  return reply.body
}

const fieldErrors = (body: unknown) =>
  (body as ApiValidationError).errors.map((e) => ({ field: e.field, code: e.code }))

describe('create_look (POST /looks)', () => {
  it('saves a query as a new look in a folder the caller may edit, owned by the caller', async () => {
    const query = await variantOf(LOOKS.top10Pct, { 'users.country': 'Germany' })
    clock.advance(60_000)
    const reply = await analyst.post<ApiLookWithQuery>('/looks', {
      title: 'Top 10% — Germany',
      description: 'The top decile, German customers only.',
      folder_id: FOLDERS.sales,
      query_id: query.id,
      is_run_on_load: true,
    })
    expect(reply.status).toBe(200)
    const look = reply.body
    expect(look).toMatchObject({
      title: 'Top 10% — Germany',
      description: 'The top decile, German customers only.',
      folder_id: FOLDERS.sales,
      query_id: query.id,
      user_id: '2',
      last_updater_id: '2',
      is_run_on_load: true,
      public: false,
      deleted: false,
      view_count: 0,
      url: `/looks/${look.id}`,
    })
    expect(typeof look.id).toBe('string')
    expect(sim.store.look(look.id)).toBeDefined()
    expect(look.query).toMatchObject({ id: query.id, filters: query.filters, limit: '20' })
    expect(look.folder?.id).toBe(FOLDERS.sales)
    expect(look.can).toMatchObject({ update: true, destroy: true, explore: true })
    expect(look.created_at).toBe(new Date(clock.now()).toISOString())
    expect((await analyst.get<ApiLookWithQuery>(`/looks/${look.id}`)).body).toEqual(look)
    const found = await analyst.get<{ id: string }[]>(
      `/looks/search?folder_id=${FOLDERS.sales}&title=Top 10%25 — Germany&deleted=false`,
    )
    expect(found.body.map((l) => l.id)).toEqual([look.id])
  })

  it('is a 422 with every missing or wrong field at once, in form order', async () => {
    const empty = await analyst.post('/looks', {})
    expect(empty.status).toBe(422)
    expect(fieldErrors(empty.body)).toEqual([
      { field: 'title', code: 'missing' },
      { field: 'folder_id', code: 'missing' },
      { field: 'query_id', code: 'missing' },
    ])
    const wrong = await analyst.post('/looks', {
      title: '  ',
      folder_id: FOLDERS.users,
      query_id: '999999',
      description: 42,
    })
    expect(fieldErrors(wrong.body)).toEqual([
      { field: 'title', code: 'missing' },
      { field: 'description', code: 'invalid' },
      { field: 'folder_id', code: 'invalid' },
      { field: 'query_id', code: 'not_found' },
    ])
    const tooLong = await analyst.post('/looks', {
      title: 'x'.repeat(256),
      folder_id: '999999',
      query_id: sim.store.data.queries[0]!.id,
    })
    expect(fieldErrors(tooLong.body)).toEqual([
      { field: 'title', code: 'too_long' },
      { field: 'folder_id', code: 'not_found' },
    ])
    expect((await analyst.post('/looks', ['not', 'an', 'object'])).status).toBe(400)
  })

  it('is a 409 when a live look in the folder has the title (any case); other folders and the trash do not count', async () => {
    const query = await variantOf(LOOKS.top10Pct, { 'users.country': 'Germany' })
    const taken = sim.store.look(LOOKS.top10Pct)!
    const clash = await analyst.post<{ message: string }>('/looks', {
      title: taken.title.toUpperCase(),
      folder_id: taken.folder_id,
      query_id: query.id,
    })
    expect(clash.status).toBe(409)
    expect(clash.body.message).toMatch(/^Resource Already Exists/)
    const elsewhere = await analyst.post('/looks', {
      title: taken.title,
      folder_id: FOLDERS.andyPersonal,
      query_id: query.id,
    })
    expect(elsewhere.status).toBe(200)
    const trashed = sim.store.look(LOOKS.oldPipelineDeleted)!
    const overTrash = await admin.post('/looks', {
      title: trashed.title,
      folder_id: trashed.folder_id,
      query_id: query.id,
    })
    expect(overTrash.status).toBe(200)
  })

  it('needs save_content (the viewer saves nothing, not even in their own folder) and edit access to the folder', async () => {
    const query = await variantOf(LOOKS.conversionPct)
    const before = sim.store.data.looks.length
    const own = await viewer.post('/looks', {
      title: 'Mine',
      folder_id: FOLDERS.veraPersonal,
      query_id: query.id,
    })
    expect(own.status).toBe(403)
    const invalidToo = await viewer.post('/looks', {})
    expect(invalidToo.status).toBe(403)
    const finance = await analyst.post<{ message: string }>('/looks', {
      title: 'Board view, EMEA',
      folder_id: FOLDERS.board,
      query_id: query.id,
    })
    expect(finance.status).toBe(403)
    expect(finance.body.message).toContain('Board')
    const othersFolder = await analyst.post('/looks', {
      title: 'Into Ada’s folder',
      folder_id: FOLDERS.adaPersonal,
      query_id: query.id,
    })
    expect(othersFolder.status).toBe(422) // not visible: "does not exist"
    expect(sim.store.data.looks).toHaveLength(before)
  })

  it('lets only an admin create a look owned by someone else', async () => {
    const query = await variantOf(LOOKS.top10Pct, { 'users.country': 'Germany' })
    const body = { title: 'For Andy', folder_id: FOLDERS.sales, query_id: query.id, user_id: '2' }
    expect((await analyst.post('/looks', { ...body, user_id: '1' })).status).toBe(403)
    const made = await admin.post<ApiLookWithQuery>('/looks', body)
    expect(made.status).toBe(200)
    expect(made.body).toMatchObject({ user_id: '2', last_updater_id: '1', user_name: 'Andy Analyst' })
  })
})

describe('update_look with query_id (apply a variant to the look, and undo)', () => {
  it('points the look at the new query and back', async () => {
    const original = sim.store.look(LOOKS.top10Pct)!.query_id
    const query = await variantOf(LOOKS.top10Pct, { 'users.country': 'Germany' })
    const applied = await analyst.patch<ApiLookWithQuery>(`/looks/${LOOKS.top10Pct}`, { query_id: query.id })
    expect(applied.status).toBe(200)
    expect(applied.body.query_id).toBe(query.id)
    expect(applied.body.query?.filters).toEqual(query.filters)
    const undone = await analyst.patch<ApiLookWithQuery>(`/looks/${LOOKS.top10Pct}`, { query_id: original })
    expect(undone.body.query_id).toBe(original)
    expect(sim.store.query(query.id)).toBeDefined() // queries are never deleted
  })

  it('is a 422 for an unknown query and a 403 for a look the caller may not edit', async () => {
    const unknown = await analyst.patch(`/looks/${LOOKS.top10Pct}`, { query_id: '999999' })
    expect(fieldErrors(unknown.body)).toEqual([{ field: 'query_id', code: 'not_found' }])
    const query = sim.store.data.queries[0]!
    expect((await viewer.patch(`/looks/${LOOKS.conversionPct}`, { query_id: query.id })).status).toBe(403)
    expect((await analyst.patch(`/looks/${LOOKS.grossMarginBoard}`, { query_id: query.id })).status).toBe(403)
  })
})

describe('persistence of created looks', () => {
  it('a snapshot carries the look and its query; a reset forgets both', async () => {
    const query = await variantOf(LOOKS.top10Pct, { 'users.country': 'Germany' })
    const look = (
      await analyst.post<ApiLookWithQuery>('/looks', {
        title: 'Kept',
        folder_id: FOLDERS.sales,
        query_id: query.id,
      })
    ).body
    const restored = createLookerSim({ lookCount: 60, snapshot: sim.snapshot() })
    const reloaded = await clientFor(restored, 'analyst').get<ApiLookWithQuery>(`/looks/${look.id}`)
    expect(reloaded.body).toMatchObject({ title: 'Kept', query_id: query.id })
    expect(reloaded.body.query?.slug).toBe(query.slug)
    // Ids keep counting after a restore: the next look does not reuse this one's id.
    const next = await clientFor(restored, 'analyst').post<ApiLookWithQuery>('/looks', {
      title: 'Next',
      folder_id: FOLDERS.sales,
      query_id: query.id,
    })
    expect(Number(next.body.id)).toBeGreaterThan(Number(look.id))
    restored.reset()
    expect(restored.store.look(look.id)).toBeUndefined()
    expect(restored.store.query(query.id)).toBeUndefined()
  })
})
