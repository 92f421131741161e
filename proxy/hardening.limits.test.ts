// @vitest-environment node
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { allowLoopbackHttp, rawRequest } from '../server/test/http.ts'
import { parseApiPath, upstreamUrl } from './apiPath.ts'
import { readProxySetup } from './config.ts'
import { DEFAULT_LIMITS } from './forward.ts'
import { LookerGateway } from './gateway.ts'
import { redact, redactingLogger, REDACTED } from './redact.ts'
import { startFakeLooker, type FakeLooker } from './test/fakeLooker.ts'
import { startViteDev } from './test/hosts.ts'

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }
let servers: Server[] = []
let fake: FakeLooker | null = null

async function listen(server: Server): Promise<string> {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

beforeEach(allowLoopbackHttp)
afterEach(async () => {
  for (const server of servers) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
  servers = []
  await fake?.close()
  fake = null
})

describe('limits on the way to Looker', () => {
  it('answers 504 with a fixed message when Looker does not answer in time', async () => {
    // Signs in, then never answers an API call.
    const upstream = createServer((req, res) => {
      if (req.url === '/api/4.0/login')
        res.end(JSON.stringify({ access_token: 'tok-abcdefgh', expires_in: 3600 }))
    })
    const base = await listen(upstream)
    const gateway = new LookerGateway(
      readProxySetup({ LOOKER_BASE_URL: base, LOOKER_CLIENT_ID: 'id', LOOKER_CLIENT_SECRET: 'secret' }),
      { logger: quiet, limits: { ...DEFAULT_LIMITS, upstreamTimeoutMs: 1000 } },
    )
    const app = await listen(createServer((req, res) => gateway.handle(req, res, () => res.end())))
    const started = performance.now()
    const res = await rawRequest(`${app}/api/4.0/user`)
    expect(res.status).toBe(504)
    expect(JSON.parse(res.body.toString())).toEqual({
      message: `Looker at ${base} did not answer within 1 s. Check LOOKER_BASE_URL and your network.`,
      documentation_url: null,
      lookbook_proxy_problem: 'unreachable',
    })
    expect(performance.now() - started).toBeLessThan(10_000)
  })

  it('never forwards a path that fetch would parse into another one', () => {
    const base = 'https://looker.test:19999'
    for (const raw of [
      '/api/4.0/looks/<1>',
      '/api/4.0/looks/{1}',
      '/api/4.0/looks/a"b',
      '/api/4.0/looks/`x`',
    ]) {
      const parsed = parseApiPath(raw)
      expect(parsed.ok && upstreamUrl(base, parsed), raw).toBeFalsy()
    }
    const good = parseApiPath('/api/4.0/looks/7%20x?fields=id')
    expect(good.ok && upstreamUrl(base, good)).toBe(`${base}/api/4.0/looks/7%20x?fields=id`)
  })
})

describe('what the proxy writes to its log', () => {
  it('redacts the secret, tokens and anything written as a client_secret or access_token', () => {
    const text =
      'form client_id=abc&client_secret=s3cr3t-value&x=1; {"access_token": "tok-123", "refresh_token":"r-9"} known-token-42'
    const clean = redact(text, ['known-token-42'])
    for (const secret of ['s3cr3t-value', 'tok-123', 'r-9', 'known-token-42'])
      expect(clean).not.toContain(secret)
    expect(clean).toContain(`client_secret=${REDACTED}&x=1`)
    const lines: string[] = []
    const logger = redactingLogger(
      { info: (m: string) => lines.push(m), warn: quiet.warn, error: quiet.error },
      () => ['known-token-42'],
    )
    logger.info('got known-token-42')
    expect(lines).toEqual([`got ${REDACTED}`])
  })

  it('only takes an http(s) web URL from Looker for the app’s links', async () => {
    const upstream = createServer((req, res) => {
      if (req.url === '/api/4.0/login') return res.end(JSON.stringify({ access_token: 'tok-abcdefgh' }))
      res.setHeader('Content-Type', 'application/json')
      res.end(JSON.stringify({ web_server_url: 'javascript:alert(document.domain)' }))
    })
    const base = await listen(upstream)
    const gateway = new LookerGateway(
      readProxySetup({ LOOKER_BASE_URL: base, LOOKER_CLIENT_ID: 'id', LOOKER_CLIENT_SECRET: 'secret' }),
      { logger: quiet },
    )
    expect(await gateway.proxy!.webUrl()).toBe(base)
  })
})

describe('the dev server beyond loopback', { timeout: 60_000 }, () => {
  it('refuses to listen on other interfaces in connected mode unless LOOKBOOK_ALLOW_REMOTE=1', async () => {
    fake = await startFakeLooker()
    const env = { LOOKER_BASE_URL: fake.url, LOOKER_CLIENT_ID: 'id', LOOKER_CLIENT_SECRET: 'secret' }
    await expect(startViteDev(env, { host: '0.0.0.0' })).rejects.toThrow(
      /would listen on 0\.0\.0\.0.*LOOKBOOK_ALLOW_REMOTE=1/,
    )
    await expect(startViteDev(env, { host: true })).rejects.toThrow(/every network interface/)
    const allowed = await startViteDev({ ...env, LOOKBOOK_ALLOW_REMOTE: '1' }, { host: '0.0.0.0' })
    await allowed.close()
    const demo = await startViteDev({}, { host: '0.0.0.0' }) // nothing to act as: demo mode may
    await demo.close()
  })
})
