import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Which headers cross the proxy, in one place: what the browser may tell Looker, and what of Looker's answer
 * reaches the browser (docs/decisions/0009-connected-mode.md, 0013-proxy-hardening.md). Both are allowlists:
 * a header Looker (or something pretending to be Looker) adds tomorrow — Refresh, Location, Clear-Site-Data,
 * Set-Cookie, a CORS or CSP header — never reaches the app's origin.
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

/** Response headers the app reads or that describe the body; nothing about Looker's own origin or hop. */
const FORWARDED_RESPONSE_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-language',
  'cache-control',
  'etag',
  'last-modified',
  'expires',
  'retry-after', // 202 and 429: when to ask again
  'x-total-count', // search totals
  'link', // paging links, pointed at the proxy
])

/** Bodies a browser would run as a document in our origin if one were opened directly. */
const ACTIVE_CONTENT =
  /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml)\b|\+xml\b/i

/**
 * Headers on every proxied answer, over whatever the server sends on its own pages: the body is data, so
 * if a browser opens it as a page it runs nothing and loads nothing (a sandbox without allow-scripts is a
 * unique origin: no cookies, no storage, no calls to the proxy), and it is never sniffed into HTML.
 */
export const PROXIED_RESPONSE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
}

/** The headers of the request to Looker: the proxy's own user agent plus the allowed browser headers. */
export function upstreamRequestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers({ 'User-Agent': 'Lookbook-proxy' })
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name]
    if (typeof value === 'string') headers.set(name, value)
  }
  return headers
}

/**
 * Copies the allowed headers of Looker's answer; paging links are pointed at the proxy. HTML, SVG and XML
 * bodies are sent as attachments (a download, not a page); fetch() reads them the same either way, so the
 * app's own use of them (an SVG thumbnail as an object URL in an <img>) does not change.
 */
export function copyResponseHeaders(upstream: Response, res: ServerResponse, baseUrl: string) {
  upstream.headers.forEach((value, name) => {
    if (!FORWARDED_RESPONSE_HEADERS.has(name)) return
    if (name === 'content-length' && upstream.headers.has('content-encoding')) return // fetch decoded the body
    res.setHeader(name, name === 'link' ? rewriteLinks(value, baseUrl) : value)
  })
  for (const [name, value] of Object.entries(PROXIED_RESPONSE_HEADERS)) res.setHeader(name, value)
  const type = upstream.headers.get('content-type')
  if (upstream.body && !type) res.setHeader('Content-Type', 'application/octet-stream')
  if (type && ACTIVE_CONTENT.test(type)) res.setHeader('Content-Disposition', 'attachment')
}

/** Paging links point at Looker; point them at the proxy so a client following them stays same-origin. */
function rewriteLinks(value: string, baseUrl: string): string {
  return value.split(baseUrl).join('')
}
