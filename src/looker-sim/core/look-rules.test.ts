// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiLook, ApiLookWithQuery } from './api-types'
import { ManualClock } from './clock'
import type { ApiError, ApiValidationError } from './errors'
import { createLookerSim, type LookerSim } from './sim'
import { clientFor, FOLDERS, LOOKS, type TestClient } from './test-client'

let sim: LookerSim
let clock: ManualClock
let admin: TestClient
let analyst: TestClient
let viewer: TestClient

beforeEach(() => {
  clock = new ManualClock()
  sim = createLookerSim({ lookCount: 80, clock })
  admin = clientFor(sim, 'admin')
  analyst = clientFor(sim, 'analyst')
  viewer = clientFor(sim, 'viewer')
})

const DOCS = /^https:\/\/cloud\.google\.com\/looker\/docs\/r\/err\/4\.0\/\d{3}\//

describe('update_look', () => {
  it('applies writable fields, ignores read-only ones, and stamps updated_at and last_updater_id', async () => {
    const before = sim.store.look(LOOKS.top10Pct)
    const reply = await analyst.patch<ApiLookWithQuery>(`/looks/${LOOKS.top10Pct}`, {
      title: 'Top decile customers',
      description: 'New words',
      view_count: 999_999,
      id: '12345',
    })
    expect(reply.status).toBe(200)
    expect(reply.body).toMatchObject({
      id: LOOKS.top10Pct,
      title: 'Top decile customers',
      description: 'New words',
      view_count: before?.view_count,
      last_updater_id: '2',
      updated_at: new Date(clock.now()).toISOString(),
    })
    expect(reply.body.query?.id).toBe(before?.query_id)
  })

  it('refuses a blank title with a "missing" field error', async () => {
    const reply = await admin.patch<ApiValidationError>(`/looks/${LOOKS.top10Pct}`, { title: '   ' })
    expect(reply.status).toBe(422)
    expect(reply.body).toMatchObject({
      message: 'Validation Failed',
      errors: [{ field: 'title', code: 'missing' }],
    })
    expect(reply.body.documentation_url).toMatch(DOCS)
    expect(reply.body.errors[0]?.documentation_url).toMatch(DOCS)
  })

  it('reports every invalid field at once: long title, wrong types, unknown folder', async () => {
    const reply = await admin.patch<ApiValidationError>(`/looks/${LOOKS.top10Pct}`, {
      title: 'x'.repeat(256),
      is_run_on_load: 'yes',
      description: 42,
      folder_id: '9999',
    })
    expect(reply.status).toBe(422)
    expect(reply.body.errors.map((e) => [e.field, e.code])).toEqual([
      ['title', 'too_long'],
      ['description', 'invalid'],
      ['is_run_on_load', 'invalid'],
      ['folder_id', 'not_found'],
    ])
  })

  it('answers 400 to a body that is not JSON, or not an object', async () => {
    expect((await admin.patch(`/looks/${LOOKS.top10Pct}`, '{"title":')).status).toBe(400)
    expect((await admin.patch(`/looks/${LOOKS.top10Pct}`, '[1,2]')).status).toBe(400)
  })

  it('refuses a title already used in the same folder with 409', async () => {
    const sibling = sim.store.data.looks.find(
      (l) => l.folder_id === FOLDERS.sales && l.id !== LOOKS.top10Pct && !l.deleted,
    )
    const reply = await admin.patch<ApiError>(`/looks/${LOOKS.top10Pct}`, {
      title: sibling?.title.toUpperCase(),
    })
    expect(reply.status).toBe(409)
    expect(reply.body.message).toMatch(/already/)
  })

  it('is forbidden (403) where the can map says no', async () => {
    const reply = await viewer.patch<ApiError>(`/looks/${LOOKS.utmSource}`, { title: 'Mine now' })
    expect(reply.status).toBe(403)
    expect(reply.body.message).toMatch(/permission/)
    expect(reply.body.documentation_url).toMatch(DOCS)
    expect((await analyst.patch(`/looks/${LOOKS.grossMarginBoard}`, { title: 'x' })).status).toBe(403)
  })

  it("refuses the viewer even in their own personal folder (Looker's Viewer role has no save_content)", async () => {
    const own = `/looks/${LOOKS.veraSaved}`
    expect((await viewer.patch(own, { title: 'Mine' })).status).toBe(403)
    expect((await viewer.patch(own, { deleted: true })).status).toBe(403)
    expect((await viewer.del(own)).status).toBe(403)
    expect((await viewer.post(`${own}/copy?folder_id=${FOLDERS.veraPersonal}`)).status).toBe(403)
    expect(sim.store.look(LOOKS.veraSaved)).toMatchObject({ deleted: false })
  })

  it('cannot move a look into a folder the caller may not edit', async () => {
    const reply = await analyst.patch(`/looks/${LOOKS.top10Pct}`, { folder_id: FOLDERS.board })
    expect(reply.status).toBe(403)
  })
})

