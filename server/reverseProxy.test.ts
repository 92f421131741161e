// @vitest-environment node
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSimServer, type SimServer } from '../src/looker-sim/server'
import { allowLoopbackHttp, rawRequest } from './test/http.ts'
import { requireBuild, startServer, stopServers } from './test/serverProcess.ts'

/**
 * `npm start` behind a reverse proxy that rewrites Host, as nginx's proxy_pass does by default: the browser
 * is on http://lookbook.test, the server sees Host 127.0.0.1:<port>. PUBLIC_ORIGIN tells it where its
 * pages are, so edits from them pass the proxy's same-origin check while other sites' still do not.
 */
const PUBLIC = 'http://lookbook.test'
const ADMIN = { LOOKER_CLIENT_ID: 'demo-admin', LOOKER_CLIENT_SECRET: 'demo-admin-secret' }
let looker: SimServer
let forwarder: Server | null = null

beforeAll(async () => {
  await requireBuild()
  looker = await startSimServer({ log: false })
})
afterAll(() => looker?.close())
beforeEach(allowLoopbackHttp)
afterEach(async () => {
  forwarder?.closeAllConnections()
  await new Promise((resolve) => (forwarder ? forwarder.close(resolve) : resolve(null)))
  forwarder = null
  await stopServers()
})

/** A small reverse proxy: every request goes to `upstream` with Host rewritten to the upstream's. */
async function hostRewritingProxy(upstream: string): Promise<string> {
  const target = new URL(upstream)
  forwarder = createServer((req, res) => {
    const headers = {
      ...req.headers,
      host: target.host,
      'x-forwarded-proto': 'http',
      'x-forwarded-for': '10.1.2.3',
    }
    const out = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      },
    )
    out.on('error', () => res.writeHead(502).end())
    req.pipe(out)
  })
  await new Promise<void>((resolve) => forwarder!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(forwarder.address() as AddressInfo).port}`
}

async function startBehindProxy(env: Record<string, string>) {
  const server = await startServer({ env: { LOOKER_BASE_URL: looker.url, ...ADMIN, ...env } })
  return hostRewritingProxy(server.url)
}

/** What a browser on `origin` sends for an edit of look `id`, through the reverse proxy at `proxyUrl`. */
function edit(proxyUrl: string, id: string, title: string, browser: Record<string, string>) {
  return rawRequest(`${proxyUrl}/api/4.0/looks/${id}`, {
    method: 'PATCH',
    headers: { Host: 'lookbook.test', 'Content-Type': 'application/json', ...browser },
    body: JSON.stringify({ title }),
  })
}

const lookTitle = (id: string) => looker.sim.store.look(id)?.title
const firstLookId = () => looker.sim.store.data.looks.find((l) => !l.deleted)!.id
const fromTheApp = { Origin: PUBLIC, 'Sec-Fetch-Site': 'same-origin' }

describe('behind a reverse proxy that rewrites Host', { timeout: 90_000 }, () => {
  it('with PUBLIC_ORIGIN, the app’s edit goes through and another site’s is refused', async () => {
    const proxyUrl = await startBehindProxy({ PUBLIC_ORIGIN: PUBLIC })
    const id = firstLookId()
    const saved = await edit(proxyUrl, id, 'Renamed behind nginx', fromTheApp)
    expect(saved.status).toBe(200)
    expect(JSON.parse(saved.body.toString())).toMatchObject({ id, title: 'Renamed behind nginx' })
    expect(lookTitle(id)).toBe('Renamed behind nginx')

    const crossSite = await edit(proxyUrl, id, 'Hijacked', {
      Origin: 'https://evil.example',
      'Sec-Fetch-Site': 'cross-site',
    })
    expect(crossSite.status).toBe(403)
    // A browser too old for Sec-Fetch-Site is still caught by its Origin.
    const foreignOrigin = await edit(proxyUrl, id, 'Hijacked', { Origin: 'https://evil.example' })
    expect(foreignOrigin.status).toBe(403)
    expect(JSON.parse(foreignOrigin.body.toString())).toMatchObject({ lookbook_proxy_problem: 'cross_site' })
    expect(lookTitle(id)).toBe('Renamed behind nginx')
  })

  it('without PUBLIC_ORIGIN the same edit is refused: the server cannot know its public name', async () => {
    const proxyUrl = await startBehindProxy({})
    const id = firstLookId()
    const before = lookTitle(id)
    const refused = await edit(proxyUrl, id, 'Renamed behind nginx', fromTheApp)
    expect(refused.status).toBe(403)
    expect(lookTitle(id)).toBe(before)
  })
})
