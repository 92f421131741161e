// @vitest-environment node
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { http, passthrough } from 'msw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../src/looker-sim/core'
import { startSimServer, type SimServer } from '../src/looker-sim/server'
import { server as mswServer } from '../src/test/server'
import { readProxySetup, type ProxySetup } from './config.ts'
import { LookerGateway, type LookbookRuntimeConfig } from './gateway.ts'

const ANALYST = { id: 'demo-analyst', secret: 'demo-analyst-secret' }
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }

let looker: SimServer
let app: Server
let appUrl: string
let clock: ManualClock

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** The app's server with the gateway in front, as vite dev/preview and `npm start` run it. */
async function startApp(setup: ProxySetup) {
  const gateway = new LookerGateway(setup, { logger: quiet })
  const proxy = gateway.proxy
  if (proxy) await proxy.session.accessToken().catch(() => undefined)
  app = createServer((req, res) => gateway.handle(req, res, () => res.writeHead(404).end('static file')))
  appUrl = await listen(app)
  return proxy
}

const env = (base: string, id = ANALYST.id, secret = ANALYST.secret) =>
  readProxySetup({ LOOKER_BASE_URL: base, LOOKER_CLIENT_ID: id, LOOKER_CLIENT_SECRET: secret })

const logins = () => looker.sim.requestLog.filter((e) => e.path === '/login')

beforeEach(async () => {
  // Real sockets in these tests: let them past the component tests' msw catch-all.
  mswServer.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()))
  clock = new ManualClock(Date.UTC(2026, 10, 23, 9))
  looker = await startSimServer({
    log: false,
    clock,
    tokenTtlSeconds: 3600,
    tasks: { renderDurationMs: { min: 0, max: 0 } },
  })
})

afterEach(async () => {
  app?.closeAllConnections()
  await new Promise((resolve) => app?.close(resolve))
  await looker.close()
})

