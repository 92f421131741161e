import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  buildContentSecurityPolicy,
  FRAME_ANCESTORS_NONE,
  policyFromIndexHtml,
  securityHeaders,
} from '../proxy/csp.ts'
import { API_PREFIX, LookerGateway, pathOf, type Readiness } from '../proxy/gateway.ts'
import { sendProblem } from '../proxy/forward.ts'
import { sameOriginPolicy } from '../proxy/sameOrigin.ts'
import { logRequest, type JsonLogger } from './log.ts'
import type { ServerSettings } from './settings.ts'
import { GracefulShutdown, type ShutdownResult } from './shutdown.ts'
import { indexStaticFiles, serveStatic } from './staticFiles.ts'

export interface LookbookServer {
  server: Server
  gateway: LookerGateway
  /** Starts listening; resolves with the address actually bound (PORT=0 picks a free port). */
  listen(): Promise<URL>
  /** SIGTERM: finish what is in flight, then close (see GracefulShutdown). */
  shutdown(): Promise<ShutdownResult>
  requestsInFlight(): number
}

export interface ServerDependencies {
  logger: JsonLogger
  fetch?: typeof fetch
}

/**
 * The production server (`npm start`): the built app, the Looker gateway shared with the Vite plugin,
 * /healthz and /readyz, security headers on every response, one log line per request.
 * docs/decisions/0011-production-server.md explains the choices.
 */
export async function createLookbookServer(
  settings: ServerSettings,
  { logger, fetch }: ServerDependencies,
): Promise<LookbookServer> {
  const site = await indexStaticFiles(settings.staticDir)
  // The header policy is the one the build put in index.html (an OAuth build adds its Looker API origin).
  const policy = policyFromIndexHtml(site.indexHtml) ?? buildContentSecurityPolicy()
  const headers = Object.entries(securityHeaders(`${policy}; ${FRAME_ANCESTORS_NONE}`))
  const gateway = new LookerGateway(settings.looker, {
    logger,
    fetch,
    sameOrigin: sameOriginPolicy(settings.publicOrigins),
  })

  const server = createServer((req, res) => {
    logRequest(logger, req, res)
    for (const [name, value] of headers) res.setHeader(name, value)
    const path = pathOf(req)
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' })
    if (path === '/readyz') return void readiness().then((r) => sendJson(res, r.ready ? 200 : 503, r))
    gateway.handle(req, res, () => {
      if (path.startsWith(`${API_PREFIX}/`) || path === API_PREFIX || path.startsWith('/__lookbook/')) {
        const message = 'No Looker is configured on this server (demo mode: the demo runs in your browser).'
        return sendProblem(res, 404, 'demo_mode', message)
      }
      serveStatic(site, req, res)
    })
  })
  // Idle keep-alive sockets stay open longer than a reverse proxy keeps its own (nginx: 60 s), so the proxy
  // never sends a request on a socket this server is closing. Node wants headersTimeout above it.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  const shutdown = new GracefulShutdown(server)

  async function readiness(): Promise<Readiness | { ready: false; shuttingDown: true }> {
    if (shutdown.shuttingDown) return { ready: false, shuttingDown: true }
    return gateway.readiness()
  }

  return {
    server,
    gateway,
    listen: () =>
      new Promise<URL>((resolve, reject) => {
        server.once('error', reject)
        server.listen(settings.port, settings.host, () => {
          server.off('error', reject)
          const { address, family, port } = server.address() as AddressInfo
          resolve(new URL(`http://${family === 'IPv6' ? `[${address}]` : address}:${port}`))
        })
      }),
    shutdown: () => shutdown.shutdown(settings.shutdownTimeoutMs),
    requestsInFlight: () => shutdown.requestsInFlight,
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}
