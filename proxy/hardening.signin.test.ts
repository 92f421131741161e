// @vitest-environment node
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { rawRequest, type RawResponse } from '../server/test/http.ts'
import { SESSION_DEFAULTS } from './lookerSession.ts'
import type { FakeLookerMode } from './test/fakeLooker.ts'
import { HOST_KINDS, proxyUnderTest, type AppHost } from './test/hosts.ts'

/**
 * Issue 12's findings about who may make the proxy act and sign in, and what it says, over real HTTP
 * against `npm start` and the Vite dev server.
 */
const SECRET = randomBytes(18).toString('hex')
const KEY = { LOOKER_CLIENT_ID: 'sec-analyst', LOOKER_CLIENT_SECRET: SECRET }
const json = (res: RawResponse) => JSON.parse(res.body.toString()) as Record<string, unknown>
/** What another site's page sends when it POSTs here with mode: 'no-cors' (a "simple" request). */
const FROM_ANOTHER_SITE = { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }
/** At most: the sign-in at start, then the burst of forced ones. */
const MAX_LOGINS = 1 + SESSION_DEFAULTS.forcedBurst

describe.each(HOST_KINDS)('%s: sign-ins, callers and messages', { timeout: 90_000 }, (kind) => {
  const proxy = proxyUnderTest(kind, KEY)
  let app: AppHost
  const connectToFake = async (mode?: Partial<FakeLookerMode>) => {
    const started = await proxy.toFake(mode)
    app = started.app
    return started
  }
  const session = (headers: Record<string, string> = {}) =>
    rawRequest(`${app.url}/__lookbook/session`, { method: 'POST', headers })

  it('refuses /__lookbook/* to other sites, and answers no CORS request', async () => {
    const { fake } = await connectToFake()
    for (let i = 0; i < 20; i++) expect((await session(FROM_ANOTHER_SITE)).status).toBe(403)
    expect(fake.logins()).toBe(1) // the sign-in at start only
    // A page on another port of localhost: same site, another origin.
    const fromLocalhost = { Origin: 'http://localhost:3000', 'Sec-Fetch-Site': 'same-site' }
    const config = await rawRequest(`${app.url}/__lookbook/config`, { headers: fromLocalhost })
    expect(config.status).toBe(403)
    expect(json(config)).toMatchObject({ lookbook_proxy_problem: 'cross_site' })
    const preflight = await rawRequest(`${app.url}/__lookbook/config`, {
      method: 'OPTIONS',
      headers: { ...fromLocalhost, 'Access-Control-Request-Method': 'GET' },
    })
    for (const res of [config, preflight])
      expect(res.headers['access-control-allow-origin'], 'CORS header').toBeUndefined()
  })

  it('refuses a host name it is not known by (DNS rebinding), where Origin and Host agree', async () => {
    app = await proxy.toSimulator()
    const port = new URL(app.url).port
    const rebound = {
      Host: `rebind.attacker.test:${port}`,
      Origin: `http://rebind.attacker.test:${port}`,
      'Sec-Fetch-Site': 'same-origin',
    }
    for (const path of ['/__lookbook/config', '/api/4.0/user']) {
      const res = await rawRequest(`${app.url}${path}`, { headers: rebound })
      expect(res.status, path).toBe(403)
      expect(res.body.toString(), path).not.toContain('Andy')
    }
    // Loopback names and addresses are this machine: the app itself.
    const local = await rawRequest(`${app.url}/api/4.0/user`, { headers: { Host: `localhost:${port}` } })
    expect(local.status).toBe(200)
  })

  it('paces forced sign-ins: 20 "Try again" make at most a few logins', async () => {
    const { fake } = await connectToFake()
    for (let i = 0; i < 20; i++) {
      const res = await session()
      expect(res.status).toBe(200)
      expect(json(res)).toMatchObject({ mode: 'proxy', status: 'ok' })
    }
    expect(fake.logins()).toBeLessThanOrEqual(MAX_LOGINS)
  })

  it('paces sign-ins forced by 401s: 20 refused requests make at most a few logins', async () => {
    const { fake } = await connectToFake()
    await session() // signed in
    fake.mode.refuseTokens = true
    for (let i = 0; i < 20; i++) expect((await rawRequest(`${app.url}/api/4.0/user`)).status).toBe(401)
    expect(fake.logins()).toBeLessThanOrEqual(MAX_LOGINS)
  })

  it('logs out the token a new sign-in replaces', async () => {
    app = await proxy.toSimulator()
    expect((await rawRequest(`${app.url}/api/4.0/user`)).status).toBe(200)
    const { looker } = proxy
    const first = [...looker.sim.store.tokens.keys()].at(-1)!
    await session()
    expect((await rawRequest(`${app.url}/api/4.0/user`)).status).toBe(200)
    await expect
      .poll(() => looker.sim.requestLog.some((e) => e.path === '/logout' && e.status === 204))
      .toBe(true)
    expect(looker.sim.store.tokens.has(first)).toBe(false)
  })

  it('never reflects an upstream error text, and keeps the secret out of the log', async () => {
    await connectToFake({ login: 'echo_error' })
    const config = await rawRequest(`${app.url}/__lookbook/config`)
    expect(json(config)).toMatchObject({
      mode: 'proxy',
      status: 'error',
      problem: { kind: 'upstream', message: expect.stringMatching(/HTTP 500/) as string },
    })
    const api = await rawRequest(`${app.url}/api/4.0/user`)
    expect(api.status).toBe(502)
    for (const text of [config.body.toString(), api.body.toString(), app.output()]) {
      expect(text).not.toContain(SECRET)
      expect(text).not.toMatch(/client_secret/)
    }
    expect(app.output()).toMatch(/could not sign in \(HTTP 500/)
  })

  it('forbids framing the app (clickjacking) on every page', async () => {
    app = await proxy.toSimulator()
    const page = await rawRequest(`${app.url}/looks/7`, { headers: { Accept: 'text/html' } })
    expect(page.status).toBe(200)
    expect(page.headers['x-frame-options']).toBe('DENY')
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/)
  })
})
