// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import type { ApiAccessToken, ApiVersion } from './api-types'
import { ManualClock } from './clock'
import { buildSeedData } from './seed'
import { createLookerSim } from './sim'
import { clientFor, LOOKS, TEST_ORIGIN } from './test-client'

const login = (sim: ReturnType<typeof createLookerSim>, body: string, query = '') =>
  sim.handle(
    new Request(`${TEST_ORIGIN}/api/4.0/login${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    }),
  )

describe('seeded data', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = buildSeedData({ seed: 1, lookCount: 300 })
    expect(buildSeedData({ seed: 1, lookCount: 300 })).toEqual(a)
    expect(buildSeedData({ seed: 2, lookCount: 300 }).looks.map((l) => l.title)).not.toEqual(
      a.looks.map((l) => l.title),
    )
  })

  it('has the documented shape: 15 users, 38 folders, ~8% of looks in the trash', () => {
    const data = buildSeedData({ seed: 42, lookCount: 300 })
    expect(data.users).toHaveLength(15)
    expect(data.folders).toHaveLength(38)
    expect(data.looks).toHaveLength(300)
    expect(data.looks.filter((l) => l.deleted)).toHaveLength(24)
    expect(data.dashboards.length).toBeGreaterThanOrEqual(5)
    expect(data.looks.filter((l) => l.public).length).toBeGreaterThan(0)
  })

  it('keeps titles unique within each folder', () => {
    const data = buildSeedData({ seed: 42, lookCount: 2000 })
    const keys = data.looks.map((l) => `${l.folder_id}:${l.title.toLowerCase()}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('spreads timestamps over the two years before 2026-11-01, whatever the real date', () => {
    const data = buildSeedData({ seed: 42, lookCount: 300 })
    const reference = Date.UTC(2026, 10, 1)
    for (const look of data.looks) {
      const created = Date.parse(look.created_at)
      expect(created).toBeGreaterThan(reference - 731 * 86_400_000)
      expect(Date.parse(look.updated_at)).toBeGreaterThanOrEqual(created)
      expect(Date.parse(look.updated_at)).toBeLessThanOrEqual(reference)
    }
  })
})

describe('login, logout and versions', () => {
  it('exchanges form-encoded API3 keys for a bearer token', async () => {
    const sim = createLookerSim({ lookCount: 20 })
    const reply = await login(sim, 'client_id=demo-viewer&client_secret=demo-viewer-secret')
    expect(reply.status).toBe(200)
    const token = (await reply.json()) as ApiAccessToken
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 3600 })
    const me = await sim.handle(
      new Request(`${TEST_ORIGIN}/api/4.0/user`, {
        headers: { Authorization: `token ${token.access_token}` },
      }),
    )
    expect(((await me.json()) as { id: string }).id).toBe('3')
  })

  it('also accepts the keys as query parameters', async () => {
    const sim = createLookerSim({ lookCount: 20 })
    expect((await login(sim, '', '?client_id=demo-admin&client_secret=demo-admin-secret')).status).toBe(200)
  })

  it('answers wrong credentials with 404 "Not found", as Looker does', async () => {
    const sim = createLookerSim({ lookCount: 20 })
    const reply = await login(sim, 'client_id=demo-admin&client_secret=wrong')
    expect(reply.status).toBe(404)
    expect(await reply.json()).toMatchObject({
      message: 'Not found',
      documentation_url: expect.any(String) as unknown,
    })
  })

  it('logout invalidates the token (204, then 401)', async () => {
    const sim = createLookerSim({ lookCount: 20 })
    const admin = clientFor(sim, 'admin')
    expect((await admin.del('/logout')).status).toBe(204)
    expect((await admin.get('/user')).status).toBe(401)
  })

  it('honours tokenTtlSeconds', async () => {
    const clock = new ManualClock()
    const sim = createLookerSim({ lookCount: 20, clock, tokenTtlSeconds: 60 })
    const admin = clientFor(sim, 'admin')
    clock.advance(59_000)
    expect((await admin.get('/user')).status).toBe(200)
    clock.advance(1_000)
    expect((await admin.get('/user')).status).toBe(401)
  })

  it('serves /versions without a token, with URLs from the request origin', async () => {
    const sim = createLookerSim({ lookCount: 20 })
    const reply = await clientFor(sim, null).get<ApiVersion>('/versions')
    expect(reply.status).toBe(200)
    expect(reply.body).toMatchObject({
      looker_release_version: '26.12.3',
      current_version: { version: '4.0', full_version: '4.0.26.12', status: 'current' },
      api_server_url: TEST_ORIGIN,
      web_server_url: TEST_ORIGIN,
    })
  })
})

