import type { IncomingMessage, ServerResponse } from 'node:http'

/** What a Looker instance's embedded-domain allowlist would contain for local development. */
export const DEFAULT_ALLOWED_ORIGINS = [
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:4173',
  'http://127.0.0.1:4173',
]

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS'
const ALLOW_HEADERS = 'Authorization, Content-Type, X-Looker-Appid'
/** Without these a cross-origin page cannot read paging totals or back-off hints. */
const EXPOSE_HEADERS = 'Retry-After, X-Total-Count'

export class CorsPolicy {
  private readonly allowed: Set<string>

  constructor(origins: string[]) {
    this.allowed = new Set(origins.map((o) => o.replace(/\/+$/, '')))
  }

  isAllowed(origin: string | undefined): origin is string {
    return origin !== undefined && this.allowed.has(origin)
  }

  /** Headers for an actual (non-preflight) response: echo the origin only when it is allowed. */
  responseHeaders(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin
    if (!this.isAllowed(origin)) return {}
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': EXPOSE_HEADERS,
      Vary: 'Origin',
    }
  }

  /**
   * Answers a preflight. Returns true when the request was one. An origin outside the allowlist gets a
   * 403 without CORS headers, so the browser blocks the real request, as it would against Looker.
   */
  handlePreflight(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'OPTIONS') return false
    const origin = req.headers.origin
    if (!this.isAllowed(origin)) {
      res.writeHead(403, { 'Content-Type': 'text/plain', Vary: 'Origin' }).end('Origin not allowed')
      return true
    }
    res
      .writeHead(204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      })
      .end()
    return true
  }
}
