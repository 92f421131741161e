import type { ApiAccessToken } from './api-types'
import { conflict, forbidden, notFound, validationFailed, type FieldError } from './errors'
import type { SimStore } from './store'
import type { Viewer } from './viewer'

/** OauthClientApp as the spec defines it (the fields the simulator keeps). */
export interface OAuthClientApp {
  client_guid: string
  redirect_uri: string
  display_name: string
  description: string
  enabled: boolean
  group_id: string | null
  /** Left out until tokens are invalidated: the spec does not let it be null. */
  tokens_invalid_before?: string
  activated_users: []
}

/** Pre-registered so `npm run dev` with OAuth against `npm run sim` works out of the box. */
export const DEMO_OAUTH_CLIENT = {
  client_guid: 'lookbook',
  redirect_uri: 'http://localhost:5173/oauth/callback',
  display_name: 'Lookbook',
}

const CODE_TTL_MS = 10 * 60_000

interface AuthCode {
  client_id: string
  redirect_uri: string
  challenge: string
  user_id: string
  expires_at: number
}

/** RFC 6749 §5.2 error answer from /api/token (`message` too, for clients that read Looker errors). */
export class OAuthGrantError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type',
    readonly description: string,
  ) {
    super(description)
  }
  body() {
    return { error: this.error, error_description: this.description, message: this.description }
  }
}

export interface AuthorizeRequest {
  client_id: string | null
  redirect_uri: string | null
  response_type: string | null
  code_challenge: string | null
  code_challenge_method: string | null
}

/**
 * OAuth for browser apps, as Looker does it: registered client apps with one exact redirect_uri,
 * authorization codes bound to a PKCE S256 challenge, access tokens from the store's token table
 * (same lifetime setting), refresh tokens. Rules live here; routes/oauth.ts translates HTTP.
 */
export class SimOAuth {
  readonly apps = new Map<string, OAuthClientApp>()
  private readonly codes = new Map<string, AuthCode>()
  private readonly refreshTokens = new Map<string, { client_id: string; user_id: string }>()

  constructor(private readonly store: SimStore) {
    this.register(DEMO_OAUTH_CLIENT.client_guid, DEMO_OAUTH_CLIENT, null)
  }

  /** register_oauth_client_app; `viewer` null = set up by the operator (CLI), not through the API. */
  register(guid: string, body: Partial<OAuthClientApp>, viewer: Viewer | null): OAuthClientApp {
    if (viewer && !viewer.isAdmin) throw forbidden('Only admins may register OAuth client apps.')
    if (this.apps.has(guid)) throw conflict(`An OAuth client app with client_guid "${guid}" already exists.`)
    const errors: FieldError[] = []
    if (typeof body.redirect_uri !== 'string' || !isAbsoluteUrl(body.redirect_uri))
      errors.push({ field: 'redirect_uri', code: 'missing', message: 'must be an absolute URL' })
    if (typeof body.display_name !== 'string' || body.display_name.trim() === '')
      errors.push({ field: 'display_name', code: 'missing', message: "can't be blank" })
    if (errors.length > 0) throw validationFailed(errors)
    const app: OAuthClientApp = {
      client_guid: guid,
      redirect_uri: body.redirect_uri as string,
      display_name: (body.display_name as string).trim(),
      description: typeof body.description === 'string' ? body.description : '',
      enabled: body.enabled !== false,
      group_id: null,
      activated_users: [],
    }
    this.apps.set(guid, app)
    return app
  }

  /** Why an /auth request must be refused, or the app it is for. Never redirects to an unregistered URI. */
  checkAuthorize(request: AuthorizeRequest): { app: OAuthClientApp } | { problem: string } {
    const app = request.client_id ? this.apps.get(request.client_id) : undefined
    if (!app || !app.enabled)
      return { problem: `Unknown or disabled client_id "${request.client_id ?? ''}".` }
    if (request.redirect_uri !== app.redirect_uri)
      return {
        problem: 'redirect_uri does not match the one registered for this app; the request looks forged.',
      }
    if (request.response_type !== 'code') return { problem: 'response_type must be "code".' }
    if (request.code_challenge_method !== 'S256' || !request.code_challenge)
      return { problem: 'A PKCE code_challenge with code_challenge_method=S256 is required.' }
    return { app }
  }

  /** The user allowed access on the consent page: a one-time code bound to the challenge. */
  issueCode(request: AuthorizeRequest, userId: string): string {
    const checked = this.checkAuthorize(request)
    if ('problem' in checked) throw forbidden(checked.problem)
    if (!this.store.user(userId)) throw notFound()
    const code = randomString(32)
    this.codes.set(code, {
      client_id: checked.app.client_guid,
      redirect_uri: checked.app.redirect_uri,
      challenge: request.code_challenge as string,
      user_id: userId,
      expires_at: this.store.clock.now() + CODE_TTL_MS,
    })
    return code
  }

  /** POST /api/token with grant_type=authorization_code or refresh_token. */
  async token(params: URLSearchParams): Promise<ApiAccessToken> {
    const grant = params.get('grant_type')
    if (grant === 'authorization_code') return this.redeemCode(params)
    if (grant === 'refresh_token') return this.refresh(params)
    throw new OAuthGrantError('unsupported_grant_type', `grant_type "${grant ?? ''}" is not supported.`)
  }

  private async redeemCode(params: URLSearchParams): Promise<ApiAccessToken> {
    const code = params.get('code') ?? ''
    const record = this.codes.get(code)
    this.codes.delete(code) // one use, whatever happens next
    if (!record || record.expires_at <= this.store.clock.now())
      throw new OAuthGrantError('invalid_grant', 'The authorization code is unknown, used or expired.')
    if (params.get('client_id') !== record.client_id || params.get('redirect_uri') !== record.redirect_uri)
      throw new OAuthGrantError(
        'invalid_grant',
        'client_id or redirect_uri differ from the authorization request.',
      )
    const verifier = params.get('code_verifier') ?? ''
    if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || (await s256(verifier)) !== record.challenge)
      throw new OAuthGrantError('invalid_grant', 'The PKCE code_verifier does not match the code_challenge.')
    return this.grant(record.client_id, record.user_id)
  }

  private refresh(params: URLSearchParams): ApiAccessToken {
    const record = this.refreshTokens.get(params.get('refresh_token') ?? '')
    if (!record || record.client_id !== params.get('client_id'))
      throw new OAuthGrantError('invalid_grant', 'The refresh token is unknown or was revoked.')
    const user = this.store.user(record.user_id)
    if (!user || user.is_disabled) throw new OAuthGrantError('invalid_grant', 'The user is disabled.')
    return this.grant(record.client_id, record.user_id)
  }

  /** Revokes every refresh token (tests: "the session really ended"). */
  revokeRefreshTokens() {
    this.refreshTokens.clear()
  }

  private grant(clientId: string, userId: string): ApiAccessToken {
    const refresh = randomString(40)
    this.refreshTokens.set(refresh, { client_id: clientId, user_id: userId })
    return {
      access_token: this.store.issueToken(userId),
      token_type: 'Bearer',
      expires_in: this.store.tokenTtlSeconds,
      refresh_token: refresh,
    }
  }
}

function isAbsoluteUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol)
  } catch {
    return false
  }
}

function randomString(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  let out = ''
  for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(length)))
    out += alphabet[byte % alphabet.length]
  return out
}

export async function s256(verifier: string): Promise<string> {
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)),
  )
  let binary = ''
  for (const b of digest) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
