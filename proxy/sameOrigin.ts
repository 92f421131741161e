import type { IncomingMessage } from 'node:http'

/**
 * Which browser pages may use the proxy. It acts with its own Looker credentials, so a page on another site
 * must not be able to make a visitor's browser call it (a form POST to /api/4.0/… would otherwise run as the
 * API user). Accepted: requests from no page at all (no Origin, Sec-Fetch-Site `none`), and pages on the
 * origin the request was addressed to (its Host) or on one of the public origins the server is reached
 * under behind a reverse proxy that rewrites Host (PUBLIC_ORIGIN).
 */
export interface SameOriginPolicy {
  /** Why the request is refused, in words for the person reading the response, or null to let it through. */
  refusal(req: IncomingMessage): string | null
}

export function sameOriginPolicy(publicOrigins: readonly string[] = []): SameOriginPolicy {
  const accepted = new Set(publicOrigins)
  return {
    refusal(req) {
      const site = req.headers['sec-fetch-site']
      if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
        return `The Lookbook proxy only answers the Lookbook app itself (Sec-Fetch-Site: ${site}).`
      }
      const origin = req.headers.origin
      if (typeof origin !== 'string' || origin === 'null') return null
      const url = parseUrl(origin)
      if (url && (url.host === req.headers.host || accepted.has(url.origin))) return null
      return `The Lookbook proxy only answers the Lookbook app itself (Origin: ${origin}).`
    },
  }
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text)
  } catch {
    return null
  }
}
