// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { rawRequest, type RawResponse } from '../server/test/http.ts'
import { DEFAULT_LIMITS } from './forward.ts'
import { HTML_PAGE, HOSTILE_HEADERS, SVG_IMAGE } from './test/fakeLooker.ts'
import { HOST_KINDS, proxyUnderTest } from './test/hosts.ts'

/**
 * Issue 12's findings about what the proxy forwards, over real HTTP, against both hosts of the shared proxy
 * module: `npm start` and the Vite dev server. Looker is the simulator, or a hostile stand-in.
 */
const ADMIN = { LOOKER_CLIENT_ID: 'demo-admin', LOOKER_CLIENT_SECRET: 'demo-admin-secret' }
const json = (res: RawResponse) => JSON.parse(res.body.toString()) as Record<string, unknown>

describe.each(HOST_KINDS)('%s: the proxy forwards only what the app needs', { timeout: 90_000 }, (kind) => {
  const proxy = proxyUnderTest(kind, ADMIN)

  it('refuses operations the app does not use, even with an admin API key (403 naming the rule)', async () => {
    const app = await proxy.toSimulator()
    const { looker } = proxy
    const before = looker.sim.requestLog.length
    const res = await rawRequest(`${app.url}/api/4.0/oauth_client_apps/evil-app`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ redirect_uri: 'https://attacker.example/cb', display_name: 'Evil' }),
    })
    expect(res.status).toBe(403)
    expect(json(res)).toMatchObject({
      lookbook_proxy_problem: 'not_allowed',
      rule: 'operation_allowlist',
      message: expect.stringContaining('POST /api/4.0/oauth_client_apps/evil-app') as string,
    })
    const after = looker.sim.requestLog.slice(before).map((e) => e.path)
    expect(after.filter((p) => p.includes('oauth_client_apps'))).toEqual([])
    // What the app does still goes through.
    const search = await rawRequest(`${app.url}/api/4.0/looks/search?limit=2&fields=id&deleted=false`)
    expect(search.status).toBe(200)
  })

  it('refuses every way out of /api/4.0 before anything reaches Looker', async () => {
    const { app, fake } = await proxy.toFake()
    const attempts = [
      '/api/4.0/../../login',
      '/api/4.0/%2e%2e/token',
      '/api/4.0/%2E%2E/%2e%2e/api/token',
      '/api/4.0/..\\..\\api\\token',
      '/api/4.0/looks%5C..%5C..%5Clogin',
      '/api/4.0/../3.1/looks',
      '/api/4.0/looks/..',
      '/api/4.0/looks/./search',
      '/api/4.0//looks/search',
      '/api/4.0/looks%2F..%2F..%2Flogin',
      '/api/4.0/looks/1%00',
    ]
    for (const rawPath of attempts) {
      const res = await rawRequest(`${app.url}/`, { rawPath })
      expect(res.status, rawPath).toBe(403)
      expect(json(res), rawPath).toMatchObject({
        lookbook_proxy_problem: 'not_allowed',
        rule: expect.stringMatching(/^path:/) as string,
      })
    }
    // Only the proxy's own sign-in reached "Looker", and nothing outside /api/4.0 at all.
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/4.0/login'])
  })

  it('forwards exactly the checked path: an encoded id stays encoded, the query unchanged', async () => {
    const { app, fake } = await proxy.toFake()
    await rawRequest(`${app.url}/api/4.0/dashboards/thelook%3A%3Asales?fields=id,title`)
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'GET',
      url: '/api/4.0/dashboards/thelook%3A%3Asales?fields=id,title',
    })
  })

  it('passes only allowed headers, sandboxes every answer, and sends HTML and SVG as attachments', async () => {
    const { app } = await proxy.toFake()
    const page = await rawRequest(`${app.url}/api/4.0/looks/html`, { headers: { Accept: 'text/html' } })
    expect(page.status).toBe(200)
    expect(page.body.toString()).toBe(HTML_PAGE)
    for (const name of Object.keys(HOSTILE_HEADERS)) {
      if (name === 'Content-Security-Policy') continue
      expect(page.headers[name.toLowerCase()], name).toBeUndefined()
    }
    expect(page.headers).toMatchObject({
      'content-security-policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'content-disposition': 'attachment',
      'x-total-count': '3', // what the app reads still comes through
      link: '</api/4.0/looks/search?page=2>; rel="next"',
    })
    const svg = await rawRequest(`${app.url}/api/4.0/content_thumbnail/look/1`)
    expect(svg.headers['content-type']).toBe('image/svg+xml')
    expect(svg.headers['content-disposition']).toBe('attachment')
    expect(svg.body.toString()).toBe(SVG_IMAGE) // fetch() → blob → <img> still gets the image
    const png = await rawRequest(`${app.url}/api/4.0/render_tasks/1/results`)
    expect(png.headers['content-type']).toBe('image/png')
    expect(png.headers['content-disposition']).toBeUndefined()
    expect(png.headers['content-security-policy']).toBe("sandbox; default-src 'none'; frame-ancestors 'none'")
  })

  it('caps buffered request bodies, each and all together (413 and 503 with a clear JSON body)', async () => {
    const { app, fake } = await proxy.toFake({ holdMs: 1500 })
    const patch = (bytes: number) =>
      rawRequest(`${app.url}/api/4.0/looks/1`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ description: 'x'.repeat(bytes) }),
      })
    const tooLarge = await patch(DEFAULT_LIMITS.maxRequestBodyBytes + 1)
    expect(tooLarge.status).toBe(413)
    expect(json(tooLarge)).toMatchObject({ lookbook_proxy_problem: 'body_too_large' })

    // Each body is under the per-request cap; together they are over the shared one.
    const each = Math.floor(DEFAULT_LIMITS.maxRequestBodyBytes * 0.95)
    const count = Math.ceil(DEFAULT_LIMITS.maxBufferedBytes / each) + 3
    const answers = await Promise.all(Array.from({ length: count }, () => patch(each)))
    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0)
    expect(statuses.filter((s) => s === 200).length * each).toBeLessThanOrEqual(
      DEFAULT_LIMITS.maxBufferedBytes,
    )
    const busy = answers.filter((a) => a.status === 503)
    expect(busy.length).toBeGreaterThanOrEqual(3)
    expect(json(busy[0])).toMatchObject({
      lookbook_proxy_problem: 'busy',
      message: expect.stringMatching(/Try again/) as string,
    })
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true)
    // Released once answered: the next edit goes through.
    fake.mode.holdMs = 0
    expect((await patch(each)).status).toBe(200)
  })
})
