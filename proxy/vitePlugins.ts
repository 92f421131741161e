import { loadEnv, type Logger, type Plugin } from 'vite'
import { readProxySetup, type ProxySetup } from './config.ts'
import { buildContentSecurityPolicy, FRAME_ANCESTORS_NONE, oauthApiOrigin, securityHeaders } from './csp.ts'
import { LookerGateway } from './gateway.ts'
import type { ProxyLogger } from './lookerProxy.ts'

/**
 * The Vite side of the proxy and the security headers: thin adapters around the modules `npm start` uses
 * too (proxy/gateway.ts, proxy/csp.ts). Nothing outside this file imports Vite.
 */

/**
 * Connected mode for `npm run dev` and `npm run preview`: with LOOKER_BASE_URL, LOOKER_CLIENT_ID and
 * LOOKER_CLIENT_SECRET in the environment (or .env.local), /api/4.0/* goes to that Looker, signed in on
 * this server. Without them the app runs in demo mode. See docs/decisions/0009-connected-mode.md.
 */
export function lookerProxy(options: { fetch?: typeof fetch } = {}): Plugin {
  let setup: ProxySetup = { kind: 'off' }
  const install = (logger: Logger) =>
    new LookerGateway(setup, { logger: terminalLogger(logger), fetch: options.fetch }).handle
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

/** The preview server's headers: the page's <meta> policy holds the rest of the CSP. */
export function previewSecurityHeaders(): Plugin {
  return {
    name: 'lookbook-preview-security-headers',
    configurePreviewServer(server) {
      const headers = Object.entries(securityHeaders(FRAME_ANCESTORS_NONE))
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of headers) res.setHeader(name, value)
        next()
      })
    },
  }
}
