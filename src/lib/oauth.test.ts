import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sim } from '../test/server'
import { TokenSession } from './tokenSession'
import {
  codeChallenge,
  createVerifier,
  endOAuthSession,
  OAuthClient,
  oauthSettingsFrom,
  PENDING_KEY,
  safeReturnPath,
} from './oauth'

/** The simulator's pre-registered demo client app. */
const DEMO_OAUTH_CLIENT = { client_guid: 'lookbook', redirect_uri: 'http://localhost:5173/oauth/callback' }

const settings = {
  lookerUrl: 'http://looker.test',
  apiUrl: 'http://looker.test',
  clientId: DEMO_OAUTH_CLIENT.client_guid,
  redirectUri: DEMO_OAUTH_CLIENT.redirect_uri,
}

const fetchViaSim: typeof fetch = (input, init) =>
  sim.handle(new Request(input instanceof Request ? input : input.toString(), init))

/** The browser's round trip: our /auth URL → the simulated consent page → "Allow" → the callback query. */
async function roundTrip(fetchImpl: typeof fetch = fetchViaSim) {
  const client = new OAuthClient(settings, sessionStorage, fetchImpl)
  const authUrl = new URL(await client.beginSignIn('/looks/12?tab=data'))
  const form = new URLSearchParams(authUrl.searchParams)
  form.set('user_id', '2')
  form.set('decision', 'allow')
  const consent = await sim.handle(new Request('http://looker.test/auth', { method: 'POST', body: form }))
  const callback = new URL(consent.headers.get('Location')!)
  return { sim, client, authUrl, callback }
}

describe('OAuth sign-in with PKCE', () => {
  it('computes the S256 challenge as base64url(SHA-256(verifier)) without padding', async () => {
    const verifier = createVerifier()
    expect(verifier).toMatch(/^[0-9a-f]{66}$/)
    expect(await codeChallenge(verifier)).toBe(createHash('sha256').update(verifier).digest('base64url'))
  })

  it('sends the user to /auth with the PKCE challenge, scope cors_api and a random state', async () => {
    const { authUrl } = await roundTrip()
    expect(authUrl.pathname).toBe('/auth')
    expect(Object.fromEntries(authUrl.searchParams)).toMatchObject({
      client_id: 'lookbook',
      code_challenge_method: 'S256',
      response_type: 'code',
      scope: 'cors_api',
      redirect_uri: DEMO_OAUTH_CLIENT.redirect_uri,
    })
    expect(authUrl.searchParams.get('state')).toMatch(/^[\w-]{32}$/)
  })

  it('exchanges the code for a token that works, and returns to the page the user was on', async () => {
    const { client, callback, sim } = await roundTrip()
    const { token, returnTo } = await client.completeSignIn(callback.search)
    expect(returnTo).toBe('/looks/12?tab=data')
    expect(sim.store.tokens.has(token.access_token!)).toBe(true)
    expect(sessionStorage.getItem(PENDING_KEY)).toBeNull()
    const renewed = await client.refresh()
    expect(renewed.access_token).not.toBe(token.access_token)
  })

  it('refuses a callback whose state was tampered with, before exchanging anything', async () => {
    const { client, callback, sim } = await roundTrip()
    callback.searchParams.set('state', 'forged')
    await expect(client.completeSignIn(callback.search)).rejects.toThrow(/does not match .* refused/)
    expect(sim.requestLog.some((e) => e.path === '/api/token')).toBe(false)
  })

  it('refuses a callback that arrives with no sign-in in progress (a replayed link)', async () => {
    const { client, callback } = await roundTrip()
    await client.completeSignIn(callback.search)
    await expect(client.completeSignIn(callback.search)).rejects.toThrow(/no sign-in in progress/)
  })

  it('says so when the user denies access on Looker', async () => {
    const { client, callback } = await roundTrip()
    const denied = new URLSearchParams({ error: 'access_denied', state: callback.searchParams.get('state')! })
    await expect(client.completeSignIn(`?${denied.toString()}`)).rejects.toThrow(/cancelled/)
  })

  it('cannot refresh after signing out', async () => {
    const { client, callback } = await roundTrip()
    await client.completeSignIn(callback.search)
    client.signOut()
    await expect(client.refresh()).rejects.toThrow(/Sign in again/)
    expect(client.wasSignedOut()).toBe(true)
  })

  it('only returns to paths inside the app', () => {
    expect(safeReturnPath('/looks?q=a')).toBe('/looks?q=a')
    expect(safeReturnPath('//evil.example/x')).toBe('/')
    expect(safeReturnPath('https://evil.example')).toBe('/')
    expect(safeReturnPath('/\\evil.example')).toBe('/')
  })

  it('reads the build settings, defaulting the API host to the web host', () => {
    expect(oauthSettingsFrom({}, 'http://app.test')).toBeNull()
    expect(
      oauthSettingsFrom(
        { VITE_LOOKER_URL: 'https://acme.looker.com/', VITE_LOOKER_OAUTH_CLIENT_ID: 'lb' },
        'https://app.test',
      ),
    ).toEqual({
      lookerUrl: 'https://acme.looker.com',
      apiUrl: 'https://acme.looker.com',
      clientId: 'lb',
      redirectUri: 'https://app.test/oauth/callback',
    })
  })
})

