import { describe, expect, it } from 'vitest'
import { codeChallenge, createVerifier } from '../../lib/oauth'
import { ManualClock } from './clock'
import { DEMO_OAUTH_CLIENT } from './oauth'
import { createLookerSim, type LookerSim } from './sim'
import { clientFor, TEST_ORIGIN } from './test-client'

const REDIRECT = DEMO_OAUTH_CLIENT.redirect_uri

async function authorizeParams(verifier: string, overrides: Record<string, string> = {}) {
  return new URLSearchParams({
    client_id: DEMO_OAUTH_CLIENT.client_guid,
    redirect_uri: REDIRECT,
    response_type: 'code',
    code_challenge: await codeChallenge(verifier),
    code_challenge_method: 'S256',
    scope: 'cors_api',
    state: 'nonce-123',
    ...overrides,
  })
}

/** The user picks Andy Analyst on the consent page and allows access; returns where Looker redirects. */
async function allow(sim: LookerSim, params: URLSearchParams, userId = '2'): Promise<URL | Response> {
  const form = new URLSearchParams(params)
  form.set('user_id', userId)
  form.set('decision', 'allow')
  const res = await sim.handle(
    new Request(`${TEST_ORIGIN}/auth`, {
      method: 'POST',
      body: form,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    }),
  )
  return res.status === 302 ? new URL(res.headers.get('Location')!) : res
}

async function token(sim: LookerSim, body: Record<string, string>) {
  const res = await sim.handle(
    new Request(`${TEST_ORIGIN}/api/token`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
    }),
  )
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const exchange = (code: string, verifier: string) => ({
  grant_type: 'authorization_code',
  code,
  code_verifier: verifier,
  client_id: DEMO_OAUTH_CLIENT.client_guid,
  redirect_uri: REDIRECT,
})

describe('simulated Looker OAuth (authorization code + PKCE)', () => {
  it('shows a consent page, redirects back with a code and the state, and the code buys a working token', async () => {
    const sim = createLookerSim()
    const verifier = createVerifier()
    const params = await authorizeParams(verifier)
    const page = await sim.handle(new Request(`${TEST_ORIGIN}/auth?${params.toString()}`))
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Allow Lookbook to use your Looker account?')
    const back = (await allow(sim, params)) as URL
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT)
    expect(back.searchParams.get('state')).toBe('nonce-123')
    const granted = await token(sim, exchange(back.searchParams.get('code')!, verifier))
    expect(granted.status).toBe(200)
    expect(granted.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 })
    const me = await sim.handle(
      new Request(`${TEST_ORIGIN}/api/4.0/user`, {
        headers: { Authorization: `Bearer ${String(granted.body.access_token)}` },
      }),
    )
    expect(((await me.json()) as { id: string }).id).toBe('2')
  })

  it('refuses a code whose verifier does not match the challenge, and a code used twice', async () => {
    const sim = createLookerSim()
    const verifier = createVerifier()
    const back = (await allow(sim, await authorizeParams(verifier))) as URL
    const code = back.searchParams.get('code')!
    const wrong = await token(sim, exchange(code, createVerifier()))
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
    const again = await token(sim, exchange(code, verifier))
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } })
  })

  it('refuses an unregistered redirect_uri without redirecting anywhere', async () => {
    const sim = createLookerSim()
    const params = await authorizeParams(createVerifier(), { redirect_uri: 'https://evil.example/cb' })
    const res = await sim.handle(new Request(`${TEST_ORIGIN}/auth?${params.toString()}`))
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('redirect_uri does not match')
    expect(await allow(sim, params)).toBeInstanceOf(Response)
  })

  it('renews with the refresh token after the access token expired', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1))
    const sim = createLookerSim({ clock, tokenTtlSeconds: 5 })
    const verifier = createVerifier()
    const back = (await allow(sim, await authorizeParams(verifier))) as URL
    const first = await token(sim, exchange(back.searchParams.get('code')!, verifier))
    clock.advance(6_000)
    const user = (t: unknown) =>
      sim.handle(
        new Request(`${TEST_ORIGIN}/api/4.0/user`, { headers: { Authorization: `Bearer ${String(t)}` } }),
      )
    expect((await user(first.body.access_token)).status).toBe(401)
    const renewed = await token(sim, {
      grant_type: 'refresh_token',
      refresh_token: String(first.body.refresh_token),
      client_id: DEMO_OAUTH_CLIENT.client_guid,
      redirect_uri: REDIRECT,
    })
    expect(renewed.status).toBe(200)
    expect((await user(renewed.body.access_token)).status).toBe(200)
  })

  it('lets an admin register a client app, refuses others and duplicates', async () => {
    const sim = createLookerSim()
    const app = { redirect_uri: 'https://lookbook.example.com/oauth/callback', display_name: 'Lookbook' }
    expect((await clientFor(sim, 'analyst').post('/oauth_client_apps/lb', app)).status).toBe(403)
    const created = await clientFor(sim, 'admin').post('/oauth_client_apps/lb', app)
    expect(created).toMatchObject({ status: 200, body: { client_guid: 'lb', enabled: true } })
    expect((await clientFor(sim, 'admin').post('/oauth_client_apps/lb', app)).status).toBe(409)
    expect((await clientFor(sim, 'admin').post('/oauth_client_apps/x', { display_name: 'x' })).status).toBe(
      422,
    )
  })
})
