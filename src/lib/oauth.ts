import type { IAccessToken } from '@looker/sdk/lib/4.0/models'
import type { TokenSession } from './tokenSession'

/**
 * OAuth 2 authorization code + PKCE (S256) against Looker, as @looker/sdk-rtl's OAuthSession does it
 * (docs/decisions/0009-connected-mode.md), with two differences: `state` is a random nonce checked on
 * return (the SDK sends a constant), and the refresh token stays in memory like the access token.
 * Only the verifier, the state and the page to return to touch sessionStorage, for the round trip.
 */
export interface OAuthSettings {
  /** Looker web UI origin (where /auth lives), e.g. https://acme.looker.com. */
  lookerUrl: string
  /** Looker API host (where /api/token and /api/4.0 live); the same as lookerUrl on Looker-hosted instances. */
  apiUrl: string
  /** The registered client_guid. */
  clientId: string
  /** Must match the registered redirect_uri exactly. */
  redirectUri: string
}

export const PENDING_KEY = 'lookbook.oauth.pending'
export const SIGNED_OUT_KEY = 'lookbook.oauth.signedOut'
export const CALLBACK_PATH = 'oauth/callback'

interface PendingSignIn {
  state: string
  verifier: string
  returnTo: string
  startedAt: number
}

/** A pending sign-in older than this is stale (the user walked away from Looker's page). */
const PENDING_MAX_AGE_MS = 30 * 60_000

export class OAuthError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OAuthError'
  }
}

