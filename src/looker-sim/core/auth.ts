import type { ApiAccessToken } from './api-types'
import { notFound, unauthorized } from './errors'
import type { SimStore } from './store'
import type { UserRecord } from './types'

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Tokens are unguessable (Web Crypto), unlike the seeded data: nothing depends on their value. */
function randomToken(): string {
  const bytes = new Uint8Array(40)
  globalThis.crypto.getRandomValues(bytes)
  let token = ''
  for (const byte of bytes) token += TOKEN_ALPHABET[byte % TOKEN_ALPHABET.length]
  return token
}

export function issueToken(store: SimStore, userId: string): string {
  if (!store.user(userId)) throw notFound()
  const token = randomToken()
  store.tokens.set(token, {
    token,
    user_id: userId,
    expires_at: store.clock.now() + store.tokenTtlSeconds * 1000,
  })
  return token
}

/** API3 login. Wrong or missing credentials answer 404 "Not found", as Looker does. */
export function login(store: SimStore, clientId: string | null, clientSecret: string | null): ApiAccessToken {
  const credential = store.data.credentials.find((c) => c.client_id === clientId)
  if (!credential || !clientSecret || credential.client_secret !== clientSecret) throw notFound()
  const user = store.user(credential.user_id)
  if (!user || user.is_disabled) throw notFound()
  return {
    access_token: issueToken(store, user.id),
    token_type: 'Bearer',
    expires_in: store.tokenTtlSeconds,
    refresh_token: null,
  }
}

export function logout(store: SimStore, token: string): void {
  store.tokens.delete(token)
}

/** The user behind a token, or 401 when it is missing, unknown or expired. */
export function authenticate(store: SimStore, token: string | null): UserRecord {
  const record = token ? store.tokens.get(token) : undefined
  if (!record) throw unauthorized()
  if (record.expires_at <= store.clock.now()) {
    store.tokens.delete(record.token)
    throw unauthorized()
  }
  const user = store.user(record.user_id)
  if (!user || user.is_disabled) throw unauthorized()
  return user
}
