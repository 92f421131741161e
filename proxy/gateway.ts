import type { IncomingMessage, ServerResponse } from 'node:http'
import { checkOperation } from './allowlist.ts'
import { API_PREFIX, parseApiPath, upstreamUrl } from './apiPath.ts'
import type { ProxySetup } from './config.ts'
import { sendProblem, type ForwardLimits } from './forward.ts'
import { PROXIED_RESPONSE_HEADERS } from './headers.ts'
import { LookerProxy, type LookerProxyOptions, type ProxyLogger } from './lookerProxy.ts'
import { ProxyProblem } from './lookerSession.ts'
import { redactingLogger } from './redact.ts'
import { sameOriginPolicy, type SameOriginPolicy } from './sameOrigin.ts'

export { API_PREFIX }

/**
 * What the browser learns at boot (GET /__lookbook/config). Host names only: never a key, never a token.
 * `demo` means no Looker is configured and the app runs the simulator.
 */
export type LookbookRuntimeConfig =
  | { mode: 'demo' }
  | { mode: 'proxy'; status: 'ok'; lookerHost: string; lookerWebUrl: string }
  | { mode: 'proxy'; status: 'error'; lookerHost: string | null; problem: { kind: string; message: string } }

/** Whether the server can do its job: demo mode always can; connected mode once signed in to Looker. */
export type Readiness =
  | { ready: true; mode: 'demo' | 'proxy' }
  | { ready: false; mode: 'proxy'; problem: { kind: string; message: string } }

export const CONFIG_PATH = '/__lookbook/config'
export const SESSION_PATH = '/__lookbook/session'

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

export interface GatewayOptions {
  logger: ProxyLogger
  fetch?: typeof fetch
  /** Who may call the proxy (default: pages on the origin the request was addressed to). */
  sameOrigin?: SameOriginPolicy
  limits?: ForwardLimits
  /** Sign-in pacing (tests shorten it). */
  session?: LookerProxyOptions['session']
}

/**
 * The Looker side of Lookbook's server, the same for `npm start` (server/) and the Vite dev and preview
 * servers (proxy/vitePlugins.ts): /__lookbook/config and /__lookbook/session, and /api/4.0/* forwarded to
 * the configured Looker. Each request passes the checks in `handle` in order before anything reaches Looker;
 * anything else goes to `next`. See docs/decisions/0009-connected-mode.md.
 */
export class LookerGateway {
  /** Null in demo mode and when the settings are unusable. */
  readonly proxy: LookerProxy | null
  private readonly sameOrigin: SameOriginPolicy
  private readonly logger: ProxyLogger
  private readonly hostsHinted = new Set<string>()

  constructor(
    readonly setup: ProxySetup,
    options: GatewayOptions,
  ) {
    this.sameOrigin = options.sameOrigin ?? sameOriginPolicy()
    this.proxy =
      setup.kind === 'ready'
        ? new LookerProxy(setup.config, options.logger, {
            fetch: options.fetch,
            limits: options.limits,
            session: options.session,
          })
        : null
    const secret = setup.kind === 'ready' ? [setup.config.clientSecret] : []
    this.logger = this.proxy?.logger ?? redactingLogger(options.logger, () => secret)
    if (setup.kind === 'invalid')
      this.logger.error(`[lookbook] Connected mode is misconfigured: ${setup.problem}`)
  }

