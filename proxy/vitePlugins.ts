import type { ServerResponse } from 'node:http'
import { loadEnv, type Logger, type Plugin } from 'vite'
import { readProxySetup, type ProxySetup } from './config.ts'
import { buildContentSecurityPolicy, FRAME_ANCESTORS_NONE, oauthApiOrigin, securityHeaders } from './csp.ts'
import { LookerGateway } from './gateway.ts'
import { isLoopbackHost, sameOriginPolicy } from './sameOrigin.ts'
import type { ProxyLogger } from './lookerProxy.ts'

/**
 * The Vite side of the proxy and the security headers: thin adapters around the modules `npm start` uses
 * too (proxy/gateway.ts, proxy/csp.ts). Nothing outside this file imports Vite.
 */

/**
 * Connected mode for `npm run dev` and `npm run preview`: with LOOKER_BASE_URL, LOOKER_CLIENT_ID and
 * LOOKER_CLIENT_SECRET in the environment (or .env.local), /api/4.0/* goes to that Looker, signed in on
 * this server. Without them the app runs in demo mode. See docs/decisions/0009-connected-mode.md.
 *
 * Also: no CORS on either server (Vite's default lets any http://localhost:* page read its answers), the
 * Host allowlist follows Vite's `allowedHosts`, and connected mode refuses to listen beyond loopback
 * (`--host`) unless LOOKBOOK_ALLOW_REMOTE=1 says so (docs/decisions/0013-proxy-hardening.md).
 */
export function lookerProxy(options: { fetch?: typeof fetch } = {}): Plugin {
  let setup: ProxySetup = { kind: 'off' }
  let allowRemote = false
  const install = (logger: Logger, host: string | boolean | undefined, allowedHosts: string[] | true) => {
    if (setup.kind !== 'off' && !allowRemote && !isLoopbackHost(host)) {
      throw new Error(
        `[lookbook] Connected mode would listen on ${host === true ? 'every network interface' : String(host)}: ` +
          'anyone who can reach the port would act as the Looker API user. Leave out --host (or server.host), ' +
          'or set LOOKBOOK_ALLOW_REMOTE=1 to do this on purpose (README → Sharing Lookbook).',
      )
    }
    const sameOrigin = sameOriginPolicy([], {
      allowedHosts,
      hostSetting: 'server.allowedHosts in vite.config.ts',
    })
    return new LookerGateway(setup, { logger: terminalLogger(logger), fetch: options.fetch, sameOrigin })
      .handle
  }
  return {
    name: 'lookbook-looker-proxy',
    config: () => ({ server: { cors: false }, preview: { cors: false } }),
    configResolved(config) {
      const env = loadEnv(config.mode, config.envDir || config.root, '')
      // The demo build (VITE_DEMO=1) always talks to the in-browser simulator.
      setup = env.VITE_DEMO === '1' ? { kind: 'off' } : readProxySetup(env)
      allowRemote = env.LOOKBOOK_ALLOW_REMOTE === '1'
    },
    configureServer(server) {
      const { host, allowedHosts } = server.config.server
      server.middlewares.use(install(server.config.logger, host, allowedHosts))
    },
    configurePreviewServer(server) {
      const { host, allowedHosts } = server.config.preview
      server.middlewares.use(install(server.config.logger, host, allowedHosts))
    },
  }
}

function terminalLogger(logger: Logger): ProxyLogger {
  return {
    info: (message) => logger.info(message, { timestamp: true }),
    warn: (message) => logger.warn(message, { timestamp: true }),
    error: (message) => logger.error(message, { timestamp: true }),
  }
}

/** The policy as a <meta> tag in the built index.html (proxy/csp.ts). */
export function contentSecurityPolicy(): Plugin {
  let policy = buildContentSecurityPolicy()
  return {
    name: 'lookbook-content-security-policy',
    apply: 'build',
    configResolved(config) {
      const origin = oauthApiOrigin(loadEnv(config.mode, config.envDir || config.root, 'VITE_'))
      policy = buildContentSecurityPolicy(origin ? [origin] : [])
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
          injectTo: 'head-prepend',
        },
      ],
    },
  }
}

/**
 * The dev and preview servers' security headers. The dev server's CSP is `frame-ancestors 'none'` only
 * (its hot-reload preamble is an inline script), which is what stops a page on another port from
 * framing the app and getting a click on Delete (issue 12); preview's <meta> policy holds the rest.
 */
export function serverSecurityHeaders(): Plugin {
  const headers = Object.entries(securityHeaders(FRAME_ANCESTORS_NONE))
  const middleware = (_req: unknown, res: ServerResponse, next: () => void) => {
    for (const [name, value] of headers) res.setHeader(name, value)
    next()
  }
  return {
    name: 'lookbook-security-headers',
    configureServer(server) {
      server.middlewares.use(middleware)
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware)
    },
  }
}