describe('errors Looker-style', () => {
  it('401 without a token, with a bad token, and after the token expires', async () => {
    const anonymous = clientFor(sim, null)
    const reply = await anonymous.get<ApiError>('/looks/search')
    expect(reply.status).toBe(401)
    expect(reply.body).toEqual({
      message: 'Requires authentication.',
      documentation_url: expect.stringMatching(DOCS) as unknown,
    })

    const bad = await sim.handle(
      new Request('http://sim.test/api/4.0/user', { headers: { Authorization: 'token nope' } }),
    )
    expect(bad.status).toBe(401)

    clock.advance(3600 * 1000)
    expect((await admin.get('/user')).status).toBe(401)
  })

  it('accepts both "token X" and "Bearer X"', async () => {
    const token = sim.issueToken('demo-admin')
    for (const scheme of ['token', 'Bearer']) {
      const reply = await sim.handle(
        new Request('http://sim.test/api/4.0/user', { headers: { Authorization: `${scheme} ${token}` } }),
      )
      expect(reply.status).toBe(200)
    }
  })

  it('404 "Not found" for unknown ids, with a documentation_url for the operation', async () => {
    const reply = await admin.get<ApiError>('/looks/99999')
    expect(reply.status).toBe(404)
    expect(reply.body).toEqual({
      message: 'Not found',
      documentation_url: 'https://cloud.google.com/looker/docs/r/err/4.0/404/get/looks/:look_id',
    })
  })

  it("404 for another user's personal look, so its existence is not revealed", async () => {
    expect((await analyst.get(`/looks/${LOOKS.user4Draft}`)).status).toBe(404)
    expect((await analyst.patch(`/looks/${LOOKS.user4Draft}`, { title: 'x' })).status).toBe(404)
    expect((await admin.get(`/looks/${LOOKS.user4Draft}`)).status).toBe(200)
  })

  it('404 JSON for paths outside /api/4.0 and for unknown operations', async () => {
    const outside = await sim.handle(new Request('http://sim.test/somewhere'))
    expect(outside.status).toBe(404)
    expect(await outside.json()).toMatchObject({ message: 'Not found' })
    expect((await admin.get('/no/such/thing')).status).toBe(404)
  })
})

describe('soft delete and restore', () => {
  it('round-trips: delete stamps deleted_at and deleter_id, restore clears them', async () => {
    const deleted = await admin.patch<ApiLookWithQuery>(`/looks/${LOOKS.top10Pct}`, { deleted: true })
    expect(deleted.body).toMatchObject({
      deleted: true,
      deleter_id: '1',
      deleted_at: new Date(clock.now()).toISOString(),
    })
    const trash = await admin.get<ApiLook[]>(`/looks/search?deleted=true&id=${LOOKS.top10Pct}`)
    expect(trash.body.map((l) => l.id)).toEqual([LOOKS.top10Pct])
    expect((await admin.get<ApiLook[]>(`/looks/search?id=${LOOKS.top10Pct}`)).body).toEqual([])

    const restored = await admin.patch<ApiLookWithQuery>(`/looks/${LOOKS.top10Pct}`, { deleted: false })
    expect(restored.body).toMatchObject({ deleted: false, deleted_at: null, deleter_id: null })
    expect((await admin.get<ApiLook[]>(`/looks/search?id=${LOOKS.top10Pct}`)).body).toHaveLength(1)
  })

  it('a deleted look disappears for non-admins', async () => {
    await analyst.patch(`/looks/${LOOKS.top10Pct}`, { deleted: true })
    clock.advance(30 * 60 * 1000) // past any undo grace period, within the token lifetime
    expect((await analyst.get(`/looks/${LOOKS.top10Pct}`)).status).toBe(404)
    expect((await viewer.get(`/looks/${LOOKS.top10Pct}`)).status).toBe(404)
  })

  it('only an admin can restore a look from the trash (403 for others)', async () => {
    const reply = await analyst.patch<ApiError>(`/looks/${LOOKS.oldPipelineDeleted}`, { deleted: false })
    expect(reply.status).toBe(403)
    expect(reply.body.message).toMatch(/admin/)
    expect((await admin.patch(`/looks/${LOOKS.oldPipelineDeleted}`, { deleted: false })).status).toBe(200)
  })
})

