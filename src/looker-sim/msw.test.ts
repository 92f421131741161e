// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { server as appTestServer } from '../test/server'
import { createLookerSim } from './core/sim'
import { createSimServer } from './node'

// The shared test setup runs its own msw server; step it aside so this file's server is the only one.
const sim = createLookerSim({ lookCount: 40 })
const server = createSimServer(sim)
beforeAll(() => {
  appTestServer.close()
  server.listen({ onUnhandledRequest: 'error' })
})
afterAll(() => {
  server.close()
  appTestServer.listen({ onUnhandledRequest: 'error' })
})

const API = 'https://any-looker.example/api/4.0'

describe('the msw adapter', () => {
  it('serves the simulator to global fetch under any origin', async () => {
    const login = await fetch(`${API}/login`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'demo-admin', client_secret: 'demo-admin-secret' }),
    })
    expect(login.status).toBe(200)
    const { access_token } = (await login.json()) as { access_token: string }
    const search = await fetch(`${API}/looks/search?title=utm_source%25&fields=id,title`, {
      headers: { Authorization: `Bearer ${access_token}` },
    })
    expect(search.status).toBe(200)
    expect(search.headers.get('X-Total-Count')).toBe('1')
    expect(await search.json()).toEqual([{ id: '2', title: 'utm_source breakdown' }])
  })

  it('turns an injected drop into a network error (fetch rejects with TypeError)', async () => {
    sim.faults.setRules([{ kind: 'drop', rate: 1, path: '/versions' }])
    await expect(fetch(`${API}/versions`)).rejects.toThrow(TypeError)
    sim.faults.setRules([])
    expect((await fetch(`${API}/versions`)).status).toBe(200)
  })
})
