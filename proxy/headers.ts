import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Which headers cross the proxy, in one place: what the browser may tell Looker, and what of Looker's answer
 * reaches the browser (docs/decisions/0009-connected-mode.md).
 */

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

/** Response headers that describe Looker's hop or Looker's own origin, not ours. */
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
  // This server's own security headers (proxy/csp.ts) hold for every response; Looker's are about its pages.
  'content-security-policy',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
])

/** The headers of the request to Looker: the proxy's own user agent plus the allowed browser headers. */
export function upstreamRequestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers({ 'User-Agent': 'Lookbook-proxy' })
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name]
    if (typeof value === 'string') headers.set(name, value)
  }
  return headers
}

/** Copies Looker's response headers that belong on our response; paging links are pointed at the proxy. */
export function copyResponseHeaders(upstream: Response, res: ServerResponse, baseUrl: string) {
  upstream.headers.forEach((value, name) => {
    if (DROPPED_RESPONSE_HEADERS.has(name)) return
    if (name === 'content-length' && upstream.headers.has('content-encoding')) return
    res.setHeader(name, name === 'link' ? rewriteLinks(value, baseUrl) : value)
  })
}

/** Paging links point at Looker; point them at the proxy so a client following them stays same-origin. */
function rewriteLinks(value: string, baseUrl: string): string {
  return value.split(baseUrl).join('')
}
