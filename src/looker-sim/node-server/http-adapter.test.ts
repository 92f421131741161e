// @vitest-environment node
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { server as appTestServer } from '../../test/server'
import { startSimServer, type SimServer } from './http-adapter'

let simServer: SimServer
const ALLOWED = 'http://127.0.0.1:4173'

// Real sockets here: the shared msw test server would intercept them, so it steps aside.
beforeAll(async () => {
  appTestServer.close()
  simServer = await startSimServer({ port: 0, lookCount: 40, log: false, allowOrigins: [ALLOWED] })
})
afterAll(async () => {
  await simServer.close()
  appTestServer.listen({ onUnhandledRequest: 'error' })
})

/** node:http rather than fetch, so the Origin header is sent exactly as given. */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{
    status: number
    headers: Record<string, string | string[] | undefined>
    body: string
  }>((resolve, reject) => {
    const req = httpRequest(`${simServer.url}${path}`, { method, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

async function token(): Promise<string> {
  const reply = await send(
    'POST',
    '/api/4.0/login',
    { 'Content-Type': 'application/x-www-form-urlencoded' },
    'client_id=demo-analyst&client_secret=demo-analyst-secret',
  )
  expect(reply.status).toBe(200)
  return (JSON.parse(reply.body) as { access_token: string }).access_token
}

describe('the node:http simulator server', () => {
  it('logs in and searches over real HTTP', async () => {
    const reply = await send('GET', '/api/4.0/looks/search?folder_id=10&fields=id,folder_id', {
      Authorization: `token ${await token()}`,
    })
    expect(reply.status).toBe(200)
    const looks = JSON.parse(reply.body) as { id: string; folder_id: string }[]
    expect(looks.length).toBeGreaterThan(0)
    expect(looks.every((l) => l.folder_id === '10')).toBe(true)
    expect(reply.headers['x-total-count']).toBe(String(looks.length))
  })

  it('derives api_server_url from the Host it was called on', async () => {
    const reply = await send('GET', '/api/4.0/versions')
    expect(JSON.parse(reply.body)).toMatchObject({ api_server_url: simServer.url })
  })

  it('answers a preflight from an allowed origin', async () => {
    const reply = await send('OPTIONS', '/api/4.0/looks/search', {
      Origin: ALLOWED,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization,x-looker-appid',
    })
    expect(reply.status).toBe(204)
    expect(reply.headers['access-control-allow-origin']).toBe(ALLOWED)
    expect(reply.headers['access-control-allow-headers']).toMatch(/Authorization/)
    expect(reply.headers['access-control-allow-headers']).toMatch(/X-Looker-Appid/)
  })

  it('refuses a preflight from any other origin, without CORS headers', async () => {
    const reply = await send('OPTIONS', '/api/4.0/looks/search', {
      Origin: 'https://evil.example',
      'Access-Control-Request-Method': 'GET',
    })
    expect(reply.status).toBe(403)
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('echoes an allowed origin on responses and exposes Retry-After and X-Total-Count', async () => {
    const allowed = await send('GET', '/api/4.0/versions', { Origin: ALLOWED })
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED)
    expect(allowed.headers['access-control-expose-headers']).toBe('Retry-After, X-Total-Count')
    const other = await send('GET', '/api/4.0/versions', { Origin: 'https://evil.example' })
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('cuts the connection for an injected drop', async () => {
    simServer.sim.faults.setRules([{ kind: 'drop', rate: 1, path: '/versions' }])
    await expect(send('GET', '/api/4.0/versions')).rejects.toThrow()
    simServer.sim.faults.setRules([])
  })
})
