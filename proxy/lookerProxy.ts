import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ProxyConfig } from './config.ts'
import { BodyBudget, DEFAULT_LIMITS, forwardToLooker, type ForwardLimits } from './forward.ts'
import { redactingLogger } from './redact.ts'
import { LookerSession, type SessionOptions } from './lookerSession.ts'

/** Where the proxy's messages go: Vite's terminal logger in dev/preview, JSON lines in the server. */
export interface ProxyLogger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

export interface LookerProxyOptions {
  fetch?: typeof fetch
  limits?: ForwardLimits
  /** Sign-in pacing and timeouts (tests shorten them). */
  session?: Pick<SessionOptions, 'now' | 'backoffMs' | 'maxBackoffMs' | 'forcedBurst' | 'forcedIntervalMs'>
}

/** One configured Looker: its session, the forwarder, and the messages about both. */
export class LookerProxy {
  readonly session: LookerSession
  /** Every message about this Looker, with the secret and tokens taken out (proxy/redact.ts). */
  readonly logger: ProxyLogger
  private cachedWebUrl: Promise<string> | null = null
  private lastProblem: string | null = null
  private signedInOnce = false
  private readonly fetchImpl: typeof fetch
  private readonly limits: ForwardLimits
  private readonly budget: BodyBudget

  constructor(
    readonly config: ProxyConfig,
    logger: ProxyLogger,
    options: LookerProxyOptions = {},
  ) {
    this.fetchImpl = options.fetch ?? fetch
    this.limits = options.limits ?? DEFAULT_LIMITS
    this.budget = new BodyBudget(this.limits.maxBufferedBytes)
    this.logger = redactingLogger(logger, () => [config.clientSecret, ...this.session.recentTokens()])
    const log = this.logger
    this.session = new LookerSession(config, {
      ...options.session,
      fetch: this.fetchImpl,
      onSignIn: (seconds) => {
        const first = !this.signedInOnce || this.lastProblem !== null
        this.signedInOnce = true
        this.lastProblem = null
        log.info(
          `[lookbook] ${first ? 'Signed in to' : 'Renewed the token for'} Looker at ${config.baseUrl} (token valid ${seconds} s)`,
        )
      },
      onProblem: (problem) => {
        if (problem.message === this.lastProblem) return
        this.lastProblem = problem.message
        log.error(`[lookbook] ${problem.message}`)
      },
    })
    log.info(
      `[lookbook] Connected mode: /api/4.0 → ${config.baseUrl} (API key ${config.clientId.slice(0, 4)}…, the secret stays on this server)`,
    )
    // Sign in now so a wrong URL or key shows up in the log straight away, not at the first click.
    this.session.accessToken().catch(() => undefined)
  }

  /** Forwards a request the gateway checked; `target` is the exact URL to send (proxy/apiPath.ts). */
  forward(req: IncomingMessage, res: ServerResponse, target: string) {
    return forwardToLooker(req, res, target, this.config, this.session, {
      fetch: this.fetchImpl,
      limits: this.limits,
      budget: this.budget,
    })
  }

  /** The web UI origin for "Open in Looker" links: LOOKER_WEB_URL, else /versions' web_server_url, else the API host. */
  webUrl(): Promise<string> {
    if (this.config.webUrl) return Promise.resolve(this.config.webUrl)
    this.cachedWebUrl ??= this.readWebUrl().catch(() => {
      this.cachedWebUrl = null
      return new URL(this.config.baseUrl).origin
    })
    return this.cachedWebUrl
  }

  private async readWebUrl(): Promise<string> {
    const token = await this.session.accessToken()
    const res = await this.fetchImpl(`${this.config.baseUrl}/api/4.0/versions?fields=web_server_url`, {
      headers: { Authorization: `token ${token}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
      redirect: 'manual',
    })
    if (!res.ok) throw new Error(`versions: HTTP ${res.status}`)
    const body = (await res.json()) as { web_server_url?: unknown }
    if (typeof body.web_server_url !== 'string') throw new Error('versions: no web_server_url')
    // The browser makes links of it: only an http(s) origin will do (never javascript: or "null").
    const url = new URL(body.web_server_url)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('versions: not an http(s) URL')
    return url.origin
  }
}
