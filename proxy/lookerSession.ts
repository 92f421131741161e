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
  /** After a failed sign-in, requests within this time get the same answer instead of a new login. */
  failureCooldownMs?: number
  onSignIn?: (expiresInSeconds: number) => void
  onProblem?: (problem: ProxyProblem) => void
}

/**
 * The proxy's own Looker API session: API3 keys → POST /api/4.0/login (form body, as the spec asks),
 * the token kept in this process only, renewed shortly before it expires, one sign-in shared by all
 * concurrent requests.
 */
export class LookerSession {
  private token: Token | null = null
  private pending: Promise<string> | null = null
  private failure: { problem: ProxyProblem; at: number } | null = null
  private readonly fetch: typeof fetch
  private readonly now: () => number

  constructor(
    private readonly config: ProxyConfig,
    private readonly options: SessionOptions = {},
  ) {
    this.fetch = options.fetch ?? fetch
    this.now = options.now ?? Date.now
  }

  /** A token good for at least a little while longer, signing in if needed. Throws ProxyProblem. */
  async accessToken({ force = false } = {}): Promise<string> {
    if (!force && this.token && !this.isDueForRenewal(this.token)) return this.token.value
    if (!force && this.failure && this.now() - this.failure.at < (this.options.failureCooldownMs ?? 2000)) {
      throw this.failure.problem
    }
    this.pending ??= this.signIn().finally(() => {
      this.pending = null
    })
    return this.pending
  }

  /** Forget a token Looker refused (401), unless a newer one already replaced it. */
  invalidate(value: string) {
    if (this.token?.value === value) this.token = null
  }

  /** Renew when 80% of the lifetime has passed, and at most a minute early (Looker tokens last an hour). */
  private isDueForRenewal(token: Token): boolean {
    const margin = Math.min(60_000, token.lifetimeMs * 0.2)
    return this.now() >= token.expiresAt - margin
  }

  private async signIn(): Promise<string> {
    try {
      const token = await this.login()
      this.token = token
      this.failure = null
      this.options.onSignIn?.(Math.round(token.lifetimeMs / 1000))
      return token.value
    } catch (error) {
      const problem = error instanceof ProxyProblem ? error : unreachable(this.config.baseUrl, error)
      this.token = null
      this.failure = { problem, at: this.now() }
      this.options.onProblem?.(problem)
      throw problem
    }
  }

  private async login(): Promise<Token> {
    const url = `${this.config.baseUrl}/api/4.0/login`
    const body = new URLSearchParams({
      client_id: this.config.clientId,
      client_secret: this.config.clientSecret,
    })
    const timeoutMs = this.options.timeoutMs ?? 15_000
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
    const message =
      typeof (json as { message?: unknown }).message === 'string' ? (json as { message: string }).message : ''
    throw new ProxyProblem(
      'upstream',
      `Looker at ${this.config.baseUrl} could not sign in (HTTP ${res.status}${message ? `: ${message}` : ''}). Try again in a moment.`,
    )
  }
}

const HINT_URL =
  'Use the API host, e.g. https://yourcompany.looker.com (Looker-hosted) or https://looker.yourcompany.com:19999 (self-hosted).'

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
