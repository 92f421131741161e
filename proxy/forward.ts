import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeWebStream } from 'node:stream/web'
import type { ProxyConfig } from './config.ts'
import { ProxyProblem, unreachable, type LookerSession } from './lookerSession.ts'

/** Request headers worth passing on; everything else (cookies, the browser's Authorization) stays here. */
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'content-type',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'x-looker-appid',
]

/** Response headers that describe this hop, or that belong to Looker's own origin, not to ours. */
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding', // fetch already decoded the body
  'set-cookie',
  'strict-transport-security',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-expose-headers',
  'vary',
])

/** Request bodies are buffered so a request can be repeated after a 401; Looker API bodies are small JSON. */
const MAX_REQUEST_BODY_BYTES = 20 * 1024 * 1024
/** Long enough for run_look and big downloads; render and query tasks are polled, not waited on. */
const UPSTREAM_TIMEOUT_MS = 5 * 60_000

/**
 * Forwards one /api/4.0/* request to Looker with the proxy's token: one renewal and repeat on a 401,
 * status and headers (Retry-After, X-Total-Count, Content-Type…) passed through, the body streamed back.
 */
export async function forwardToLooker(
  req: IncomingMessage,
  res: ServerResponse,
  config: ProxyConfig,
  session: LookerSession,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  const refusal = crossSiteRefusal(req)
  if (refusal) return sendProblem(res, 403, 'cross_site', refusal)
  const body = await readBody(req)
  if (body === 'too_large') {
    return sendProblem(res, 413, 'upstream', 'The request body is larger than the proxy accepts (20 MB).')
  }
  const abort = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) abort.abort()
  })
  const target = `${config.baseUrl}${req.url ?? '/'}`
  const headers = new Headers({ 'User-Agent': 'Lookbook-proxy' })
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name]
    if (typeof value === 'string') headers.set(name, value)
  }
  const send = async (token: string) => {
    headers.set('Authorization', `token ${token}`)
    return fetchImpl(target, {
      method: req.method ?? 'GET',
      headers,
      body: body && body.length > 0 ? new Uint8Array(body) : undefined,
      redirect: 'manual',
      signal: AbortSignal.any([abort.signal, AbortSignal.timeout(UPSTREAM_TIMEOUT_MS)]),
    })
  }
  let upstream: Response
  try {
    let token = await session.accessToken()
    upstream = await send(token)
    if (upstream.status === 401) {
      // The token died early (revoked, server restarted, clock skew): sign in again and repeat once.
      await upstream.arrayBuffer().catch(() => undefined) // a small JSON error; frees the connection
      session.invalidate(token)
      token = await session.accessToken({ force: true })
      upstream = await send(token)
    }
  } catch (error) {
    if (abort.signal.aborted) return
    const problem =
      error instanceof ProxyProblem ? error : unreachable(config.baseUrl, error, UPSTREAM_TIMEOUT_MS)
    return sendProblem(res, problem.status, problem.kind, problem.message)
  }
  res.statusCode = upstream.status
  upstream.headers.forEach((value, name) => {
    if (DROPPED_RESPONSE_HEADERS.has(name)) return
    if (name === 'content-length' && upstream.headers.has('content-encoding')) return
    res.setHeader(name, name === 'link' ? rewriteLinks(value, config.baseUrl) : value)
  })
  if (!upstream.body) return void res.end()
  try {
    await pipeline(Readable.fromWeb(upstream.body as NodeWebStream<Uint8Array>), res)
  } catch {
    // The browser went away or Looker cut the stream: nothing more can be sent on this response.
    res.destroy()
  }
}

/**
 * The proxy acts with its own credentials, so another site must not be able to make a visitor's browser
 * call it (a form POST to localhost:5173/api/4.0/… would otherwise run as the API user).
 */
function crossSiteRefusal(req: IncomingMessage): string | null {
  const site = req.headers['sec-fetch-site']
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
    return `The Lookbook proxy only answers the Lookbook app itself (Sec-Fetch-Site: ${site}).`
  }
  const origin = req.headers.origin
  if (typeof origin === 'string' && origin !== 'null') {
    let host: string | null
    try {
      host = new URL(origin).host
    } catch {
      host = null
    }
    if (host !== req.headers.host)
      return `The Lookbook proxy only answers the Lookbook app itself (Origin: ${origin}).`
  }
  return null
}

async function readBody(req: IncomingMessage): Promise<Buffer | null | 'too_large'> {
  if (req.method === 'GET' || req.method === 'HEAD') return null
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_REQUEST_BODY_BYTES) return 'too_large'
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

/** Paging links point at Looker; point them at the proxy so a client following them stays same-origin. */
function rewriteLinks(value: string, baseUrl: string): string {
  return value.split(baseUrl).join('')
}

/** A Looker-shaped error body (`message`), so the app shows it like any other API error. */
export function sendProblem(res: ServerResponse, status: number, kind: string, message: string) {
  if (res.headersSent) return void res.destroy()
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify({ message, documentation_url: null, lookbook_proxy_problem: kind }))
}
