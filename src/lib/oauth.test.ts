import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sim } from '../test/server'
import {
  codeChallenge,
  createVerifier,
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

/** The browser's round trip: our /auth URL → the simulated consent page → "Allow" → the callback query. */
async function roundTrip() {
  const fetchViaSim: typeof fetch = (input, init) =>
    sim.handle(new Request(input instanceof Request ? input : input.toString(), init))
  const client = new OAuthClient(settings, sessionStorage, fetchViaSim)
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