describe('snapshot, reset, change listeners and the request log', () => {
  it('a snapshot restores every change into a new simulator', async () => {
    const sim = createLookerSim({ lookCount: 40 })
    const admin = clientFor(sim, 'admin')
    await admin.patch(`/looks/${LOOKS.top10Pct}`, { title: 'Renamed' })
    await admin.del(`/looks/${LOOKS.utmSource}`)
    const copy = await admin.post<{ id: string }>(`/looks/${LOOKS.mrrByPlan}/copy`)
    const snapshot = JSON.parse(JSON.stringify(sim.snapshot())) as ReturnType<typeof sim.snapshot>

    const restored = createLookerSim({ lookCount: 40, snapshot })
    expect(restored.store.look(LOOKS.top10Pct)?.title).toBe('Renamed')
    expect(restored.store.look(LOOKS.utmSource)).toBeUndefined()
    expect(restored.store.look(copy.body.id)).toBeDefined()
    // Sessions survive too, so a reloaded demo page keeps its token.
    expect((await clientFor(restored, 'admin').get('/user')).status).toBe(200)
    const next = await clientFor(restored, 'admin').post<{ id: string }>(`/looks/${LOOKS.mrrByPlan}/copy`)
    expect(Number(next.body.id)).toBe(Number(copy.body.id) + 1)
  })

  it('a snapshot from another seed or look count is ignored', () => {
    const other = createLookerSim({ lookCount: 30 }).snapshot()
    const sim = createLookerSim({ lookCount: 40, snapshot: other })
    expect(sim.store.data.looks).toHaveLength(40)
  })

  it('reset() brings back the seeded data', async () => {
    const sim = createLookerSim({ lookCount: 40 })
    const admin = clientFor(sim, 'admin')
    await admin.del(`/looks/${LOOKS.utmSource}`)
    sim.reset()
    expect(sim.store.look(LOOKS.utmSource)?.title).toBe('utm_source breakdown')
    expect((await admin.get('/user')).status).toBe(200)
  })

  it('onChange fires after successful mutations only', async () => {
    const sim = createLookerSim({ lookCount: 40 })
    const admin = clientFor(sim, 'admin')
    const listener = vi.fn()
    const unsubscribe = sim.onChange(listener)
    await admin.get(`/looks/${LOOKS.top10Pct}`)
    await admin.patch(`/looks/${LOOKS.top10Pct}`, { title: '' })
    expect(listener).not.toHaveBeenCalled()
    await admin.patch(`/looks/${LOOKS.top10Pct}`, { title: 'Fine' })
    expect(listener).toHaveBeenCalledTimes(1)
    unsubscribe()
    await admin.patch(`/looks/${LOOKS.top10Pct}`, { title: 'Again' })
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('logs method, path, status and time of each request, keeping the last 5,000', async () => {
    const clock = new ManualClock()
    const sim = createLookerSim({ lookCount: 20, clock })
    const admin = clientFor(sim, 'admin')
    await admin.get('/looks/search?title=x')
    await admin.get('/looks/424242')
    expect(sim.requestLog).toEqual([
      expect.objectContaining({ method: 'GET', path: '/looks/search', status: 200, at: clock.now() }),
      expect.objectContaining({ method: 'GET', path: '/looks/424242', status: 404, at: clock.now() }),
    ])
    for (let i = 0; i < 5001; i++) await admin.get('/versions')
    expect(sim.requestLog).toHaveLength(5000)
  })
})