/** A fetch to the simulator whose token refreshes wait until the test lets them through. */
function heldRefreshes() {
  const waiting: (() => void)[] = []
  const fetchImpl: typeof fetch = async (input, init) => {
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { grant_type?: string }) : {}
    if (body.grant_type === 'refresh_token') await new Promise<void>((resolve) => waiting.push(resolve))
    return fetchViaSim(input, init)
  }
  return { fetchImpl, waiting, release: () => waiting.splice(0).forEach((go) => go()) }
}

async function signedIn(fetchImpl: typeof fetch) {
  const { client, callback } = await roundTrip(fetchImpl)
  const { token } = await client.completeSignIn(callback.search)
  const session = new TokenSession(() => client.refresh())
  session.accept(token)
  return { client, session, token: token.access_token! }
}

describe('signing out of OAuth (issue 12)', () => {
  it('is not undone by a token renewal that was already under way', async () => {
    const refreshes = heldRefreshes()
    const { client, session } = await signedIn(refreshes.fetchImpl)
    const renewal = session.renew() // e.g. the timer before expiry, or a 401 elsewhere in the app
    await expect.poll(() => refreshes.waiting.length).toBe(1)
    // Sign out clears first: both the session and the client forget their tokens at once…
    client.signOut()
    session.clear('You signed out.')
    // …and the renewal's answer, arriving afterwards, changes nothing.
    refreshes.release()
    expect(await renewal).toBe(false)
    expect(session.current()).toBeNull()
    expect(session.status()).toEqual({ state: 'signed-out', reason: 'You signed out.', wasSignedIn: true })
    await expect(client.refresh()).rejects.toThrow(/Sign in again/)
  })

  it('ends the Looker session of the token it held, and of any renewal that answered too late', async () => {
    const refreshes = heldRefreshes()
    const { client, session, token } = await signedIn(refreshes.fetchImpl)
    const liveTokens = sim.store.tokens.size
    void session.renew()
    await expect.poll(() => refreshes.waiting.length).toBe(1)
    const ended = endOAuthSession(client, session, 'You signed out.')
    expect(session.current()).toBeNull() // at once, before Looker answers anything
    await ended
    expect(sim.store.tokens.has(token)).toBe(false)
    refreshes.release()
    // The late renewal's new token is logged out as soon as it arrives, never used.
    await expect
      .poll(() => sim.requestLog.filter((e) => e.path === '/logout' && e.status === 204).length)
      .toBe(2)
    expect(sim.store.tokens.size).toBe(liveTokens - 1)
    expect(session.current()).toBeNull()
  })
})
