import type { ProxyConfig } from './config.ts'

/** Why the proxy could not get a token; `message` is written for the person reading the app or terminal. */
export type ProxyProblemKind = 'config' | 'credentials' | 'not_looker' | 'unreachable' | 'upstream'

export class ProxyProblem extends Error {
  constructor(
    readonly kind: ProxyProblemKind,
    message: string,
    /** The status the browser gets: 502 (bad gateway) or 504 (timeout). */
    readonly status = 502,
  ) {
    super(message)
    this.name = 'ProxyProblem'
  }
}

interface Token {
  value: string
  expiresAt: number
  lifetimeMs: number
}

export interface SessionOptions {
  fetch?: typeof fetch
  now?: () => number
  /** Login timeout; Looker answers a login in well under a second when it is up. */
  timeoutMs?: number
  /**
   * After a failed sign-in, requests get the same answer instead of a new login for this long, doubled for
   * each failure in a row up to `maxBackoffMs` (a wrong key probed by /readyz or "Try again" every few
   * seconds makes a handful of logins a minute, then one a minute).
   */
  backoffMs?: number
  maxBackoffMs?: number
  /**
   * Sign-ins forced while a token is held (a 401 from Looker, POST /__lookbook/session): `forcedBurst` at
   * once, then one per `forcedIntervalMs`. Anyone who can reach the proxy can force them, so they are paced.
   */
  forcedBurst?: number
  forcedIntervalMs?: number
  onSignIn?: (expiresInSeconds: number) => void
  onProblem?: (problem: ProxyProblem) => void
}

type Pacing = Record<'timeoutMs' | 'backoffMs' | 'maxBackoffMs' | 'forcedBurst' | 'forcedIntervalMs', number>

export const SESSION_DEFAULTS: Readonly<Pacing> = {
  timeoutMs: 15_000,
  backoffMs: 2_000,
  maxBackoffMs: 60_000,
  forcedBurst: 3,
  forcedIntervalMs: 20_000,
}

/**
 * The proxy's own Looker API session: API3 keys → POST /api/4.0/login (form body, as the spec asks),
 * the token kept in this process only, renewed shortly before it expires, one sign-in shared by all
 * concurrent requests. A token replaced while still valid is logged out (DELETE /api/4.0/logout), so
 * renewals do not leave live sessions behind.
 */
export class LookerSession {
  private token: Token | null = null
  private pending: Promise<string> | null = null
  private failure: { problem: ProxyProblem; at: number; streak: number } | null = null
  /** The last few tokens this session held, so the log can redact them (proxy/redact.ts). */
  private readonly issued: string[] = []
  private forcedAllowance: number
  private forcedRefilledAt: number
  private readonly fetch: typeof fetch
  private readonly now: () => number
  private readonly settings: Pacing

  constructor(
    private readonly config: ProxyConfig,
    private readonly options: SessionOptions = {},
  ) {
    this.fetch = options.fetch ?? fetch
    this.now = options.now ?? Date.now
    this.settings = { ...SESSION_DEFAULTS, ...definedOnly(options) }
    this.forcedAllowance = this.settings.forcedBurst
    this.forcedRefilledAt = this.now()
  }

  /**
   * A token good for at least a little while longer, signing in if needed. `force` asks for a new one
   * even while the current one is good (the app's "Try again"); it is paced, and when the pace is
   * exceeded the current token is the answer. Throws ProxyProblem.
   */
  async accessToken({ force = false } = {}): Promise<string> {
    const held = this.token && !this.isDueForRenewal(this.token) ? this.token : null
    if (held && !force) return held.value
    if (this.pending) return this.pending
    this.throwDuringBackoff()
    if (held && !this.takeForcedSignIn()) return held.value
    return this.startSignIn()
  }

  /**
   * Looker refused `refused` (401): the token to repeat the request with, or null when the request should
   * not be repeated (forced sign-ins are exhausted for now: the 401 goes to the browser). A token that was
   * already replaced gets its replacement, without a new login.
   */
  async renewAfterRefusal(refused: string): Promise<string | null> {
    if (this.token && this.token.value !== refused) return this.accessToken()
    if (this.pending) return this.pending
    this.throwDuringBackoff()
    if (!this.takeForcedSignIn()) return null
    if (this.token?.value === refused) this.token = null // dead: nothing to log out
    return this.startSignIn()
  }

  /** Tokens held lately (newest last): never to be written anywhere. */
  recentTokens(): readonly string[] {
    return this.issued
  }

  private startSignIn(): Promise<string> {
    this.pending = this.signIn().finally(() => {
      this.pending = null
    })
    return this.pending
  }

  private throwDuringBackoff() {
    const failure = this.failure
    if (!failure) return
    const wait = Math.min(this.settings.maxBackoffMs, this.settings.backoffMs * 2 ** (failure.streak - 1))
    if (this.now() - failure.at < wait) throw failure.problem
  }

  /** A token bucket: `forcedBurst` sign-ins, refilled one per `forcedIntervalMs`. */
  private takeForcedSignIn(): boolean {
    const { forcedBurst, forcedIntervalMs } = this.settings
    const refills = Math.floor((this.now() - this.forcedRefilledAt) / forcedIntervalMs)
    if (refills > 0) {
      this.forcedAllowance = Math.min(forcedBurst, this.forcedAllowance + refills)
      this.forcedRefilledAt += refills * forcedIntervalMs
    }
    if (this.forcedAllowance === 0) return false
    this.forcedAllowance--
    return true
  }