/** OAuth settings from the build (VITE_LOOKER_URL, VITE_LOOKER_OAUTH_CLIENT_ID, optional VITE_LOOKER_API_URL). */
export function oauthSettingsFrom(
  env: Record<string, string | boolean | undefined>,
  appOrigin: string,
  basePath = '/',
): OAuthSettings | null {
  const lookerUrl = typeof env.VITE_LOOKER_URL === 'string' ? env.VITE_LOOKER_URL.trim() : ''
  const clientId =
    typeof env.VITE_LOOKER_OAUTH_CLIENT_ID === 'string' ? env.VITE_LOOKER_OAUTH_CLIENT_ID.trim() : ''
  if (!lookerUrl || !clientId) return null
  const apiUrl =
    typeof env.VITE_LOOKER_API_URL === 'string' && env.VITE_LOOKER_API_URL.trim()
      ? env.VITE_LOOKER_API_URL.trim()
      : lookerUrl
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`
  return {
    lookerUrl: new URL(lookerUrl).origin,
    apiUrl: new URL(apiUrl).origin,
    clientId,
    redirectUri: `${appOrigin}${base}${CALLBACK_PATH}`,
  }
}

function randomBytes(count: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(count))
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
}

export function base64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The verifier as the SDK makes it: 33 random bytes as hex (66 characters; RFC 7636 allows 43–128). */
export function createVerifier(): string {
  return hex(randomBytes(33))
}

/** S256: base64url(SHA-256(ASCII verifier)). */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return base64Url(new Uint8Array(digest))
}

/** Only a path in this app may be returned to: never another origin (an open redirect). */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/'
  return value
}

/**
 * One OAuth client: starts a sign-in (returns Looker's /auth URL to navigate to), finishes it on the
 * callback page, refreshes the token. Holds the refresh token in memory only.
 */
export class OAuthClient {
  private refreshToken: string | null = null
  /** Bumped on sign-out: a token answer to a request sent before it is dropped (and its session ended). */
  private epoch = 0

  constructor(
    readonly settings: OAuthSettings,
    private readonly storage: Storage = sessionStorage,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  /** Stores verifier, state and return path for the round trip and returns the /auth URL. */
  async beginSignIn(returnTo: string): Promise<string> {
    const verifier = createVerifier()
    const state = base64Url(randomBytes(24))
    const pending: PendingSignIn = {
      state,
      verifier,
      returnTo: safeReturnPath(returnTo),
      startedAt: Date.now(),
    }
    this.storage.setItem(PENDING_KEY, JSON.stringify(pending))
    this.storage.removeItem(SIGNED_OUT_KEY)
    const url = new URL('/auth', this.settings.lookerUrl)
    url.search = new URLSearchParams({
      client_id: this.settings.clientId,
      code_challenge: await codeChallenge(verifier),
      code_challenge_method: 'S256',
      redirect_uri: this.settings.redirectUri,
      response_type: 'code',
      scope: 'cors_api',
      state,
    }).toString()
    return url.toString()
  }

  /**
   * Finishes the sign-in from the callback URL's query string. The pending entry is used once and
   * removed whatever happens; a missing or different `state` is refused before any code is exchanged.
   */
  async completeSignIn(search: string): Promise<{ token: IAccessToken; returnTo: string }> {
    const params = new URLSearchParams(search)
    const raw = this.storage.getItem(PENDING_KEY)
    this.storage.removeItem(PENDING_KEY)
    const pending = parsePending(raw)
    if (!pending || Date.now() - pending.startedAt > PENDING_MAX_AGE_MS) {
      throw new OAuthError('This browser has no sign-in in progress (or it is too old). Sign in again.')
    }
    const state = params.get('state')
    if (!state || state !== pending.state) {
      throw new OAuthError(
        'The answer from Looker does not match the sign-in this browser started (the state differs), so it was refused. Sign in again.',
      )
    }
    const error = params.get('error')
    if (error) {
      const detail = params.get('error_description')
      throw new OAuthError(
        error === 'access_denied'
          ? 'Looker sign-in was cancelled: access was not allowed.'
          : `Looker refused the sign-in: ${detail ?? error}.`,
      )
    }
    const code = params.get('code')
    if (!code) throw new OAuthError('Looker sent no authorization code. Sign in again.')
    const token = await this.tokenRequest({
      grant_type: 'authorization_code',
      code,
      code_verifier: pending.verifier,
      client_id: this.settings.clientId,
      redirect_uri: this.settings.redirectUri,
    })
    return { token, returnTo: pending.returnTo }
  }

  /** A new access token from the refresh token; throws when there is none or Looker refuses it. */
  async refresh(): Promise<IAccessToken> {
    if (!this.refreshToken) throw new OAuthError('Your Looker session has ended. Sign in again.')
    return this.tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: this.refreshToken,
      client_id: this.settings.clientId,
      redirect_uri: this.settings.redirectUri,
    })
  }

  /** Forget the refresh token and remember (for this tab) not to sign in again by itself. */
  signOut() {
    this.epoch++
    this.refreshToken = null
    this.storage.setItem(SIGNED_OUT_KEY, '1')
  }

  /**
   * Ends an access token's session at Looker: DELETE {api}/api/4.0/logout. Best effort: Looker may refuse
   * it over CORS (sdk-codegen#1346), and the token expires anyway; nothing here is kept either way.
   */
  async logout(accessToken: string): Promise<void> {
    try {
      const res = await this.fetchImpl(new URL('/api/4.0/logout', this.settings.apiUrl).toString(), {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
      })
      await res.arrayBuffer()
    } catch {
      // Not reachable or not allowed: the token is forgotten here all the same.
    }
  }

  wasSignedOut(): boolean {
    return this.storage.getItem(SIGNED_OUT_KEY) === '1'
  }

  /** POST {api}/api/token with a JSON body, like the SDK (the endpoint is outside /api/4.0). */
  private async tokenRequest(body: Record<string, string>): Promise<IAccessToken> {
    const epoch = this.epoch
    let res: Response
    try {
      res = await this.fetchImpl(new URL('/api/token', this.settings.apiUrl).toString(), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      })
    } catch {
      throw new OAuthError(
        `Could not reach Looker at ${this.settings.apiUrl}. If it is up, this site's origin may be missing from Looker's embedded domain allowlist.`,
      )
    }
    const json = (await res.json().catch(() => null)) as
      (IAccessToken & { message?: string; error?: string; error_description?: string }) | null
    if (!res.ok || !json?.access_token) {
      const why = json?.error_description ?? json?.message ?? json?.error ?? `HTTP ${res.status}`
      throw new OAuthError(`Looker refused the sign-in (${why}). Sign in again.`)
    }
    if (epoch !== this.epoch) {
      // Signed out while Looker was answering: the new session is ended, not used.
      void this.logout(json.access_token)
      throw new OAuthError('You signed out while Looker was renewing the session.')
    }
    if (json.refresh_token) this.refreshToken = json.refresh_token
    return json
  }
}

function parsePending(raw: string | null): PendingSignIn | null {
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as Partial<PendingSignIn>
    if (typeof value.state !== 'string' || typeof value.verifier !== 'string') return null
    return {
      state: value.state,
      verifier: value.verifier,
      returnTo: safeReturnPath(value.returnTo),
      startedAt: typeof value.startedAt === 'number' ? value.startedAt : 0,
    }
  } catch {
    return null
  }
}

/**
 * Sign-out: the tokens are forgotten first, at once (a renewal already under way is ignored when it
 * answers: TokenSession and OAuthClient both drop it), and only then is Looker asked to end the session
 * the access token belonged to. Returns when that request is done; the caller clears cached data at once.
 */
export function endOAuthSession(client: OAuthClient, session: TokenSession, reason: string): Promise<void> {
  const token = session.current()
  client.signOut()
  session.clear(reason)
  return token ? client.logout(token) : Promise.resolve()
}
