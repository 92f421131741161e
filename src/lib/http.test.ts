import { http as mswHttp, HttpResponse, delay } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { server, TEST_API } from '../test/server'
import { LookerApiError, parseRetryAfter } from './errors'
import { configureHttp, DEFAULT_REQUEST_TIMEOUT_MS, http, send } from './http'

describe('the http transport', () => {
  beforeEach(() => {
    configureHttp({ apiBaseUrl: TEST_API, getToken: () => 'tok-1' })
  })

  it('sends the bearer token and encodes query parameters, skipping empty ones', async () => {
    let seen: Request | null = null
    server.use(
      mswHttp.get(`${TEST_API}/echo`, ({ request }) => {
        seen = request
        return HttpResponse.json({ ok: true })
      }),
    )
    await http.get('/echo', { query: { q: 'a b%', empty: '', nothing: undefined, n: 0, f: false } })
    const url = new URL(seen!.url)
    expect(seen!.headers.get('authorization')).toBe('Bearer tok-1')
    expect(url.searchParams.get('q')).toBe('a b%')
    expect(url.searchParams.has('empty')).toBe(false)
    expect(url.searchParams.has('nothing')).toBe(false)
    expect(url.searchParams.get('n')).toBe('0')
    expect(url.searchParams.get('f')).toBe('false')
  })

  it('turns a 422 ValidationError into field errors', async () => {
    server.use(
      mswHttp.patch(`${TEST_API}/looks/1`, () =>
        HttpResponse.json(
          {
            message: 'Validation Failed',
            errors: [
              { field: 'title', code: 'missing', message: 'This field is required.', documentation_url: 'd' },
            ],
            documentation_url: 'https://docs/422',
          },
          { status: 422 },
        ),
      ),
    )
    const error = await http.patch('/looks/1', { body: { title: '' } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LookerApiError)
    const e = error as LookerApiError
    expect(e.status).toBe(422)
    expect(e.kind).toBe('http')
    expect(e.documentationUrl).toBe('https://docs/422')
    expect(e.fieldError('title')).toEqual({
      field: 'title',
      code: 'missing',
      message: 'This field is required.',
    })
  })

  it('reads a lower-case retry-after on a 429', async () => {
    server.use(
      mswHttp.get(`${TEST_API}/busy`, () =>
        HttpResponse.json(
          { message: 'Too Many Requests', documentation_url: null },
          { status: 429, headers: { 'retry-after': '3' } },
        ),
      ),
    )
    const e = (await http.get('/busy').catch((x: unknown) => x)) as LookerApiError
    expect(e.status).toBe(429)
    expect(e.isRateLimited).toBe(true)
    expect(e.retryAfterMs).toBe(3000)
    expect(e.isTransient).toBe(true)
  })

  it('tells a network failure apart from an HTTP error', async () => {
    server.use(mswHttp.get(`${TEST_API}/gone`, () => HttpResponse.error()))
    const e = (await http.get('/gone').catch((x: unknown) => x)) as LookerApiError
    expect(e.kind).toBe('network')
    expect(e.status).toBe(0)
    expect(e.isNetwork).toBe(true)
  })

  it('gives a readable message when the error body is not JSON', async () => {
    server.use(
      mswHttp.get(`${TEST_API}/html`, () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502 })),
    )
    const e = (await http.get('/html').catch((x: unknown) => x)) as LookerApiError
    expect(e.status).toBe(502)
    expect(e.message).toMatch(/bad gateway/i)
  })

  it('returns 202 to the caller as a status, not as success data', async () => {
    server.use(
      mswHttp.get(
        `${TEST_API}/render_tasks/9/results`,
        () => new HttpResponse(null, { status: 202, headers: { 'Retry-After': '2' } }),
      ),
    )
    const res = await send('GET', '/render_tasks/9/results', { responseType: 'blob' })
    expect(res.status).toBe(202)
    expect(res.headers.get('retry-after')).toBe('2')
  })

  it('cancels the request when the caller aborts, with an AbortError rather than a LookerApiError', async () => {
    server.use(
      mswHttp.get(`${TEST_API}/slow`, async () => {
        await delay(5_000)
        return HttpResponse.json({})
      }),
    )
    const controller = new AbortController()
    const pending = http.get('/slow', { signal: controller.signal })
    controller.abort()
    const e = await pending.catch((x: unknown) => x)
    expect(e).not.toBeInstanceOf(LookerApiError)
    expect((e as Error).name).toBe('AbortError')
  })

  it('gives up on a request that hangs, with a timeout error rather than waiting forever (issue 12)', async () => {
    configureHttp({ apiBaseUrl: TEST_API, getToken: () => 'tok-1', timeoutMs: 200 })
    server.use(
      mswHttp.get(`${TEST_API}/hung`, async () => {
        await delay('infinite')
        return HttpResponse.json({})
      }),
    )
    const e = (await http.get('/hung').catch((x: unknown) => x)) as LookerApiError
    expect(e).toBeInstanceOf(LookerApiError)
    expect(e.status).toBe(0)
    expect(e.isTransient).toBe(true)
    expect(e.message).toBe('Looker did not answer within 200 ms. Try again in a moment.')
  })

  it('times out a download that stalls after its headers; one that finishes in time is untouched', async () => {
    configureHttp({ apiBaseUrl: TEST_API, getToken: () => 'tok-1', timeoutMs: 1500 })
    const stalled = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new Uint8Array([0x89, 0x50])), // …and nothing more
    })
    server.use(
      mswHttp.get(
        `${TEST_API}/stalled.png`,
        () => new HttpResponse(stalled, { headers: { 'Content-Type': 'image/png' } }),
      ),
      mswHttp.get(`${TEST_API}/slow.png`, async () => {
        await delay(100)
        return new HttpResponse(new Uint8Array([1, 2, 3]), { headers: { 'Content-Type': 'image/png' } })
      }),
    )
    const e = (await send('GET', '/stalled.png', { responseType: 'blob' }).catch(
      (x: unknown) => x,
    )) as LookerApiError
    expect(e).toBeInstanceOf(LookerApiError)
    expect(e.message).toMatch(/did not answer within/)
    const ok = await send<Blob>('GET', '/slow.png', { responseType: 'blob' })
    expect(ok.data.size).toBe(3)
  })

  it('waits long enough by default for a large image on a slow line', () => {
    expect(DEFAULT_REQUEST_TIMEOUT_MS).toBeGreaterThanOrEqual(60_000)
  })

  it('renews the session once on a 401 and repeats the request', async () => {
    let token = 'expired'
    let renewals = 0
    configureHttp({
      apiBaseUrl: TEST_API,
      getToken: () => token,
      reauthenticate: () => {
        renewals++
        token = 'fresh'
        return Promise.resolve(true)
      },
    })
    server.use(
      mswHttp.get(`${TEST_API}/private`, ({ request }) =>
        request.headers.get('authorization') === 'Bearer fresh'
          ? HttpResponse.json({ ok: true })
          : HttpResponse.json(
              { message: 'Requires authentication.', documentation_url: null },
              { status: 401 },
            ),
      ),
    )
    await expect(http.get('/private')).resolves.toEqual({ ok: true })
    expect(renewals).toBe(1)
  })
})

describe('Retry-After parsing', () => {
  it('accepts delay-seconds and HTTP dates, and ignores garbage', () => {
    expect(parseRetryAfter('0')).toBe(0)
    expect(parseRetryAfter(' 2 ')).toBe(2000)
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(10_000)
    expect(parseRetryAfter('soon')).toBeNull()
    expect(parseRetryAfter(null)).toBeNull()
  })
})
