import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SimNetworkError } from '../core/errors'
import { parseFaultSpec, type FaultRule } from '../core/faults'
import { createLookerSim, type LookerSim, type SimOptions } from '../core/sim'
import { CorsPolicy, DEFAULT_ALLOWED_ORIGINS } from './cors'

export interface SimServerOptions extends Omit<SimOptions, 'faults'> {
  /** 0 (default) picks a free port. */
  port?: number
  host?: string
  /** Use this simulator instead of creating one from the other options. */
  sim?: LookerSim
  /** Rules, or the URL spec form ("429@0.3@GET@/looks/*;drop@0.05"). */
  faults?: FaultRule[] | string
  allowOrigins?: string[]
  /** One line per request; false to stay quiet (tests). Default: console.log. */
  log?: ((line: string) => void) | false
}

export interface SimServer {
  /** Base URL without a trailing slash, e.g. "http://127.0.0.1:4010". */
  url: string
  sim: LookerSim
  close(): Promise<void>
}

/** The simulator on a real port: node:http ⇄ fetch Request/Response, plus Looker-like CORS. */
export async function startSimServer(options: SimServerOptions = {}): Promise<SimServer> {
  const { port = 0, host = '127.0.0.1', allowOrigins = DEFAULT_ALLOWED_ORIGINS, log = console.log } = options
  const faults = typeof options.faults === 'string' ? parseFaultSpec(options.faults) : options.faults
  const sim = options.sim ?? createLookerSim({ ...options, faults })
  const cors = new CorsPolicy(allowOrigins)

  const server = createServer((req, res) => {
    const started = Date.now()
    const done = (status: number | string) => {
      if (log)
        log(
          `${new Date().toISOString()} ${req.method ?? '?'} ${req.url ?? ''} ${status} ${Date.now() - started}ms`,
        )
    }
    if (cors.handlePreflight(req, res)) return done(res.statusCode)
    serve(sim, cors, req, res).then(done, (error: unknown) => {
      if (error instanceof SimNetworkError) {
        // An injected "drop": cut the connection so the client sees a network error.
        req.socket.destroy()
        return done('dropped')
      }
      console.error('looker-sim server error', error)
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ message: 'Internal server error', documentation_url: null }))
      done(500)
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${hostForUrl}:${address.port}`,
    sim,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

async function serve(
  sim: LookerSim,
  cors: CorsPolicy,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<number> {
  const request = await toRequest(req)
  const response = await sim.handle(request)
  const headers: Record<string, string> = { ...cors.responseHeaders(req) }
  response.headers.forEach((value, name) => (headers[name] = value))
  const body = Buffer.from(await response.arrayBuffer())
  res.writeHead(response.status, headers).end(body)
  return response.status
}

async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v))
    else if (value !== undefined) headers.set(name, value)
  }
  const method = req.method ?? 'GET'
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
  const hasBody = method !== 'GET' && method !== 'HEAD' && chunks.length > 0
  return new Request(url, { method, headers, body: hasBody ? Buffer.concat(chunks) : undefined })
}
