// @vitest-environment node
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSimServer, type SimServer } from '../src/looker-sim/server'
import { allowLoopbackHttp, rawRequest } from './test/http.ts'
import { requireBuild, ROOT, startServer, stopServers } from './test/serverProcess.ts'

/** `npm start` on the real build, over real HTTP, against the simulator standing in for Looker. */
const PROCESS_TEST = { timeout: 90_000 }
const SECRET = randomBytes(18).toString('hex')
const API_KEY = { LOOKER_CLIENT_ID: 'ops-analyst', LOOKER_CLIENT_SECRET: SECRET }
let looker: SimServer

beforeAll(async () => {
  await requireBuild()
  looker = await startSimServer({ log: false })
  looker.sim.store.data.credentials.push({ client_id: 'ops-analyst', client_secret: SECRET, user_id: '2' })
})
afterAll(() => looker?.close())
beforeEach(allowLoopbackHttp)
afterEach(stopServers)

const connected = (extra: Record<string, string> = {}) =>
  startServer({ env: { LOOKER_BASE_URL: looker.url, ...API_KEY, ...extra } })

const SECURITY_HEADERS = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
}

/** The proxy's answers (`proxied`) carry a sandbox policy instead of the app's (issue 12). */
function expectSecurityHeaders(
  headers: Record<string, unknown>,
  what: string,
  csp: 'app' | 'proxied' = 'app',
) {
  expect(headers, what).toMatchObject(SECURITY_HEADERS)
  if (csp === 'app')
    expect(String(headers['content-security-policy']), what).toMatch(
      /script-src 'self'.*frame-ancestors 'none'$/,
    )
  else
    expect(headers['content-security-policy'], what).toBe(
      "sandbox; default-src 'none'; frame-ancestors 'none'",
    )
  expect(String(headers['permissions-policy']), what).toContain('camera=()')
}

/** The entry script the built index.html loads, e.g. /assets/index-Ab12.js. */
function entryScript(): string {
  const html = readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8')
  return /<script type="module" crossorigin src="([^"]+)"/.exec(html)![1]
}