describe('the Looker proxy', () => {
  it('signs in on the server and forwards a search, passing X-Total-Count through', async () => {
    await startApp(env(looker.url))
    const res = await fetch(`${appUrl}/api/4.0/looks/search?title=%25&limit=5&fields=id,title`)
    expect(res.status).toBe(200)
    expect(Number(res.headers.get('x-total-count'))).toBeGreaterThan(5)
    expect(((await res.json()) as unknown[]).length).toBe(5)
    expect(logins().map((e) => e.status)).toEqual([200])
  })

  it('answers the browser with the mode and hosts, never the secret or the token', async () => {
    await startApp(env(looker.url))
    const res = await fetch(`${appUrl}/__lookbook/config`)
    const text = await res.text()
    const config = JSON.parse(text) as LookbookRuntimeConfig
    expect(config).toEqual({
      mode: 'proxy',
      status: 'ok',
      lookerHost: new URL(looker.url).host,
      lookerWebUrl: looker.url,
    })
    expect(text).not.toContain(ANALYST.secret)
    for (const token of looker.sim.store.tokens.keys()) expect(text).not.toContain(token)
  })

  it('streams a rendered PNG back byte for byte', async () => {
    await startApp(env(looker.url))
    const look = (await (await fetch(`${appUrl}/api/4.0/looks/search?limit=1&fields=id`)).json()) as {
      id: string
    }[]
    const created = await fetch(
      `${appUrl}/api/4.0/render_tasks/looks/${look[0].id}/png?width=400&height=300`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      },
    )
    expect(created.status).toBe(200)
    const task = (await created.json()) as { id: string }
    let results = await fetch(`${appUrl}/api/4.0/render_tasks/${task.id}/results`)
    for (let i = 0; results.status === 202 && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 50))
      results = await fetch(`${appUrl}/api/4.0/render_tasks/${task.id}/results`)
    }
    expect(results.status).toBe(200)
    expect(results.headers.get('content-type')).toContain('image/png')
    const bytes = new Uint8Array(await results.arrayBuffer())
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(Number(results.headers.get('content-length'))).toBe(bytes.length)
  })

  it('renews the token before it expires, so the browser never sees a 401', async () => {
    const proxy = await startApp(env(looker.url))
    const session = proxy!.session
    // Drive the proxy's clock with the simulator's: an hour passes between two searches.
    ;(session as unknown as { now: () => number }).now = () => clock.now()
    await session.accessToken({ force: true })
    expect((await fetch(`${appUrl}/api/4.0/user`)).status).toBe(200)
    clock.advance(3600_000 - 30_000)
    expect((await fetch(`${appUrl}/api/4.0/user`)).status).toBe(200)
    expect(looker.sim.requestLog.filter((e) => e.status === 401)).toEqual([])
    expect(logins().length).toBeGreaterThanOrEqual(2)
  })

  it('signs in again and repeats the request once when Looker refuses the token', async () => {
    await startApp(env(looker.url))
    expect((await fetch(`${appUrl}/api/4.0/user`)).status).toBe(200)
    looker.sim.store.tokens.clear() // e.g. the instance restarted, or an admin revoked the session
    const res = await fetch(`${appUrl}/api/4.0/user`)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { id: string }).id).toBe('2')
    const tail = looker.sim.requestLog.slice(-3).map((e) => `${e.path} ${e.status}`)
    expect(tail).toEqual(['/user 401', '/login 200', '/user 200'])
  })

  it('passes 429 and Retry-After through untouched', async () => {
    await startApp(env(looker.url))
    looker.sim.faults.setRules([{ kind: 429, rate: 1, path: '/looks/search', retryAfterSeconds: 7 }])
    const res = await fetch(`${appUrl}/api/4.0/looks/search`)
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('7')
  })

  it('passes validation errors (422) through with their body', async () => {
    await startApp(env(looker.url))
    const look = (await (await fetch(`${appUrl}/api/4.0/looks/search?limit=1&fields=id`)).json()) as {
      id: string
    }[]
    const res = await fetch(`${appUrl}/api/4.0/looks/${look[0].id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: '' }),
    })
    expect(res.status).toBe(422)
    expect(((await res.json()) as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0)
  })

  it('explains wrong credentials in the config answer and on every API call', async () => {
    await startApp(env(looker.url, ANALYST.id, 'not-the-secret'))
    const config = (await (await fetch(`${appUrl}/__lookbook/config`)).json()) as LookbookRuntimeConfig
    expect(config).toMatchObject({ mode: 'proxy', status: 'error', problem: { kind: 'credentials' } })
    expect(JSON.stringify(config)).toMatch(/refused the API key.*LOOKER_CLIENT_ID and LOOKER_CLIENT_SECRET/)
    const res = await fetch(`${appUrl}/api/4.0/looks/search`)
    expect(res.status).toBe(502)
    expect(((await res.json()) as { message: string }).message).toMatch(/refused the API key/)
  })

  it('explains an unreachable host', async () => {
    const gone = createServer()
    const port = new URL(await listen(gone)).port
    await new Promise((resolve) => gone.close(resolve)) // nothing listens on that port any more
    await startApp(env(`http://127.0.0.1:${port}`))
    const res = await fetch(`${appUrl}/api/4.0/user`)
    expect(res.status).toBe(502)
    expect(((await res.json()) as { message: string }).message).toMatch(/Could not reach Looker at .*refused/)
  })

  it('explains a URL that is not a Looker API', async () => {
    const web = createServer((_req, res) =>
      res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Nope</h1>'),
    )
    const webUrl = await listen(web)
    try {
      await startApp(env(webUrl))
      const config = (await (await fetch(`${appUrl}/__lookbook/config`)).json()) as LookbookRuntimeConfig
      expect(config).toMatchObject({ status: 'error', problem: { kind: 'not_looker' } })
    } finally {
      web.close()
    }
  })

  it('refuses calls another site makes through a visitor’s browser', async () => {
    await startApp(env(looker.url))
    const res = await fetch(`${appUrl}/api/4.0/looks/1`, {
      method: 'DELETE',
      headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    })
    expect(res.status).toBe(403)
    expect(looker.sim.requestLog.filter((e) => e.method === 'DELETE')).toEqual([])
  })

  it('stays out of the way in demo mode', async () => {
    await startApp({ kind: 'off' })
    expect(await (await fetch(`${appUrl}/__lookbook/config`)).json()).toEqual({ mode: 'demo' })
    expect(await (await fetch(`${appUrl}/api/4.0/user`)).text()).toBe('static file')
  })
})

describe('reading the proxy settings', () => {
  it('is off when none of the three variables is set', () => {
    expect(readProxySetup({})).toEqual({ kind: 'off' })
  })

  it('names the missing variable', () => {
    const setup = readProxySetup({ LOOKER_BASE_URL: 'https://acme.looker.com', LOOKER_CLIENT_ID: 'x' })
    expect(setup).toMatchObject({
      kind: 'invalid',
      problem: expect.stringMatching(/^LOOKER_CLIENT_SECRET is not set/) as string,
    })
  })

  it('refuses a value that is not an http(s) URL', () => {
    expect(env('acme.looker.com')).toMatchObject({
      kind: 'invalid',
      problem: expect.stringMatching(/is not a URL/) as string,
    })
    expect(env('ftp://acme.looker.com')).toMatchObject({
      kind: 'invalid',
      problem: expect.stringMatching(/https:\/\//) as string,
    })
  })

  it('accepts the API host with or without /api/4.0 and a trailing slash', () => {
    expect(env('https://acme.looker.com:19999/api/4.0/')).toMatchObject({
      kind: 'ready',
      config: { baseUrl: 'https://acme.looker.com:19999' },
    })
  })
})
