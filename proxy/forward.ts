import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeWebStream } from 'node:stream/web'
import type { ProxyConfig } from './config.ts'
import { copyResponseHeaders, upstreamRequestHeaders } from './headers.ts'
import { ProxyProblem, unreachable, type LookerSession } from './lookerSession.ts'

/** How much the proxy takes on for one request. */
export interface ForwardLimits {
  /** Request bodies are buffered so a request can be repeated after a 401; Looker API bodies are small JSON. */
  maxRequestBodyBytes: number
  /** Long enough for run_look and big downloads; render and query tasks are polled, not waited on. */
  upstreamTimeoutMs: number
}

export const DEFAULT_LIMITS: ForwardLimits = {
  maxRequestBodyBytes: 20 * 1024 * 1024,
  upstreamTimeoutMs: 5 * 60_000,
}

export interface ForwardOptions {
  fetch?: typeof fetch
  limits?: ForwardLimits
}

/**
 * Forwards one /api/4.0/* request to Looker with the proxy's token: one renewal and repeat on a 401,
 * status and headers (Retry-After, X-Total-Count, Content-Type…) passed through, the body streamed back.
 * Whether the request may be forwarded at all is the gateway's decision (proxy/gateway.ts).
 */
export async function forwardToLooker(
  req: IncomingMessage,
  res: ServerResponse,
  config: ProxyConfig,
  session: LookerSession,
  { fetch: fetchImpl = fetch, limits = DEFAULT_LIMITS }: ForwardOptions = {},
): Promise<void> {
  const body = await readBody(req, limits.maxRequestBodyBytes)
  if (body === 'too_large') {
    const mb = Math.round(limits.maxRequestBodyBytes / 1024 / 1024)
    return sendProblem(res, 413, 'upstream', `The request body is larger than the proxy accepts (${mb} MB).`)
  }
  const abort = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) abort.abort()
  })
  const target = `${config.baseUrl}${req.url ?? '/'}`
  const headers = upstreamRequestHeaders(req)
  const send = async (token: string) => {
    headers.set('Authorization', `token ${token}`)
    return fetchImpl(target, {
      method: req.method ?? 'GET',
      headers,
      body: body && body.length > 0 ? new Uint8Array(body) : undefined,
      redirect: 'manual',
      signal: AbortSignal.any([abort.signal, AbortSignal.timeout(limits.upstreamTimeoutMs)]),
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
      error instanceof ProxyProblem ? error : unreachable(config.baseUrl, error, limits.upstreamTimeoutMs)
    return sendProblem(res, problem.status, problem.kind, problem.message)
  }
  res.statusCode = upstream.status
  copyResponseHeaders(upstream, res, config.baseUrl)
  if (!upstream.body) return void res.end()
  try {
    await pipeline(Readable.fromWeb(upstream.body as NodeWebStream<Uint8Array>), res)
  } catch {
    // The browser went away or Looker cut the stream: nothing more can be sent on this response.
    res.destroy()
  }
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null | 'too_large'> {
  if (req.method === 'GET' || req.method === 'HEAD') return null
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > maxBytes) return 'too_large'
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

/** A Looker-shaped error body (`message`), so the app shows it like any other API error. */
export function sendProblem(res: ServerResponse, status: number, kind: string, message: string) {
  if (res.headersSent) return void res.destroy()
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify({ message, documentation_url: null, lookbook_proxy_problem: kind }))
}
