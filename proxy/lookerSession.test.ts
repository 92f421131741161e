// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { ProxyConfig } from './config.ts'
import { LookerGateway } from './gateway.ts'
import { LookerSession, SESSION_DEFAULTS } from './lookerSession.ts'

/** Sign-in pacing with a clock the test moves (issue 12: forced sign-ins, /readyz with a wrong key). */
const CONFIG: ProxyConfig = {
  baseUrl: 'https://looker.test',
  clientId: 'id',
  clientSecret: 'secret-value',
  webUrl: null,
}
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }

function fakeLooker(answer: 'token' | 'refused') {
  const calls: string[] = []
  let issued = 0
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString())
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}`)
    if (url.pathname === '/api/4.0/logout') return Promise.resolve(new Response(null, { status: 204 }))
    if (answer === 'refused') return Promise.resolve(Response.json({ message: 'Not found' }, { status: 404 }))
    issued++
    return Promise.resolve(Response.json({ access_token: `token-${issued}`, expires_in: 3600 }))
  }
  return { fetch, calls, logins: () => calls.filter((c) => c === 'POST /api/4.0/login').length }
}

/** A clock in whole seconds from 0. */
function clock() {
  let ms = 0
  return { now: () => ms, advance: (seconds: number) => (ms += seconds * 1000) }
}

/** How many of `times` (seconds) fall in each minute. */
const perMinute = (times: number[]) =>
  times.reduce<number[]>((counts, t) => {
    counts[Math.floor(t / 60)] = (counts[Math.floor(t / 60)] ?? 0) + 1
    return counts
  }, [])

describe('sign-in pacing', () => {
  it('/readyz probed every 3 s with a wrong key backs off to one login a minute', async () => {
    const looker = fakeLooker('refused')
    const time = clock()
    const gateway = new LookerGateway(
      { kind: 'ready', config: CONFIG },
      { logger: quiet, fetch: looker.fetch, session: { now: time.now } },
    )
    const loginTimes: number[] = []
    for (let second = 0; second < 600; second += 3) {
      const before = looker.logins()
      const ready = await gateway.readiness()
      expect(ready).toMatchObject({ ready: false, problem: { kind: 'credentials' } })
      if (looker.logins() > before) loginTimes.push(second)
      time.advance(3)
    }
    const counts = perMinute(loginTimes)
    expect(counts[0]).toBeLessThanOrEqual(5)
    for (const count of counts.slice(2)) expect(count ?? 0).toBeLessThanOrEqual(1)
    expect(loginTimes.length).toBeLessThanOrEqual(16) // not 200: one per probe
  })

  it('a flood of forced sign-ins makes a burst, then one per interval; the current token answers the rest', async () => {
    const looker = fakeLooker('token')
    const time = clock()
    const session = new LookerSession(CONFIG, { fetch: looker.fetch, now: time.now })
    const answers = new Set([await session.accessToken()])
    for (let second = 0; second < 60; second++) {
      for (let i = 0; i < 10; i++) answers.add(await session.accessToken({ force: true }))
      time.advance(1)
    }
    const allowed = SESSION_DEFAULTS.forcedBurst + 60_000 / SESSION_DEFAULTS.forcedIntervalMs
    expect(looker.logins()).toBeLessThanOrEqual(1 + allowed) // not 601
    expect(answers.size).toBe(looker.logins())
  })

  it('a refused token is replaced once, however many requests saw it refused', async () => {
    const looker = fakeLooker('token')
    const session = new LookerSession(CONFIG, { fetch: looker.fetch })
    const first = await session.accessToken()
    const replacements = await Promise.all(Array.from({ length: 8 }, () => session.renewAfterRefusal(first)))
    expect(new Set(replacements)).toEqual(new Set(['token-2']))
    // A request that still held the old token gets the new one without another login.
    expect(await session.renewAfterRefusal(first)).toBe('token-2')
    expect(looker.logins()).toBe(2)
    // The refused token is dead: nothing to log out.
    expect(looker.calls.filter((c) => c.includes('logout'))).toEqual([])
  })

  it('logs out a token replaced while it was still good, and stops renewing a refused one when paced out', async () => {
    const looker = fakeLooker('token')
    const time = clock()
    const session = new LookerSession(CONFIG, { fetch: looker.fetch, now: time.now, forcedBurst: 1 })
    await session.accessToken()
    await session.accessToken({ force: true })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(looker.calls).toEqual(['POST /api/4.0/login', 'POST /api/4.0/login', 'DELETE /api/4.0/logout'])
    // The burst is used up: a 401 now goes to the browser instead of another login.
    expect(await session.renewAfterRefusal('token-2')).toBeNull()
    time.advance(SESSION_DEFAULTS.forcedIntervalMs / 1000)
    expect(await session.renewAfterRefusal('token-2')).toBe('token-3')
  })
})