  /** Renew when 80% of the lifetime has passed, and at most a minute early (Looker tokens last an hour). */
  private isDueForRenewal(token: Token): boolean {
    const margin = Math.min(60_000, token.lifetimeMs * 0.2)
    return this.now() >= token.expiresAt - margin
  }

  private async signIn(): Promise<string> {
    try {
      const token = await this.login()
      const replaced = this.token
      this.token = token
      this.issued.push(token.value)
      if (this.issued.length > 8) this.issued.shift()
      this.failure = null
      this.options.onSignIn?.(Math.round(token.lifetimeMs / 1000))
      if (replaced && replaced.value !== token.value && this.now() < replaced.expiresAt) this.logout(replaced)
      return token.value
    } catch (error) {
      const problem = error instanceof ProxyProblem ? error : unreachable(this.config.baseUrl, error)
      this.token = null
      this.failure = { problem, at: this.now(), streak: (this.failure?.streak ?? 0) + 1 }
      this.options.onProblem?.(problem)
      throw problem
    }
  }

  /** Ends a replaced session at Looker; best effort (Looker may refuse, the token expires anyway). */
  private logout(token: Token) {
    void this.fetch(`${this.config.baseUrl}/api/4.0/logout`, {
      method: 'DELETE',
      headers: { Authorization: `token ${token.value}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(this.settings.timeoutMs),
      redirect: 'manual',
    })
      .then((res) => res.arrayBuffer())
      .catch(() => undefined)
  }

  private async login(): Promise<Token> {
    const url = `${this.config.baseUrl}/api/4.0/login`
    const body = new URLSearchParams({
      client_id: this.config.clientId,
      client_secret: this.config.clientSecret,
    })
    const timeoutMs = this.settings.timeoutMs
    let res: Response
    try {
      res = await this.fetch(url, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      })
    } catch (error) {
      throw unreachable(this.config.baseUrl, error, timeoutMs)
    }
    const text = await res.text().catch(() => '')
    const json = parseJson(text)
    if (res.ok) {
      const token = json as { access_token?: unknown; expires_in?: unknown } | null
      if (typeof token?.access_token !== 'string' || token.access_token === '') {
        throw new ProxyProblem(
          'not_looker',
          `${url} answered 200 but not with a Looker access token. ${HINT_URL}`,
        )
      }
      const seconds = typeof token.expires_in === 'number' && token.expires_in > 0 ? token.expires_in : 3600
      return { value: token.access_token, lifetimeMs: seconds * 1000, expiresAt: this.now() + seconds * 1000 }
    }
    if (json === null || (res.status >= 300 && res.status < 400)) {
      throw new ProxyProblem(
        'not_looker',
        `${url} answered HTTP ${res.status} without a Looker JSON body: LOOKER_BASE_URL does not look like a Looker API host. ${HINT_URL}`,
      )
    }
    if (res.status === 400 || res.status === 401 || res.status === 403 || res.status === 404) {
      throw new ProxyProblem(
        'credentials',
        `Looker at ${this.config.baseUrl} refused the API key (HTTP ${res.status} from /api/4.0/login). ` +
          'Check LOOKER_CLIENT_ID and LOOKER_CLIENT_SECRET: they are the API key of a Looker user ' +
          '(Admin → Users → Edit → API keys), and that user must not be disabled.',
      )
    }
    // Only the status: an error text from upstream could echo the form, secret included (issue 12).
    throw new ProxyProblem(
      'upstream',
      `Looker at ${this.config.baseUrl} could not sign in (HTTP ${res.status} from /api/4.0/login). Try again in a moment.`,
    )
  }
}

const HINT_URL =
  'Use the API host, e.g. https://yourcompany.looker.com (Looker-hosted) or https://looker.yourcompany.com:19999 (self-hosted).'

function definedOnly(options: SessionOptions): Partial<Pacing> {
  const picked: Partial<Pacing> = {}
  for (const key of Object.keys(SESSION_DEFAULTS) as (keyof Pacing)[]) {
    if (options[key] !== undefined) picked[key] = options[key]
  }
  return picked
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null
  } catch {
    return null
  }
}

/** Turns a fetch failure into words: refused, unknown host, timeout, or a certificate the server does not trust. */
export function unreachable(baseUrl: string, error: unknown, timeoutMs?: number): ProxyProblem {
  const name = error instanceof Error ? error.name : ''
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ProxyProblem(
      'unreachable',
      `Looker at ${baseUrl} did not answer within ${Math.round((timeoutMs ?? 15_000) / 1000)} s. Check LOOKER_BASE_URL and your network.`,
      504,
    )
  }
  const code = errorCode(error)
  const why =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN'
      ? 'the host name does not resolve'
      : code === 'ECONNREFUSED'
        ? 'the connection was refused (is the instance up, and is the port right?)'
        : code === 'ECONNRESET'
          ? 'the connection was reset'
          : code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)
            ? `its TLS certificate is not trusted (${code}); set NODE_EXTRA_CA_CERTS to your CA bundle`
            : code
              ? code
              : error instanceof Error
                ? error.message
                : String(error)
  return new ProxyProblem(
    'unreachable',
    `Could not reach Looker at ${baseUrl}: ${why}. Check LOOKER_BASE_URL.`,
  )
}

function errorCode(error: unknown): string | null {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return null
}