describe('npm start without LOOKER_*: demo mode from the same build', PROCESS_TEST, () => {
  it('tells the app to run the demo, is ready, and keeps /api for the in-browser simulator', async () => {
    const server = await startServer()
    expect(await (await fetch(`${server.url}/__lookbook/config`)).json()).toEqual({ mode: 'demo' })
    const ready = await fetch(`${server.url}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ ready: true, mode: 'demo' })
    const api = await fetch(`${server.url}/api/4.0/user`)
    expect(api.status).toBe(404)
    expect(await api.json()).toMatchObject({ lookbook_proxy_problem: 'demo_mode' })
    const worker = await fetch(`${server.url}/mockServiceWorker.js`)
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(worker.headers.get('cache-control')).toBe('no-cache')
    expect(server.logs().find((e) => e.msg === 'listening')).toMatchObject({ mode: 'demo' })
  })
})

describe('npm start with LOOKER_*', PROCESS_TEST, () => {
  it('is ready once signed in to Looker, and not ready (503, saying why) with a wrong key', async () => {
    const good = await connected()
    const ready = await fetch(`${good.url}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ ready: true, mode: 'proxy' })
    expect((await fetch(`${good.url}/healthz`)).status).toBe(200)

    const bad = await connected({ LOOKER_CLIENT_SECRET: 'not-the-secret' })
    const notReady = await fetch(`${bad.url}/readyz`)
    expect(notReady.status).toBe(503)
    expect(await notReady.json()).toMatchObject({
      ready: false,
      mode: 'proxy',
      problem: { kind: 'credentials', message: expect.stringMatching(/refused the API key/) as string },
    })
    // The process is up all the same: liveness and readiness are different questions.
    expect((await fetch(`${bad.url}/healthz`)).status).toBe(200)
  })

  it('caches hashed assets for a year and index.html never without checking; br and gzip from the build', async () => {
    const server = await connected()
    const script = entryScript()
    const asset = await rawRequest(`${server.url}${script}`, { headers: { 'Accept-Encoding': 'gzip, br' } })
    expect(asset.status).toBe(200)
    expect(asset.headers).toMatchObject({
      'cache-control': 'public, max-age=31536000, immutable',
      'content-encoding': 'br',
      vary: 'Accept-Encoding',
      'content-type': 'text/javascript; charset=utf-8',
    })
    expect(brotliDecompressSync(asset.body).equals(readFileSync(join(ROOT, 'dist', script)))).toBe(true)
    const gzip = await rawRequest(`${server.url}${script}`, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(gzip.headers['content-encoding']).toBe('gzip')

    for (const path of ['/', '/looks/1']) {
      const page = await rawRequest(`${server.url}${path}`, { headers: { Accept: 'text/html' } })
      expect(page.status).toBe(200)
      expect(page.headers['cache-control']).toBe('no-cache')
      expect(page.headers.etag).toBeTruthy()
    }
    const missing = await rawRequest(`${server.url}/assets/index-0ld.js`, { headers: { Accept: '*/*' } })
    expect(missing.status).toBe(404)
    expect(missing.body.toString()).not.toContain('<html')
  })

  it('sends the security headers on the app, its assets, the API and health answers', async () => {
    const server = await connected()
    const page = await rawRequest(`${server.url}/looks`)
    expectSecurityHeaders(page.headers, 'index.html')
    // The header policy is the build's own <meta> policy, plus what only a header can say.
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page.body.toString())![1]
    expect(page.headers['content-security-policy']).toBe(
      `${meta.replaceAll('&#39;', "'")}; frame-ancestors 'none'`,
    )
    expectSecurityHeaders((await rawRequest(`${server.url}${entryScript()}`)).headers, 'asset')
    const api = await rawRequest(`${server.url}/api/4.0/user`)
    expect(api.status).toBe(200)
    expect(JSON.parse(api.body.toString())).toMatchObject({ id: '2' })
    expectSecurityHeaders(api.headers, '/api/4.0/user', 'proxied')
    const refused = await rawRequest(`${server.url}/api/4.0/looks/1`, {
      method: 'DELETE',
      headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    })
    expect(refused.status).toBe(403)
    expectSecurityHeaders(refused.headers, 'a refusal', 'proxied')
    expectSecurityHeaders((await rawRequest(`${server.url}/healthz`)).headers, '/healthz')
  })

  it('logs one JSON line per request (method, path, status, ms), never a query, token or secret', async () => {
    const server = await connected()
    const before = server.lines.length
    await rawRequest(`${server.url}/looks?q=quarterly`, { headers: { Cookie: 'session=cookie-value-123' } })
    await rawRequest(`${server.url}/api/4.0/user?fields=id&access_token=query-token-456`, {
      headers: { Authorization: 'token header-token-789' },
    })
    await rawRequest(`${server.url}/__lookbook/session`, { method: 'POST' })
    await rawRequest(`${server.url}/api/4.0/looks/does-not-exist`)
    await server.waitForLog((e) => e.msg === 'request' && e.path === '/api/4.0/looks/does-not-exist')
    const lines = server.lines.slice(before).filter((l) => l !== '')
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    const requests = entries.filter((e) => e.msg === 'request')
    expect(requests.map((e) => `${String(e.method)} ${String(e.path)} ${String(e.status)}`)).toEqual([
      'GET /looks 200',
      'GET /api/4.0/user 200',
      'POST /__lookbook/session 200',
      'GET /api/4.0/looks/does-not-exist 404',
    ])
    for (const entry of requests) {
      expect(Object.keys(entry).sort()).toEqual([
        'bytes',
        'level',
        'method',
        'ms',
        'msg',
        'path',
        'status',
        'time',
      ])
      expect(entry.ms).toEqual(expect.any(Number))
      expect(new Date(String(entry.time)).toISOString()).toBe(entry.time)
    }
    const everything = server.lines.join('\n')
    const tokens = [...looker.sim.store.tokens.keys()]
    expect(tokens.length).toBeGreaterThan(0)
    for (const secret of [
      SECRET,
      ...tokens,
      'quarterly',
      'query-token-456',
      'header-token-789',
      'cookie-value-123',
    ])
      expect(everything).not.toContain(secret)
  })
})
