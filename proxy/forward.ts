import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeWebStream } from 'node:stream/web'
import type { ProxyConfig } from './config.ts'
import { copyResponseHeaders, PROXIED_RESPONSE_HEADERS, upstreamRequestHeaders } from './headers.ts'
import { ProxyProblem, unreachable, type LookerSession } from './lookerSession.ts'

/** How much the proxy takes on: per request, and across all requests in flight. */
export interface ForwardLimits {
  /** Request bodies are buffered so a request can be repeated after a 401; Looker API bodies are small JSON. */
  maxRequestBodyBytes: number
  /** All buffered request bodies together, across concurrent requests: a flood cannot grow the heap. */
  maxBufferedBytes: number
  /** Long enough for run_look and big downloads; render and query tasks are polled, not waited on. */
  upstreamTimeoutMs: number
}

export const DEFAULT_LIMITS: ForwardLimits = {
  maxRequestBodyBytes: 2 * 1024 * 1024,
  maxBufferedBytes: 16 * 1024 * 1024,
  upstreamTimeoutMs: 5 * 60_000,
}

/** The bytes of request bodies held right now, shared by every request one proxy forwards. */
export class BodyBudget {
  private used = 0
  constructor(readonly limit: number) {}
  get inUse() {
    return this.used
  }
  take(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false
    this.used += bytes
    return true
  }
  give(bytes: number) {
    this.used = Math.max(0, this.used - bytes)
  }
}

export interface ForwardOptions {
  fetch?: typeof fetch
  limits?: ForwardLimits
  budget?: BodyBudget
}

/**
 * Forwards one checked /api/4.0 request (`target`, built by proxy/apiPath.ts) to Looker with the proxy's
 * token: one renewal and repeat on a 401, status and allowed headers passed through, the body streamed back.
 * Whether the request may be forwarded at all is the gateway's decision (proxy/gateway.ts).
 */
export async function forwardToLooker(
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  config: ProxyConfig,
  session: LookerSession,
  {
    fetch: fetchImpl = fetch,
    limits = DEFAULT_LIMITS,
    budget = new BodyBudget(limits.maxBufferedBytes),
  }: ForwardOptions = {},
): Promise<void> {
  const read = await readBody(req, limits.maxRequestBodyBytes, budget)
  if (read.kind === 'too_large') {
    const mb = Math.round((limits.maxRequestBodyBytes / 1024 / 1024) * 10) / 10
    return refuseBody(
      req,
      res,
      413,
      'body_too_large',
      `The request body is larger than the proxy accepts (${mb} MB).`,
    )
  }
  if (read.kind === 'aborted') return
  if (read.kind === 'busy') {
    res.setHeader('Retry-After', '5')
    return refuseBody(
      req,
      res,
      503,
      'busy',
      'The proxy is holding as many request bodies as it accepts at once. Try again in a moment.',
    )
  }
  try {
    await sendAndStream(req, res, target, read.body, config, session, fetchImpl, limits)
  } finally {
    budget.give(read.held)
  }
}

async function sendAndStream(
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  body: Buffer | null,
  config: ProxyConfig,
  session: LookerSession,
  fetchImpl: typeof fetch,
  limits: ForwardLimits,
) {
  const abort = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) abort.abort()
  })
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
    const token = await session.accessToken()
    upstream = await send(token)
    if (upstream.status === 401) {
      // The token died early (revoked, server restarted, clock skew): sign in again and repeat once,
      // unless forced sign-ins are used up for now (then the browser gets Looker's 401).
      const replacement = await session.renewAfterRefusal(token)
      if (replacement !== null) {
        await upstream.arrayBuffer().catch(() => undefined) // a small JSON error; frees the connection
        upstream = await send(replacement)
      }
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
    // The browser went away, Looker cut the stream, or the time ran out: nothing more can be sent.
    res.destroy()
  }
}

type BodyRead =
  | { kind: 'ok'; body: Buffer | null; held: number }
  | { kind: 'too_large' }
  | { kind: 'busy' }
  | { kind: 'aborted' }

/**
 * Reads the body into memory within both limits. A declared Content-Length is judged before a byte is
 * read; a chunked body as it arrives. The bytes stay counted in the budget until the caller gives them
 * back. A refused body is not read further (and not kept): the stream is left flowing into nothing.
 */
function readBody(req: IncomingMessage, maxBytes: number, budget: BodyBudget): Promise<BodyRead> {
  if (req.method === 'GET' || req.method === 'HEAD')
    return Promise.resolve({ kind: 'ok', body: null, held: 0 })
  const declared = Number(req.headers['content-length'] ?? NaN)
  if (declared > maxBytes) return Promise.resolve({ kind: 'too_large' })
  let held = 0
  const reserve = (bytes: number) => {
    if (!budget.take(bytes)) return false
    held += bytes
    return true
  }
  if (declared > 0 && !reserve(declared)) return Promise.resolve({ kind: 'busy' })
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const finish = (result: BodyRead) => {
      req.off('data', onData).off('end', onEnd).off('close', onClose)
      if (result.kind !== 'ok') {
        budget.give(held)
        chunks.length = 0
      }
      resolve(result)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) return finish({ kind: 'too_large' })
      if (size > held && !reserve(size - held)) return finish({ kind: 'busy' })
      chunks.push(chunk)
    }
    const onEnd = () => finish({ kind: 'ok', body: Buffer.concat(chunks), held })
    const onClose = () => finish({ kind: 'aborted' })
    req.on('data', onData).on('end', onEnd).on('close', onClose)
  })
}

/** Answers a refused body and drops the rest of it unread; the connection closes after the answer. */
function refuseBody(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  kind: string,
  message: string,
) {
  res.setHeader('Connection', 'close')
  sendProblem(res, status, kind, message)
  req.resume()
}

/** A Looker-shaped error body (`message`), so the app shows it like any other API error. */
export function sendProblem(
  res: ServerResponse,
  status: number,
  kind: string,
  message: string,
  extra: Record<string, string> = {},
) {
  if (res.headersSent) return void res.destroy()
  res.writeHead(status, {
    ...PROXIED_RESPONSE_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  res.end(JSON.stringify({ message, documentation_url: null, lookbook_proxy_problem: kind, ...extra }))
}