  /**
   * Every check, in order, before anything reaches Looker: demo mode stays out of the way; then who is
   * asking (Host, Origin, Sec-Fetch-Site: proxy/sameOrigin.ts), for /__lookbook/* as for /api/4.0; then
   * the path (proxy/apiPath.ts) and the operation (proxy/allowlist.ts); the body and time limits are
   * applied while forwarding (proxy/forward.ts).
   */
  readonly handle: Middleware = (req, res, next) => {
    const path = pathOf(req)
    const lookbook = path === CONFIG_PATH || path === SESSION_PATH
    if (!lookbook && path !== API_PREFIX && !path.startsWith(`${API_PREFIX}/`)) return next()
    if (this.setup.kind === 'off') return lookbook ? this.answerLookbook(path, req, res) : next()
    const refusal = this.sameOrigin.refusal(req)
    if (refusal) {
      if (refusal.host && !this.hostsHinted.has(refusal.host)) {
        this.hostsHinted.add(refusal.host)
        this.logger.warn(`[lookbook] ${refusal.message}`)
      }
      return sendProblem(res, 403, refusal.kind, refusal.message)
    }
    if (lookbook) return this.answerLookbook(path, req, res)
    if (this.setup.kind === 'invalid' || !this.proxy) {
      return sendProblem(res, 502, 'config', this.setup.kind === 'invalid' ? this.setup.problem : 'No proxy.')
    }
    const apiPath = parseApiPath(req.url ?? '/')
    if (!apiPath.ok) return sendProblem(res, 403, 'not_allowed', apiPath.message, { rule: apiPath.rule })
    const verdict = checkOperation(req.method ?? 'GET', apiPath.path)
    if (!verdict.allowed) return sendProblem(res, 403, 'not_allowed', verdict.message, { rule: verdict.rule })
    const target = upstreamUrl(this.proxy.config.baseUrl, apiPath)
    if (!target) {
      const message = 'The Lookbook proxy refuses this path: it would change when parsed as a URL.'
      return sendProblem(res, 403, 'not_allowed', message, { rule: 'path:unstable' })
    }
    this.proxy.forward(req, res, target).catch((error: unknown) => {
      this.logger.error(`[lookbook] Forwarding ${req.method} ${apiPath.path} failed: ${String(error)}`)
      sendProblem(res, 502, 'upstream', 'The Lookbook proxy failed while forwarding this request.')
    })
  }

  /** GET /__lookbook/config, POST /__lookbook/session (a forced, paced sign-in: lookerSession.ts). */
  private answerLookbook(path: string, req: IncomingMessage, res: ServerResponse) {
    const session = path === SESSION_PATH
    const allowed = session ? ['POST'] : ['GET', 'HEAD']
    if (!allowed.includes(req.method ?? 'GET')) {
      res.setHeader('Allow', allowed.join(', '))
      return sendProblem(res, 405, 'method', `Use ${allowed.join(' or ')}.`)
    }
    void this.runtimeConfig(session).then((body) => {
      res.writeHead(200, {
        ...PROXIED_RESPONSE_HEADERS,
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      })
      res.end(JSON.stringify(body))
    })
  }

  /** For health checks: signed in (a held token, or a sign-in now), without forcing a new one. */
  async readiness(): Promise<Readiness> {
    if (this.setup.kind === 'off') return { ready: true, mode: 'demo' }
    if (this.setup.kind === 'invalid' || !this.proxy) {
      const message = this.setup.kind === 'invalid' ? this.setup.problem : 'The proxy is not running.'
      return { ready: false, mode: 'proxy', problem: { kind: 'config', message } }
    }
    try {
      await this.proxy.session.accessToken()
      return { ready: true, mode: 'proxy' }
    } catch (error) {
      const problem = asProblem(error)
      return { ready: false, mode: 'proxy', problem: { kind: problem.kind, message: problem.message } }
    }
  }

  private async runtimeConfig(force: boolean): Promise<LookbookRuntimeConfig> {
    const setup = this.setup
    if (setup.kind === 'off') return { mode: 'demo' }
    if (setup.kind === 'invalid') {
      return {
        mode: 'proxy',
        status: 'error',
        lookerHost: hostOf(setup.baseUrl),
        problem: { kind: 'config', message: setup.problem },
      }
    }
    const lookerHost = hostOf(setup.config.baseUrl) ?? setup.config.baseUrl
    try {
      if (!this.proxy) throw new ProxyProblem('config', 'The proxy is not running.')
      await this.proxy.session.accessToken({ force })
      return { mode: 'proxy', status: 'ok', lookerHost, lookerWebUrl: await this.proxy.webUrl() }
    } catch (error) {
      const problem = asProblem(error)
      return {
        mode: 'proxy',
        status: 'error',
        lookerHost,
        problem: { kind: problem.kind, message: problem.message },
      }
    }
  }
}

/** The request's path without the query string. */
export function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0] ?? '/'
}

function asProblem(error: unknown): ProxyProblem {
  return error instanceof ProxyProblem ? error : new ProxyProblem('upstream', String(error))
}

function hostOf(url: string | null): string | null {
  if (!url) return null
  try {
    return new URL(url).host
  } catch {
    return null
  }
}