describe('delete_look (permanent)', () => {
  it('answers 204, then the look is gone (404) along with its favourites', async () => {
    const reply = await admin.del(`/looks/${LOOKS.conversionPct}`)
    expect(reply.status).toBe(204)
    expect(reply.body).toBeUndefined()
    expect((await admin.get(`/looks/${LOOKS.conversionPct}`)).status).toBe(404)
    expect(sim.store.data.favorites.some((f) => f.look_id === LOOKS.conversionPct)).toBe(false)
  })

  it('requires destroy: a viewer gets 403', async () => {
    expect((await viewer.del(`/looks/${LOOKS.utmSource}`)).status).toBe(403)
    expect(sim.store.look(LOOKS.utmSource)).toBeDefined()
  })
})

describe('copy_look', () => {
  it('creates exactly one new look in the target folder with the same query, owned by the caller', async () => {
    const source = sim.store.look(LOOKS.utmSource)
    const before = sim.store.data.looks.length
    const reply = await analyst.post<ApiLookWithQuery>(
      `/looks/${LOOKS.utmSource}/copy?folder_id=${FOLDERS.andyPersonal}`,
    )
    expect(reply.status).toBe(200)
    expect(sim.store.data.looks.length).toBe(before + 1)
    expect(reply.body).toMatchObject({
      title: 'utm_source breakdown',
      folder_id: FOLDERS.andyPersonal,
      query_id: source?.query_id,
      user_id: '2',
      view_count: 0,
      deleted: false,
    })
    expect(reply.body.id).not.toBe(LOOKS.utmSource)
    expect(reply.body.query?.id).toBe(source?.query_id)
  })

  it('copies into the same folder by default, renaming to "(copy)", then "(copy 2)"', async () => {
    const first = await admin.post<ApiLookWithQuery>(`/looks/${LOOKS.utmSource}/copy`)
    const second = await admin.post<ApiLookWithQuery>(`/looks/${LOOKS.utmSource}/copy`)
    expect(first.body).toMatchObject({ folder_id: FOLDERS.campaigns, title: 'utm_source breakdown (copy)' })
    expect(second.body.title).toBe('utm_source breakdown (copy 2)')
  })

  it('is 403 into a folder the caller cannot edit and 404 into one that does not exist', async () => {
    expect((await analyst.post(`/looks/${LOOKS.utmSource}/copy?folder_id=${FOLDERS.finance}`)).status).toBe(
      403,
    )
    expect((await analyst.post(`/looks/${LOOKS.utmSource}/copy?folder_id=4242`)).status).toBe(404)
  })
})

describe('move_look', () => {
  it('changes folder_id and nothing else', async () => {
    const before = (await analyst.get<ApiLookWithQuery>(`/looks/${LOOKS.top10Pct}`)).body
    const reply = await analyst.patch<ApiLookWithQuery>(
      `/looks/${LOOKS.top10Pct}/move?folder_id=${FOLDERS.web}`,
    )
    expect(reply.status).toBe(200)
    const strip = ({ folder_id: _f, folder: _g, ...rest }: ApiLookWithQuery) => rest
    expect(reply.body.folder_id).toBe(FOLDERS.web)
    expect(strip(reply.body)).toEqual(strip(before))
  })

  it('to the folder it is already in is refused with a clear message on folder_id', async () => {
    const reply = await admin.patch<ApiValidationError>(
      `/looks/${LOOKS.utmSource}/move?folder_id=${FOLDERS.campaigns}`,
    )
    expect(reply.status).toBe(422)
    expect(reply.body.errors).toEqual([
      expect.objectContaining({
        field: 'folder_id',
        message: expect.stringMatching(/already in folder "Campaigns"/) as unknown,
      }),
    ])
  })

  it('is 409 when the target folder has a look with the same title', async () => {
    await admin.post(`/looks/${LOOKS.utmSource}/copy?folder_id=${FOLDERS.web}`)
    const reply = await admin.patch<ApiError>(`/looks/${LOOKS.utmSource}/move?folder_id=${FOLDERS.web}`)
    expect(reply.status).toBe(409)
  })

  it('is 403 for a viewer and 400 without folder_id', async () => {
    expect((await viewer.patch(`/looks/${LOOKS.utmSource}/move?folder_id=${FOLDERS.web}`)).status).toBe(403)
    expect((await admin.patch(`/looks/${LOOKS.utmSource}/move`)).status).toBe(400)
  })
})
