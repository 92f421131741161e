import type { IncomingMessage, ServerResponse } from 'node:http'
import { loadEnv, type Logger, type Plugin } from 'vite'
import { readProxySetup, type ProxyConfig, type ProxySetup } from './config.ts'
import { forwardToLooker, sendProblem } from './forward.ts'
import { LookerSession, ProxyProblem } from './lookerSession.ts'

/**
 * What the browser learns at boot (GET /__lookbook/config). Host names only: never a key, never a token.
 * `demo` means no Looker is configured and the app runs the simulator.
 */
export type LookbookRuntimeConfig =
  | { mode: 'demo' }
  | { mode: 'proxy'; status: 'ok'; lookerHost: string; lookerWebUrl: string }
  | { mode: 'proxy'; status: 'error'; lookerHost: string | null; problem: { kind: string; message: string } }

export const CONFIG_PATH = '/__lookbook/config'
export const SESSION_PATH = '/__lookbook/session'

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/**
 * Connected mode for `npm run dev` and `npm run preview`: with LOOKER_BASE_URL, LOOKER_CLIENT_ID and
 * LOOKER_CLIENT_SECRET in the environment (or .env.local), /api/4.0/* goes to that Looker, signed in on
 * this server. Without them the app runs in demo mode. See docs/decisions/0009-connected-mode.md.
 */
export function lookerProxy(options: { fetch?: typeof fetch } = {}): Plugin {
  let setup: ProxySetup = { kind: 'off' }
  let proxy: LookerProxy | null = null
  const install = (logger: Logger) => {
    if (setup.kind === 'ready') proxy = new LookerProxy(setup.config, logger, options.fetch ?? fetch)
    if (setup.kind === 'invalid') logger.error(`[lookbook] Connected mode is misconfigured: ${setup.problem}`)
    return proxyMiddleware(
      () => setup,
      () => proxy,
    )
  }
  return {
    name: 'lookbook-looker-proxy',
    configResolved(config) {
      const env = loadEnv(config.mode, config.envDir || config.root, '')
      // The demo build (VITE_DEMO=1) always talks to the in-browser simulator.
      setup = env.VITE_DEMO === '1' ? { kind: 'off' } : readProxySetup(env)
    },
    configureServer(server) {
      server.middlewares.use(install(server.config.logger))
    },
    configurePreviewServer(server) {
      server.middlewares.use(install(server.config.logger))
    },
  }
}

/** Exposed for tests: the same middleware the dev and preview servers use. */
export function proxyMiddleware(getSetup: () => ProxySetup, getProxy: () => LookerProxy | null): Middleware {
  return (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    const setup = getSetup()
    const proxy = getProxy()
    if (path === CONFIG_PATH || path === SESSION_PATH) {
      if (path === SESSION_PATH && req.method !== 'POST') return sendProblem(res, 405, 'method', 'Use POST.')
      void runtimeConfig(setup, proxy, path === SESSION_PATH).then((body) => {
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
        res.end(JSON.stringify(body))
      })
      return
    }
    if (path !== '/api/4.0' && !path.startsWith('/api/4.0/')) return next()
    if (setup.kind === 'off') return next()
    if (setup.kind === 'invalid') return sendProblem(res, 502, 'config', setup.problem)
    if (!proxy) return next()
    proxy.forward(req, res).catch((error: unknown) => {
      sendProblem(res, 502, 'upstream', `The Lookbook proxy failed: ${String(error)}`)
    })
  }
}

async function runtimeConfig(
  setup: ProxySetup,
  proxy: LookerProxy | null,
  force: boolean,
): Promise<LookbookRuntimeConfig> {
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
    if (!proxy) throw new ProxyProblem('config', 'The proxy is not running.')
    await proxy.session.accessToken({ force })
    return { mode: 'proxy', status: 'ok', lookerHost, lookerWebUrl: await proxy.webUrl() }
  } catch (error) {
    const problem = error instanceof ProxyProblem ? error : new ProxyProblem('upstream', String(error))
    return {
      mode: 'proxy',
      status: 'error',
      lookerHost,
      problem: { kind: problem.kind, message: problem.message },
    }
  }
}

function hostOf(url: string | null): string | null {
  if (!url) return null
  try {
    return new URL(url).host
  } catch {
    return null
  }
}

/** One configured Looker: its session, the forwarder, and the terminal messages about both. */
export class LookerProxy {
  readonly session: LookerSession
  private cachedWebUrl: Promise<string> | null = null
  private lastProblem: string | null = null
  private signedInOnce = false

  constructor(
    readonly config: ProxyConfig,
    logger: Pick<Logger, 'info' | 'warn' | 'error'>,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.session = new LookerSession(config, {
      fetch: fetchImpl,
      onSignIn: (seconds) => {
        const first = !this.signedInOnce || this.lastProblem !== null
        this.signedInOnce = true
        this.lastProblem = null
        const text = `[lookbook] ${first ? 'Signed in to' : 'Renewed the token for'} Looker at ${config.baseUrl} (token valid ${seconds} s)`
        logger.info(text, { timestamp: true })
      },
      onProblem: (problem) => {
        if (problem.message === this.lastProblem) return
        this.lastProblem = problem.message
        logger.error(`[lookbook] ${problem.message}`, { timestamp: true })
      },
    })
    logger.info(
      `[lookbook] Connected mode: /api/4.0 → ${config.baseUrl} (API key ${config.clientId.slice(0, 4)}…, the secret stays on this server)`,
    )
    // Sign in now so a wrong URL or key shows up in the terminal straight away, not at the first click.
    this.session.accessToken().catch(() => undefined)
  }

  forward(req: IncomingMessage, res: ServerResponse) {
    return forwardToLooker(req, res, this.config, this.session, this.fetchImpl)
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
    })
    if (!res.ok) throw new Error(`versions: HTTP ${res.status}`)
    const body = (await res.json()) as { web_server_url?: unknown }
    if (typeof body.web_server_url !== 'string') throw new Error('versions: no web_server_url')
    return new URL(body.web_server_url).origin
  }
}
